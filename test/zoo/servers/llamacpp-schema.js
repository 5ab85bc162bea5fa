import { completion, gradeReply, isChat, goNotFound } from '../loopback.js';

/**
 * llama.cpp server: a json_schema its grammar converter cannot handle is a 400
 * "JSON schema conversion failed"; json_object works. Its usage can be partial.
 */
export default {
  name: 'llama.cpp (JSON schema conversion failed)',
  handler: (request) => {
    if (!isChat(request)) return goNotFound();
    if (request.body.response_format?.type === 'json_schema') {
      return { status: 400, body: { error: { code: 400, message: 'JSON schema conversion failed:\nUnrecognized schema: {"enum":[0,1,2,3],"type":"integer"}', type: 'invalid_request_error' } } };
    }
    return { status: 200, body: completion({ content: gradeReply(request.body), usage: { completion_tokens: 61, prompt_tokens: 402, total_tokens: 463 } }) };
  },
  expect: { status: 'graded', earned: 5, requests: 2, rungs: ['json_schema', 'json_object'] },
};

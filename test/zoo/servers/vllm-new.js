import { completion, gradeReply, isChat, goNotFound } from '../loopback.js';

/** vLLM >= 0.10.1: OpenAI's `{"error": {...}}` shape (vllm PR 22099), here rejecting json_schema and json_object. */
export default {
  name: 'vLLM >= 0.10.1',
  handler: (request) => {
    if (!isChat(request)) return goNotFound();
    if (request.body.response_format) return { status: 400, body: { error: { message: 'The provided JSON schema contains features not supported by xgrammar.', type: 'BadRequestError', param: null, code: 400 } } };
    return { status: 200, body: completion({ content: `Grade:\n${gradeReply(request.body)}` }) };
  },
  expect: { status: 'graded', earned: 5, requests: 3, rungs: ['json_schema', 'json_object', 'text'] },
};

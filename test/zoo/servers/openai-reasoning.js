import { completion, gradeReply, isChat, goNotFound } from '../loopback.js';

/**
 * OpenAI reasoning models (o1, o3-mini, gpt-5): any temperature other than the
 * default is a 400 naming the param. Documented error body, verbatim shape.
 */
export default {
  name: 'OpenAI reasoning model (rejects temperature)',
  handler: (request) => {
    if (!isChat(request)) return goNotFound();
    if (request.body.temperature !== undefined) {
      return { status: 400, body: { error: { message: "Unsupported value: 'temperature' does not support 0 with this model. Only the default (1) value is supported.", type: 'invalid_request_error', param: 'temperature', code: 'unsupported_value' } } };
    }
    return { status: 200, body: completion({ content: gradeReply(request.body), usage: { prompt_tokens: 300, completion_tokens: 900, total_tokens: 1200, completion_tokens_details: { reasoning_tokens: 832 } } }) };
  },
  expect: { status: 'graded', earned: 5, requests: 2, rungs: ['json_schema', 'json_schema'], temperatures: [0, undefined] },
};

import { completion, gradeReply, isChat, goNotFound } from '../loopback.js';

/**
 * vLLM before 0.10.1: errors are flat, `{"object": "error", "message", "type", "code"}`,
 * which the SDK alone reads as "400 status code (no body)" (vllm#12886).
 */
export default {
  name: 'vLLM < 0.10.1 (flat error body)',
  handler: (request) => {
    if (!isChat(request)) return goNotFound();
    if (request.body.response_format?.type === 'json_schema') {
      return { status: 400, body: { object: 'error', message: 'Guided decoding backend xgrammar does not support this JSON schema.', type: 'BadRequestError', param: null, code: 400 } };
    }
    return { status: 200, body: completion({ content: gradeReply(request.body) }) };
  },
  expect: { status: 'graded', earned: 5, requests: 2, rungs: ['json_schema', 'json_object'] },
};

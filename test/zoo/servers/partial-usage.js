import { completion, gradeReply, isChat, goNotFound } from '../loopback.js';

/** llama.cpp builds and adapters that send only `usage.total_tokens`: counted as completion tokens, nothing crashes. */
export default {
  name: 'partial usage ({"total_tokens": 42})',
  handler: (request) => (isChat(request) ? { status: 200, body: completion({ content: gradeReply(request.body), usage: { total_tokens: 42 } }) } : goNotFound()),
  expect: { status: 'graded', earned: 5, requests: 1, usage: { promptTokens: 0, completionTokens: 42 } },
};

import { completion, gradeReply, isChat, goNotFound } from '../loopback.js';

/** OpenAI (gpt-4o-mini): structured outputs with json_schema, full usage. Graded on the first rung with one request. */
export default {
  name: 'OpenAI',
  handler: (request) => (isChat(request) ? { status: 200, body: completion({ content: gradeReply(request.body) }), headers: { 'x-request-id': 'req_zoo' } } : goNotFound()),
  expect: { status: 'graded', earned: 5, requests: 1, rungs: ['json_schema'], usage: { promptTokens: 120, completionTokens: 40 } },
};

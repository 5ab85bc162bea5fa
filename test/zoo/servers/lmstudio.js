import { completion, gradeReply, isChat, goNotFound } from '../loopback.js';

/**
 * LM Studio: structured output only as json_schema; `json_object` is a 400 whose
 * `error` is a bare string (lmstudio-bug-tracker#189). A grade remembered on the
 * text rung still works; here the ladder starts at json_schema and stays there.
 */
export const lmStudioHandler = (request) => {
  if (!isChat(request)) return goNotFound();
  const type = request.body.response_format?.type;
  if (type !== undefined && type !== 'json_schema' && type !== 'text') return { status: 400, body: { error: "'response_format.type' must be 'json_schema' or 'text'" } };
  return { status: 200, body: completion({ content: gradeReply(request.body), usage: { prompt_tokens: 210, completion_tokens: 55, total_tokens: 265 } }) };
};

export default {
  name: 'LM Studio (rejects json_object)',
  handler: lmStudioHandler,
  expect: { status: 'graded', earned: 5, requests: 1, rungs: ['json_schema'] },
};

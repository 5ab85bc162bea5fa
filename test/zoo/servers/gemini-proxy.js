import { completion, gradeReply, isChat, goNotFound } from '../loopback.js';

/**
 * Gemini behind an OpenAI-compatible proxy: errors arrive wrapped in an array,
 * `[{"error": {...}}]`, here rejecting the strict schema; json_object works.
 */
export default {
  name: 'array-wrapped error (Gemini behind a proxy)',
  handler: (request) => {
    if (!isChat(request)) return goNotFound();
    if (request.body.response_format?.type === 'json_schema') return { status: 400, body: [{ error: { code: 400, message: 'Invalid JSON payload received. Unknown name "strict" at \'generation_config.response_schema\'', status: 'INVALID_ARGUMENT' } }] };
    return { status: 200, body: completion({ content: gradeReply(request.body) }) };
  },
  expect: { status: 'graded', earned: 5, requests: 2, rungs: ['json_schema', 'json_object'] },
};

import { completion, gradeReply, isChat, goNotFound } from '../loopback.js';

/** 429 rate_limit_exceeded with `retry-after: 1` (seconds): waited for, then retried inside the budget. */
export default {
  name: '429 with retry-after',
  handler: (request, index) => {
    if (!isChat(request)) return goNotFound();
    if (index === 0) return { status: 429, headers: { 'retry-after': '1' }, body: { error: { message: 'Rate limit reached for gpt-4o-mini on requests per min (RPM): Limit 3, Used 3, Requested 1.', type: 'requests', param: null, code: 'rate_limit_exceeded' } } };
    return { status: 200, body: completion({ content: gradeReply(request.body) }) };
  },
  expect: { status: 'graded', earned: 5, requests: 2, minMs: 950 },
};

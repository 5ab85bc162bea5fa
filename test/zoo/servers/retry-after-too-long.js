import { isChat, goNotFound, goodReply } from '../loopback.js';

/** 429 asking for a 30 s wait when the budget is 2 s: no pointless wait, an immediate "rate limited" that says why. */
export default {
  name: '429 with a retry-after beyond the budget',
  timeoutSeconds: 2,
  handler: (request) => (isChat(request) ? { status: 429, headers: { 'retry-after': '30' }, body: { error: { message: 'Rate limit reached for requests', type: 'requests', param: null, code: 'rate_limit_exceeded' } } } : goNotFound()),
  expect: { status: 'ungraded', category: 'rate limited', requests: 1, reason: /^rate limited: 429 Rate limit reached for requests \(retry after 30 s would exceed llm\.timeoutSeconds\)/, maxMs: 1500 },
  fixed: goodReply,
};

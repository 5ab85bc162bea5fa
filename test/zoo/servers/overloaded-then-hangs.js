import { completion, gradeReply, isChat, goNotFound, goodReply } from '../loopback.js';

/** 503 once, then a reply that never comes in time: the retry gets only what is left of the one budget. */
export default {
  name: 'overloaded, then hanging (one budget for all attempts)',
  timeoutSeconds: 1,
  handler: (request, index) => {
    if (!isChat(request)) return goNotFound();
    if (index === 0) return { status: 503, headers: { 'retry-after-ms': '100' }, body: { error: { message: 'Server overloaded', type: 'server_error' } } };
    return { status: 200, body: completion({ content: gradeReply(request.body) }), delayMs: 5000 };
  },
  expect: { status: 'ungraded', category: 'timeout', requests: 2, reason: /^timeout: no complete reply within 1 s \(2 requests sent\)/, minMs: 950, maxMs: 1800 },
  fixed: goodReply,
};

import { completion, gradeReply, isChat, goNotFound, goodReply } from '../loopback.js';

/** A server slower than llm.timeoutSeconds: one attempt uses the whole budget, no retry stretches it. */
export default {
  name: 'slow server',
  timeoutSeconds: 0.6,
  handler: (request) => (isChat(request) ? { status: 200, body: completion({ content: gradeReply(request.body) }), delayMs: 3000 } : goNotFound()),
  expect: { status: 'ungraded', category: 'timeout', requests: 1, reason: /^timeout: no complete reply within 0\.6 s \(1 request sent\)/, maxMs: 1500 },
  fixed: goodReply,
};

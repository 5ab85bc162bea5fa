import { completion, gradeReply, isChat, goNotFound, goodReply } from '../loopback.js';

/** A reply cut at max_tokens: finish_reason "length" and half a JSON object. No repair: it would be cut again. */
export default {
  name: 'truncated reply (finish_reason length)',
  handler: (request) => (isChat(request) ? { status: 200, body: completion({ content: gradeReply(request.body).slice(0, 70), finishReason: 'length' }) } : goNotFound()),
  expect: { status: 'ungraded', category: 'truncated', requests: 1, reason: /^truncated: the reply stopped at the token limit after 70 characters/ },
  fixed: goodReply,
};

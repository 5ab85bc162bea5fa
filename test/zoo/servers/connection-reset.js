import { isChat, goNotFound, goodReply } from '../loopback.js';

/** A proxy that drops the connection without a reply (a crashed worker, an idle timeout): "network", retried, then said plainly. */
export default {
  name: 'connection dropped without a reply',
  handler: (request) => (isChat(request) ? { status: 200, body: '', hangUp: true } : goNotFound()),
  expect: { status: 'ungraded', category: 'network', requests: 3, reason: /^network: Connection error\..*\(after 3 attempts\) \(is the server running/ },
  fixed: goodReply,
};

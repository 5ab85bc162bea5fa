import { isChat, goNotFound, goodReply } from '../loopback.js';

/** A wrong API key: 401 invalid_api_key. Not retried. */
export default {
  name: '401 wrong API key',
  handler: (request) => (isChat(request) ? { status: 401, body: { error: { message: 'Incorrect API key provided: sk-zoo***1234.', type: 'invalid_request_error', param: null, code: 'invalid_api_key' } } } : goNotFound()),
  expect: { status: 'ungraded', category: 'auth', requests: 1, reason: /^auth: 401 Incorrect API key provided/ },
  fixed: goodReply,
};

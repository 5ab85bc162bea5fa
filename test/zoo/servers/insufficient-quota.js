import { isChat, goNotFound, goodReply } from '../loopback.js';

/** OpenAI without credit: 429 insufficient_quota. Retrying cannot help, so it is not retried, and it is not "rate limited". */
export default {
  name: '429 insufficient_quota',
  handler: (request) =>
    isChat(request)
      ? { status: 429, body: { error: { message: 'You exceeded your current quota, please check your plan and billing details.', type: 'insufficient_quota', param: null, code: 'insufficient_quota' } } }
      : goNotFound(),
  expect: { status: 'ungraded', category: 'quota', requests: 1, reason: /^quota: 429 You exceeded your current quota/ },
  fixed: goodReply,
};

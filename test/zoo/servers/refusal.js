import { completion, isChat, goNotFound, goodReply } from '../loopback.js';

/** OpenAI structured outputs: a refusal arrives as `message.refusal` with `content: null`. */
export default {
  name: 'refusal',
  handler: (request) => (isChat(request) ? { status: 200, body: completion({ content: null, message: { refusal: "I'm sorry, but I can't help grade this answer." } }) } : goNotFound()),
  expect: { status: 'ungraded', category: 'refused', requests: 1, reason: /^refused: the model refused: "I'm sorry, but I can't help grade this answer\."/ },
  fixed: goodReply,
};

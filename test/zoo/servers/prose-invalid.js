import { completion, isChat, goNotFound, goodReply } from '../loopback.js';

/** A model that never produces the JSON: one repair request, then "invalid output", and nothing is cached. */
export default {
  name: 'prose only, twice',
  handler: (request) => (isChat(request) ? { status: 200, body: completion({ content: 'The answer is quite good overall; I would give it a solid grade.' }) } : goNotFound()),
  expect: { status: 'ungraded', category: 'invalid output', requests: 2, reason: /^invalid output: the reply was invalid twice \(no JSON object found in the reply/ },
  fixed: goodReply,
};

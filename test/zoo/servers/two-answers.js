import { completion, gradeReply, isChat, goNotFound } from '../loopback.js';

/**
 * A chatty model that gives two different grades in one reply. Never guess:
 * one repair request, and the corrected single object is used.
 */
export default {
  name: 'two different grades in one reply',
  handler: (request) => {
    if (!isChat(request)) return goNotFound();
    const isRepair = request.body.messages.some((message) => message.role === 'assistant');
    return { status: 200, body: completion({ content: isRepair ? gradeReply(request.body, (_id, max) => max - 1) : `Strict: ${gradeReply(request.body, () => 0)}\nLenient: ${gradeReply(request.body)}` }) };
  },
  expect: { status: 'graded', earned: 3, requests: 2, repairQuotes: /holds 2 different JSON objects/ },
};

import { completion, gradeReply, isChat, goNotFound } from '../loopback.js';

/** A model (or a prompt-injected answer it quotes) emitting terminal escape sequences: graded, with the control characters gone before the session. */
export default {
  name: 'escape sequences in model text',
  handler: (request) => {
    if (!isChat(request)) return goNotFound();
    const grade = JSON.parse(gradeReply(request.body));
    grade.feedback = '\u001b]0;pwned\u0007Good\u001b[2J answer.';
    for (const criterion of Object.values(grade.criteria)) criterion.justification = '\u001b[31mred\u001b[0m\nsecond line';
    return { status: 200, body: completion({ content: JSON.stringify(grade) }) };
  },
  expect: { status: 'graded', earned: 5, requests: 1 },
};

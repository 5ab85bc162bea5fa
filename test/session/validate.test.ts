import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { gradeChoice, letterFor } from '../../src/grading/choice.js';
import { selfGrade, skippedGrade } from '../../src/grading/rubric.js';
import type { Mark } from '../../src/grading/grade.js';
import { addGrade, createSession, finishSession, recordAnswer } from '../../src/session/record.js';
import { sessionMeaningProblem } from '../../src/session/validate.js';
import { newSessionId } from '../../src/session/ids.js';
import { isoAt } from '../../src/session/model.js';
import { choice, short } from '../helpers/topics.js';

// Whatever a run does with the coach's own record functions, the result passes the
// import checks: they refuse only what the coach could not have written.
describe('sessions the coach writes always pass sessionMeaningProblem', () => {
  const step = fc.record({ skip: fc.boolean(), picks: fc.array(fc.nat(3), { maxLength: 3 }), marks: fc.array(fc.constantFrom<Mark>('met', 'partly', 'missed'), { minLength: 3, maxLength: 3 }), seconds: fc.nat(5000) });
  test('random quizzes of choice and short questions, answered, skipped, self-graded, finished or not', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2099, 11, 31) }), fc.array(step, { minLength: 1, maxLength: 6 }), fc.boolean(), (start, steps, finish) => {
        const picked = steps.map((_, index) => (index % 2 === 0 ? { topic: 'alpha', question: choice(`c${index}`, [1]) } : { topic: 'beta-2', question: short(`s${index}`, [3, 2, 1]) }));
        const session = createSession({ id: newSessionId(start), kind: 'quiz', nowMs: start, seed: 7, picked, settings: { flip: false, timeLimitSeconds: null, scripted: true, grader: 'self' } });
        steps.forEach((entry, index) => {
          const now = start + (index + 1) * 60_000;
          const at = isoAt(now);
          const { question } = picked[index]!;
          if (entry.skip) {
            recordAnswer(session, index, null, now);
            addGrade(session, index, question.type === 'choice' ? gradeChoice(question, [], at) : skippedGrade(question.rubric, at), now);
            return;
          }
          const answer = { text: 'my answer', choice: null as string[] | null, startedAt: isoAt(now - 1000), submittedAt: at, seconds: entry.seconds, via: 'script' as const };
          if (question.type === 'choice') {
            const letters = [...new Set(entry.picks)].map((pick) => letterFor(pick));
            recordAnswer(session, index, { ...answer, choice: letters }, now);
            addGrade(session, index, gradeChoice(question, letters.map((letter) => letter.charCodeAt(0) - 97), at), now);
          } else if (question.type === 'short') {
            recordAnswer(session, index, answer, now);
            addGrade(session, index, selfGrade(question.rubric, Object.fromEntries(question.rubric.map((criterion, at2) => [criterion.id, entry.marks[at2]!])), at), now);
          }
        });
        if (finish) finishSession(session, start + (steps.length + 1) * 60_000);
        expect(sessionMeaningProblem(session, { questions: true })).toBeUndefined();
      }),
      { numRuns: 300 },
    );
  });

  test('and each kind of nonsense in one of them is named by its path', () => {
    const start = Date.UTC(2026, 10, 30, 8);
    const make = () => {
      const session = createSession({ id: newSessionId(start), kind: 'quiz', nowMs: start, seed: 1, picked: [{ topic: 't', question: short('s1', [2]) }], settings: { flip: false, timeLimitSeconds: null, scripted: true, grader: 'self' } });
      recordAnswer(session, 0, { text: 'x', choice: null, startedAt: null, submittedAt: isoAt(start), seconds: 5, via: 'script' }, start);
      addGrade(session, 0, selfGrade(session.questions[0]!.question.type === 'short' ? (session.questions[0]!.question as ReturnType<typeof short>).rubric : [], { c1: 'partly' }, isoAt(start)), start);
      return session;
    };
    expect(sessionMeaningProblem(make())).toBeUndefined();
    const cases: [(session: ReturnType<typeof make>) => void, RegExp][] = [
      [(session) => (session.questions[0]!.grades[0]!.criteria[0]!.mark = 'met'), /^questions\.0\.grades\.0\.criteria\.0\.mark: "met" does not match 1 of 2 points$/],
      [(session) => (session.questions[0]!.answer!.seconds = -1), /^questions\.0\.answer\.seconds: -1 is not a number of 0 or more$/],
      [(session) => (session.startedAt = '2025-02-29T00:00:00.000Z'), /^startedAt: "2025-02-29T00:00:00\.000Z" is not a time/],
      [(session) => (session.questions[0]!.topic = 'T'), /^questions\.0\.topic: "T" is not a topic id$/],
    ];
    for (const [mutate, message] of cases) {
      const session = make();
      mutate(session);
      expect(sessionMeaningProblem(session)).toMatch(message);
    }
  });
});

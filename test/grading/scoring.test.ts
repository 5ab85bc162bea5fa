import { describe, expect, test } from 'vitest';
import { gradeChoice, isCorrectPick } from '../../src/grading/choice.js';
import { headlineGrade, type Grade } from '../../src/grading/grade.js';
import { markFromEarned, selfGrade, skippedGrade } from '../../src/grading/rubric.js';
import { percentOf, verdictFor } from '../../src/grading/verdict.js';
import { buildReport } from '../../src/report/build.js';
import { ReportSchema } from '../../src/report/schema.js';
import { createSession, addGrade, recordAnswer } from '../../src/session/record.js';
import { choice, short } from '../helpers/topics.js';

const AT = '2026-11-27T12:00:00.000Z';

describe('rubric arithmetic', () => {
  const rubric = short('q', [3, 2, 1]).rubric;
  test.each([
    [{ c1: 'met', c2: 'met', c3: 'met' }, 6],
    [{ c1: 'partly', c2: 'met', c3: 'missed' }, 3.5],
    [{ c1: 'missed', c2: 'partly', c3: 'partly' }, 1.5],
    [{ c1: 'missed', c2: 'missed', c3: 'missed' }, 0],
  ] as const)('%j earns %d of 6', (marks, earned) => {
    const grade = selfGrade(rubric, marks, AT);
    expect(grade).toMatchObject({ by: 'self', earned, possible: 6, status: 'graded' });
    expect(grade.criteria.map((criterion) => criterion.mark)).toEqual([marks.c1, marks.c2, marks.c3]);
  });

  test('a skipped question earns 0 of its points', () => {
    expect(skippedGrade(rubric, AT)).toMatchObject({ earned: 0, possible: 6, reason: 'skipped' });
  });

  test.each([
    [3, 3, 'met'],
    [0, 3, 'missed'],
    [1, 3, 'partly'],
    [2, 3, 'partly'],
  ] as const)('a model grade of %d/%d is marked %s', (earned, possible, mark) => {
    expect(markFromEarned(earned, possible)).toBe(mark);
  });
});

describe('choice grading is all-or-nothing', () => {
  const single = choice('s', [1]);
  const multi = choice('m', [0, 2], undefined, { points: 2 });
  test.each([
    [single, [1], true],
    [single, [0], false],
    [multi, [0, 2], true],
    [multi, [2, 0], true],
    [multi, [0], false],
    [multi, [0, 1, 2], false],
    [multi, [], false],
  ] as const)('%#: picks %j -> %s', (question, picked, right) => {
    expect(isCorrectPick(question, picked)).toBe(right);
    expect(gradeChoice(question, picked, AT).earned).toBe(right ? question.points : 0);
  });
});

describe('verdicts (one table of thresholds)', () => {
  test.each([
    [100, 'Strong Hire'], [85, 'Strong Hire'], [84, 'Hire'], [70, 'Hire'], [69, 'Lean Hire'], [55, 'Lean Hire'],
    [54, 'Lean No Hire'], [40, 'Lean No Hire'], [39, 'No Hire'], [25, 'No Hire'], [24, 'Strong No Hire'], [0, 'Strong No Hire'],
  ])('%d%% -> %s', (percent, verdict) => {
    expect(verdictFor(percent)).toBe(verdict);
  });
  test('nothing graded: no percent, no verdict', () => {
    expect(percentOf(0, 0)).toBeNull();
    expect(verdictFor(null)).toBeNull();
  });
  test('percent is rounded', () => {
    expect(percentOf(2, 3)).toBe(67);
    expect(percentOf(1, 3)).toBe(33);
  });
});

describe('headline grade: latest model, else self, else auto', () => {
  const grade = (kind: Grade['kind'], earned: number, status: Grade['status'] = 'graded'): Grade => ({
    by: kind === 'model' ? 'gpt-4o-mini' : kind, kind, status, at: AT, reason: null, earned, possible: 5, criteria: [], feedback: null, flags: [], usage: null, templateHash: null,
  });
  test.each([
    [[grade('auto', 0), grade('self', 3)], 3],
    [[grade('self', 3), grade('model', 4), grade('self', 2)], 4],
    [[grade('self', 3), grade('model', 4, 'ungraded')], 3],
    [[grade('model', 1), grade('model', 5)], 5],
  ])('%#', (grades, earned) => {
    expect(headlineGrade(grades)?.earned).toBe(earned);
  });
});

describe('report score', () => {
  test('pending answers are left out of possible; skipped ones count as 0', () => {
    const session = createSession({
      id: '20261127-120000-abcd', kind: 'quiz', nowMs: Date.parse(AT), seed: 1,
      picked: [{ topic: 't', question: choice('a', [0]) }, { topic: 't', question: short('b', [3, 2]) }, { topic: 't', question: short('c', [4]) }, { topic: 't', question: short('d', [1]) }],
      settings: { flip: false, timeLimitSeconds: null, scripted: true, grader: 'self' },
    });
    const now = Date.parse(AT);
    recordAnswer(session, 0, { text: 'A', choice: ['a'], startedAt: null, submittedAt: AT, seconds: 5, via: 'script' }, now);
    addGrade(session, 0, gradeChoice(choice('a', [0]), [0], AT), now);
    recordAnswer(session, 1, { text: 'x', choice: null, startedAt: null, submittedAt: AT, seconds: 60, via: 'script' }, now);
    addGrade(session, 1, selfGrade(short('b', [3, 2]).rubric, { c1: 'met', c2: 'partly' }, AT), now);
    recordAnswer(session, 2, { text: 'pending answer', choice: null, startedAt: null, submittedAt: AT, seconds: 30, via: 'script' }, now);
    recordAnswer(session, 3, null, now);
    addGrade(session, 3, skippedGrade(short('d', [1]).rubric, AT), now);

    const report = ReportSchema.parse(buildReport(session));
    expect(report.score).toEqual({ earned: 5, possible: 7, percent: 71 });
    expect(report.verdict).toBe('Hire');
    expect(report.pending).toBe(1);
    expect(report.questions.map((question) => [question.id, question.status, question.grade.status])).toEqual([
      ['a', 'answered', 'graded'], ['b', 'answered', 'graded'], ['c', 'answered', 'pending'], ['d', 'skipped', 'graded'],
    ]);
    expect(report.questions[0]).toMatchObject({ choice: ['a'], answer: 'A' });
    expect(report.questions[1]).not.toHaveProperty('choice');
  });
});

import { describe, expect, test } from 'vitest';
import { designHeadline, MIXED_GRADERS } from '../../src/report/build.js';
import type { ReportGrade } from '../../src/report/schema.js';

const graded = (by: string, earned: number, possible: number, reason: string | null = null): ReportGrade => ({
  by,
  status: 'graded',
  reason,
  earned,
  possible,
  criteria: [{ id: 'c', earned, possible, mark: earned === possible ? 'met' : earned === 0 ? 'missed' : 'partly', justification: null, evidence: null }],
  feedback: null,
  flags: [],
  usage: null,
});
const skipped = (possible: number) => graded('auto', 0, possible, 'skipped');
const pending: ReportGrade = { by: null, status: 'pending', reason: null, earned: null, possible: null, criteria: [], feedback: null, flags: [], usage: null };
const failed = (reason: string): ReportGrade => ({ ...pending, status: 'ungraded', reason });
const phases = (...grades: ReportGrade[]) => grades.map((grade, index) => ({ id: `p${index + 1}`, grade }));

describe('a design question’s headline grade', () => {
  test.each<[string, ReportGrade[], Partial<ReportGrade>]>([
    ['one grader for every answered phase: that grader, the sums', [graded('self', 3, 4), graded('self', 5, 5), skipped(2)], { by: 'self', status: 'graded', earned: 8, possible: 11, reason: null }],
    ['a skipped phase does not count as a grader', [graded('gpt-4o-mini', 1, 4), skipped(3)], { by: 'gpt-4o-mini', status: 'graded', earned: 1, possible: 7 }],
    ['different graders: mixed', [graded('self', 3, 4), graded('gpt-4o-mini', 2, 5)], { by: MIXED_GRADERS, status: 'graded', earned: 5, possible: 9 }],
    ['every phase skipped: auto, reason skipped', [skipped(4), skipped(2)], { by: 'auto', status: 'graded', earned: 0, possible: 6, reason: 'skipped' }],
    ['partly graded: pending, and no grader or points (as for any ungraded grade)', [graded('self', 14, 20), skipped(7), pending], { by: null, status: 'pending', earned: null, possible: null, reason: null }],
    ['a failed phase: ungraded, naming the phase and why', [graded('self', 1, 2), failed('timeout'), pending], { by: null, status: 'ungraded', earned: null, possible: null, reason: 'p2: timeout' }],
  ])('%s', (_name, grades, expected) => {
    const headline = designHeadline(phases(...grades));
    expect(headline).toMatchObject({ ...expected, criteria: [], feedback: null });
  });

  test('never joins graders into an undocumented value like "self+auto"', () => {
    for (const grades of [[graded('self', 1, 2), skipped(2)], [graded('self', 1, 2), graded('m', 1, 2), skipped(1)], [skipped(1), pending]]) {
      const { by } = designHeadline(phases(...grades));
      expect(by === null || ['self', 'auto', MIXED_GRADERS, 'm'].includes(by)).toBe(true);
    }
  });

  test('flags are the union of the phases’; usage is the phases’ sum', () => {
    const a = { ...graded('m', 1, 2), flags: ['instruction-in-answer'], usage: { promptTokens: 10, completionTokens: 2 } };
    const b = { ...graded('m', 2, 2), flags: ['instruction-in-answer'], usage: { promptTokens: 5, completionTokens: 1 } };
    expect(designHeadline(phases(a, b))).toMatchObject({ flags: ['instruction-in-answer'], usage: { promptTokens: 15, completionTokens: 3 } });
    expect(designHeadline(phases(graded('self', 1, 1))).usage).toBeNull();
  });
});

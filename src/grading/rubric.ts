import type { Criterion } from '../topics/model.js';
import type { CriterionGrade, Grade, Mark } from './grade.js';

/** Rubric arithmetic: met earns the points, partly half, missed nothing. */
const MARK_SHARE: Record<Mark, number> = { met: 1, partly: 0.5, missed: 0 };

export type Marks = Record<string, Mark>;

export function criterionFromMark(criterion: Criterion, mark: Mark): CriterionGrade {
  return { id: criterion.id, earned: criterion.points * MARK_SHARE[mark], possible: criterion.points, mark, justification: null, evidence: null };
}

/** A model's integer `earned` maps back to a mark: all points met, none missed, else partly. */
export function markFromEarned(earned: number, possible: number): Mark {
  if (earned >= possible) return 'met';
  return earned <= 0 ? 'missed' : 'partly';
}

export function totalOf(criteria: readonly CriterionGrade[]): { earned: number; possible: number } {
  return {
    earned: criteria.reduce((sum, criterion) => sum + criterion.earned, 0),
    possible: criteria.reduce((sum, criterion) => sum + criterion.possible, 0),
  };
}

export function selfGrade(rubric: readonly Criterion[], marks: Marks, at: string): Grade {
  const criteria = rubric.map((criterion) => criterionFromMark(criterion, marks[criterion.id]!));
  return { by: 'self', kind: 'self', status: 'graded', at, reason: null, ...totalOf(criteria), criteria, feedback: null, flags: [], usage: null, templateHash: null };
}

/** A question or phase left unanswered earns 0 of its points. */
export function skippedGrade(rubric: readonly Criterion[], at: string): Grade {
  const criteria = rubric.map((criterion) => criterionFromMark(criterion, 'missed'));
  return { by: 'auto', kind: 'auto', status: 'graded', at, reason: 'skipped', ...totalOf(criteria), criteria, feedback: null, flags: [], usage: null, templateHash: null };
}

export function rubricPoints(rubric: readonly Criterion[]): number {
  return rubric.reduce((sum, criterion) => sum + criterion.points, 0);
}

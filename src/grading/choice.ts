import type { ChoiceQuestion } from '../topics/model.js';
import type { Grade } from './grade.js';

/** Option letters by position in the file: a, b, c, ... */
export function letterFor(index: number): string {
  return String.fromCharCode(97 + index);
}

export function correctIndexes(question: ChoiceQuestion): number[] {
  return question.choices.flatMap((option, index) => (option.correct ? [index] : []));
}

/** All-or-nothing: the picked set must equal the correct set. */
export function isCorrectPick(question: ChoiceQuestion, picked: readonly number[]): boolean {
  const correct = correctIndexes(question);
  const unique = [...new Set(picked)];
  return unique.length === correct.length && unique.every((index) => correct.includes(index));
}

export function gradeChoice(question: ChoiceQuestion, picked: readonly number[], at: string): Grade {
  const right = isCorrectPick(question, picked);
  const earned = right ? question.points : 0;
  return {
    by: 'auto',
    kind: 'auto',
    status: 'graded',
    at,
    reason: picked.length === 0 ? 'skipped' : null,
    earned,
    possible: question.points,
    criteria: [{ id: 'correct', earned, possible: question.points, mark: right ? 'met' : 'missed', justification: null, evidence: null }],
    feedback: null,
    flags: [],
    usage: null,
    templateHash: null,
  };
}

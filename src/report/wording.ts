import type { Mark } from '../grading/grade.js';
import { formatDuration, formatPoints } from '../text/format.js';
import { letterFor } from '../grading/choice.js';
import type { ChoiceQuestion } from '../topics/model.js';
import type { GradeColumn } from './criteriaRows.js';
import { localTime } from '../text/time.js';
import type { Report, ReportGrade, ReportQuestion } from './schema.js';

/** Phrases both report renderers use, so the terminal and Markdown reports never disagree. */

/** Claims only what is true: the flag is raised (by the coach's detector or the model); nothing zeroes the score. */
export const INSTRUCTION_WARNING = "⚠ Flagged: text aimed at the grader. The model's score stands; check it.";

const MARK_SYMBOLS: Record<Mark, string> = { met: '✔', partly: '◐', missed: '✘' };

export function markText(mark: Mark): string {
  return `${MARK_SYMBOLS[mark]} ${mark}`;
}

export function pointsText(earned: number, possible: number, separator = '/'): string {
  return `${formatPoints(earned)}${separator}${formatPoints(possible)}`;
}

/** "7 / 12 (58%)", or why there is no score yet. */
export function scoreText(report: Report): string {
  const { earned, possible, percent } = report.score;
  return percent === null ? 'nothing graded yet' : `${pointsText(earned, possible, ' / ')} (${percent}%)`;
}

/**
 * What still needs a grade and the command that grades it: pending answers
 * (never graded) and ungraded ones (every attempt failed), each counted.
 * Failed grades point to `coach grade ID`, which uses the model when one is
 * configured (a retry) and the checklist otherwise; never-graded ones keep
 * pointing to `--self`.
 */
export function pendingText(report: Report): { count: string; command: string } | null {
  const parts = [report.pending > 0 ? `${report.pending} awaiting a grade` : '', report.ungraded > 0 ? `${report.ungraded} ungraded (grading failed)` : ''].filter(Boolean);
  if (parts.length === 0) return null;
  return { count: parts.join(', '), command: report.ungraded > 0 ? `coach grade ${report.id}` : `coach grade ${report.id} --self` };
}

export function usageText(report: Report): string | null {
  return report.usage ? `${report.usage.promptTokens} prompt + ${report.usage.completionTokens} completion tokens` : null;
}

/** "finished · started 2026-11-30 03:53 (UTC+01:00) · finished …": local, human times (the JSON keeps ISO). */
export function sessionText(report: Report): string {
  return [report.status, `started ${localTime(report.startedAt)}`, report.finishedAt ? `finished ${localTime(report.finishedAt)}` : null].filter(Boolean).join(' · ');
}

/** The headline grade and who gave it, then any other grader's score: "1.5 / 5 by gpt-4o-mini · self gave 4 / 5". */
export function gradeText(grade: ReportGrade, columns: readonly GradeColumn[] = []): string {
  if (grade.status === 'pending') return 'awaiting a grade';
  if (grade.status === 'ungraded') return `not graded: ${grade.reason ?? 'grading failed'}`;
  const score = pointsText(grade.earned ?? 0, grade.possible ?? 0, ' / ');
  if (grade.reason === 'skipped') return `skipped · ${score}`;
  const others = columns.filter((column) => column.label !== grade.by).map((column) => ` · ${column.label} gave ${pointsText(column.grade.earned, column.grade.possible, ' / ')}`);
  return `${score} by ${grade.by}${others.join('')}`;
}

/**
 * A design question's grade says who graded its answered phases and how many
 * were skipped ("8 / 11 by self · 1 of 3 phases skipped"), rather than naming
 * the automatic zero of a skipped phase as a grader.
 */
export function designGradeText(question: ReportQuestion): string {
  const phases = question.phases ?? [];
  const skipped = phases.filter(isSkippedPhase).length;
  const note = skipped > 0 ? ` · ${skipped} of ${phases.length} phases skipped` : '';
  const grade = question.grade;
  if (grade.status !== 'graded') return `${gradeText(grade)}${note}`;
  const graders = designGraders(question);
  const score = pointsText(grade.earned ?? 0, grade.possible ?? 0, ' / ');
  return `${score}${graders.length > 0 ? ` by ${graders.join(' and ')}` : ''}${note}`;
}

/** Whether a phase was skipped: its grade is the automatic zero of a skipped phase. */
export function isSkippedPhase(phase: { grades: readonly { reason: string | null }[] }): boolean {
  return phase.grades.some((grade) => grade.reason === 'skipped');
}

/**
 * Who graded a design question's answered phases, each once in phase order
 * (the JSON's headline `by` says `mixed` when there are several; readers get the names).
 */
export function designGraders(question: Pick<ReportQuestion, 'phases'>): string[] {
  const answered = (question.phases ?? []).filter((phase) => phase.grade.status === 'graded' && !isSkippedPhase(phase));
  return [...new Set(answered.map((phase) => phase.grade.by).filter((by): by is string => by !== null))];
}

export interface TimeText {
  /** "3:10 of 4:00", or null when no time was recorded. */
  spent: string | null;
  /** "⚠ 2:10 over", or null within budget. */
  over: string | null;
}

export function timeText(seconds: number | null, budgetSeconds: number): TimeText {
  if (seconds === null) return { spent: null, over: null };
  const over = seconds - budgetSeconds;
  return { spent: `${formatDuration(seconds)} of ${formatDuration(budgetSeconds)}`, over: over > 0 ? `⚠ ${formatDuration(over)} over` : null };
}

export function joinTime(time: TimeText): string {
  return [time.spent, time.over].filter(Boolean).join(' ');
}

export interface OptionLine {
  letter: string;
  text: string;
  correct: boolean;
  picked: boolean;
  why: string | null;
}

/** A choice question's options with what was picked (letters as stored in the answer) and what is correct. */
export function optionLines(question: ChoiceQuestion, picked: readonly string[]): OptionLine[] {
  return question.choices.map((option, index) => ({
    letter: letterFor(index),
    text: option.text.trim(),
    correct: option.correct === true,
    picked: picked.includes(letterFor(index)),
    why: option.why?.trim() ?? null,
  }));
}

/** ✔ on a correct option, ✘ on a wrong pick, · otherwise. */
export function optionMark(option: OptionLine): string {
  return option.correct ? '✔' : option.picked ? '✘' : '·';
}

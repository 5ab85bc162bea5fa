import { phaseTurns } from '../interview/transcript.js';
import { gradeStatus, headlineGrade, type Grade } from '../grading/grade.js';
import { percentOf, verdictFor } from '../grading/verdict.js';
import { stripControlDeep } from '../text/controlChars.js';
import type { PhaseRecord, Session, SessionQuestion } from '../session/model.js';
import { askedStatus, isAsked, shownPhaseCount } from '../session/record.js';
import { REPORT_SCHEMA_VERSION, type Report, type ReportGrade, type ReportQuestion } from './schema.js';

/**
 * Builds the report of a session. Only asked questions appear (an interview in
 * progress shows the phases answered or skipped so far, see isAsked); the score counts
 * every asked question except those still pending or ungraded (a skipped one
 * earns 0 of its points). Every string in it has passed through stripControl,
 * whatever its source (answers, topics, model replies, imported sessions).
 */
export function buildReport(session: Session): Report {
  return stripControlDeep(assembleReport(session));
}

function assembleReport(session: Session): Report {
  const questions = session.questions.filter(isAsked).map(reportQuestion);
  const graded = gradedUnits(questions);
  const earned = graded.reduce((sum, grade) => sum + (grade.earned ?? 0), 0);
  const possible = graded.reduce((sum, grade) => sum + (grade.possible ?? 0), 0);
  const percent = graded.length > 0 ? percentOf(earned, possible) : null;
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    id: session.id,
    kind: session.kind,
    status: session.status,
    startedAt: session.startedAt,
    finishedAt: session.finishedAt,
    topics: session.topics,
    seed: session.seed,
    score: { earned, possible, percent },
    verdict: verdictFor(percent),
    pending: units(questions).filter((grade) => grade.status === 'pending').length,
    ungraded: units(questions).filter((grade) => grade.status === 'ungraded').length,
    usage: totalUsage(session),
    questions,
  };
}

function totalUsage(session: Session): Report['usage'] {
  const grades = session.questions.flatMap((item) => [...item.grades, ...(item.phases ?? []).flatMap((phase) => phase.grades)]).filter((grade) => grade.usage !== null);
  if (grades.length === 0) return null;
  return { promptTokens: grades.reduce((sum, grade) => sum + grade.usage!.promptTokens, 0), completionTokens: grades.reduce((sum, grade) => sum + grade.usage!.completionTokens, 0) };
}

/** The gradable units: a choice or short question, or each phase of a design question. */
function units(questions: readonly ReportQuestion[]): ReportGrade[] {
  return questions.flatMap((question) => (question.phases ? question.phases.map((phase) => phase.grade) : [question.grade]));
}

function gradedUnits(questions: readonly ReportQuestion[]): ReportGrade[] {
  return units(questions).filter((grade) => grade.status === 'graded');
}

function reportQuestion(item: SessionQuestion): ReportQuestion {
  const { question, answer } = item;
  const base = {
    topic: item.topic,
    id: question.id,
    type: question.type,
    prompt: question.prompt,
    status: askedStatus(item),
    answer: question.type === 'design' ? null : (answer?.text ?? null),
    seconds: answer?.seconds ?? null,
    budgetSeconds: Math.round(question.minutes * 60),
  };
  if (question.type === 'choice') return { ...base, choice: answer?.choice ?? [], grade: reportGrade(item.grades), grades: item.grades.map(gradeEntry) };
  if (question.type === 'design') {
    const phases = question.phases.slice(0, shownPhaseCount(item, question.phases.length)).map((phase, index) => reportPhase(phase, item.phases?.[index]));
    const budgetSeconds = phases.reduce((sum, phase) => sum + phase.budgetSeconds, 0);
    return { ...base, seconds: sumOrNull(phases.map((phase) => phase.seconds)), budgetSeconds, phases, grade: designHeadline(phases), grades: [] };
  }
  return { ...base, grade: reportGrade(item.grades), grades: item.grades.map(gradeEntry) };
}

function reportPhase(phase: { id: string; title: string; prompt: string; minutes: number }, record: PhaseRecord | undefined) {
  return {
    id: phase.id,
    title: phase.title,
    prompt: phase.prompt,
    answer: record?.answer?.text ?? null,
    seconds: record?.answer?.seconds ?? null,
    budgetSeconds: record?.budgetSeconds ?? Math.round(phase.minutes * 60),
    followUp: record?.followUp ?? null,
    turns: record ? phaseTurns(record).map((turn) => ({ ...turn, at: turn.at === '' ? null : turn.at })) : [],
    grade: reportGrade(record?.grades ?? []),
    grades: (record?.grades ?? []).map(gradeEntry),
  };
}

export function reportGrade(grades: readonly Grade[]): ReportGrade {
  const headline = headlineGrade(grades);
  if (headline) return toReportGrade(headline);
  const status = gradeStatus(grades);
  const failed = grades.filter((grade) => grade.status === 'ungraded').at(-1);
  return { by: null, status, reason: failed?.reason ?? null, earned: null, possible: null, criteria: [], feedback: null, flags: [], usage: null };
}

function toReportGrade(grade: Grade): ReportGrade {
  return {
    by: grade.by,
    status: grade.status,
    reason: grade.reason,
    earned: grade.status === 'graded' ? grade.earned : null,
    possible: grade.status === 'graded' ? grade.possible : null,
    criteria: grade.criteria,
    feedback: grade.feedback,
    flags: grade.flags,
    usage: grade.usage,
  };
}

function gradeEntry(grade: Grade) {
  return { ...toReportGrade(grade), at: grade.at };
}

/** The `by` of a design question whose graded phases had more than one grader. */
export const MIXED_GRADERS = 'mixed';

/**
 * A design question's headline grade, from its phases' headline grades (README
 * "Report JSON"): `graded` only when every phase is; `ungraded` when a phase's
 * grading failed (`reason` names the phase and why); else `pending`. When graded,
 * `earned`/`possible` are the sums over the phases and `by` is the one grader of
 * the answered phases (`self`, `auto` or a model's name), `mixed` when they
 * differ, `auto` when every phase was skipped (`reason` is then `skipped`); when
 * not graded, `by`, `earned` and `possible` are null, as for any grade. Per-criterion
 * results stay in the phases, so `criteria` is empty; `usage` sums the phases'.
 */
export function designHeadline(phases: readonly { id: string; grade: ReportGrade }[]): ReportGrade {
  const grades = phases.map((phase) => phase.grade);
  const failed = phases.filter((phase) => phase.grade.status === 'ungraded');
  const status = grades.every((grade) => grade.status === 'graded') ? 'graded' : failed.length > 0 ? 'ungraded' : 'pending';
  const flags = [...new Set(grades.flatMap((grade) => grade.flags))];
  const usages = grades.flatMap((grade) => (grade.usage ? [grade.usage] : []));
  const usage = usages.length > 0 ? { promptTokens: usages.reduce((sum, item) => sum + item.promptTokens, 0), completionTokens: usages.reduce((sum, item) => sum + item.completionTokens, 0) } : null;
  const common = { criteria: [], feedback: null, flags, usage };
  if (status !== 'graded') {
    const reason = failed.length > 0 ? failed.map((phase) => `${phase.id}: ${phase.grade.reason ?? 'grading failed'}`).join('; ') : null;
    return { by: null, status, reason, earned: null, possible: null, ...common };
  }
  const answered = grades.filter((grade) => grade.reason !== 'skipped');
  const graders = [...new Set(answered.map((grade) => grade.by))];
  return {
    by: answered.length === 0 ? 'auto' : graders.length === 1 ? graders[0]! : MIXED_GRADERS,
    status,
    reason: answered.length === 0 && grades.length > 0 ? 'skipped' : null,
    earned: grades.reduce((sum, grade) => sum + (grade.earned ?? 0), 0),
    possible: grades.reduce((sum, grade) => sum + (grade.possible ?? 0), 0),
    ...common,
  };
}

function sumOrNull(values: readonly (number | null)[]): number | null {
  const known = values.filter((value): value is number => value !== null);
  return known.length > 0 ? known.reduce((sum, value) => sum + value, 0) : null;
}

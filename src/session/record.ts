import type { Grade } from '../grading/grade.js';
import type { Question } from '../topics/model.js';
import { isoAt, SESSION_SCHEMA_VERSION, type Answer, type Session, type SessionKind, type SessionQuestion } from './model.js';
import type { Picked } from './select.js';

/** Session state changes, kept pure: callers save the session after each one. */
export interface NewSession {
  id: string;
  kind: SessionKind;
  nowMs: number;
  seed: number | null;
  picked: readonly Picked[];
  settings: Session['settings'];
}

export function createSession({ id, kind, nowMs, seed, picked, settings }: NewSession): Session {
  const at = isoAt(nowMs);
  return {
    schemaVersion: SESSION_SCHEMA_VERSION,
    id,
    kind,
    status: 'in-progress',
    startedAt: at,
    finishedAt: null,
    updatedAt: at,
    topics: [...new Set(picked.map((entry) => entry.topic))],
    seed,
    settings,
    questions: picked.map(({ topic, question }) => newSessionQuestion(topic, question)),
  };
}

function newSessionQuestion(topic: string, question: Question): SessionQuestion {
  const base: SessionQuestion = { topic, question: structuredClone(question), status: 'unasked', answer: null, grades: [] };
  if (question.type !== 'design') return base;
  return {
    ...base,
    phases: question.phases.map((phase) => ({ id: phase.id, status: 'unasked', budgetSeconds: Math.round(phase.minutes * 60), elapsedSeconds: 0, answer: null, followUp: null, turns: [], grades: [] })),
  };
}

export function recordAnswer(session: Session, index: number, answer: Answer | null, nowMs: number): void {
  const item = session.questions[index]!;
  item.answer = answer;
  item.status = answer === null ? 'skipped' : 'answered';
  session.updatedAt = isoAt(nowMs);
}

export function addGrade(session: Session, index: number, grade: Grade, nowMs: number): void {
  session.questions[index]!.grades.push(grade);
  session.updatedAt = isoAt(nowMs);
}

export function finishSession(session: Session, nowMs: number): void {
  session.status = 'finished';
  session.finishedAt = isoAt(nowMs);
  session.updatedAt = session.finishedAt;
}

/**
 * Whether a question shows in history, stats, reports and exports: answered or
 * skipped, or a design question with any phase answered or skipped. An
 * interview keeps its one question `unasked` until every phase is settled
 * (settleDesignQuestion), so without this an interview in progress would hide
 * the phases already answered.
 */
export function isAsked(item: SessionQuestion): boolean {
  return item.status !== 'unasked' || (item.phases ?? []).some((phase) => phase.status !== 'unasked');
}

/** How an asked question reads: its own status, or for an interview in progress `answered` once any phase is. */
export function askedStatus(item: SessionQuestion): 'answered' | 'skipped' {
  if (item.status !== 'unasked') return item.status;
  return (item.phases ?? []).some((phase) => phase.status === 'answered') ? 'answered' : 'skipped';
}

/**
 * The phase records a report shows: every one once the question is settled;
 * while an interview runs, the phases up to the last one answered or skipped
 * (phases run in order, so these are a prefix and keep their positions).
 */
export function shownPhaseCount(item: SessionQuestion, phaseCount: number): number {
  if (item.status !== 'unasked') return phaseCount;
  const records = item.phases ?? [];
  let last = -1;
  records.forEach((record, index) => {
    if (record.status !== 'unasked') last = index;
  });
  return Math.min(phaseCount, last + 1);
}

/** Where a resumed session continues: the first question not yet asked. */
export function nextUnasked(session: Session): number {
  return session.questions.findIndex((item) => item.status === 'unasked');
}

export function secondsBetween(startMs: number, endMs: number): number {
  return Math.max(0, Math.round((endMs - startMs) / 1000));
}

export function phaseRecord(session: Session, index: number, phaseIndex: number) {
  return session.questions[index]!.phases![phaseIndex]!;
}

/** Marks the design question itself answered once any phase is, skipped if none was. */
export function settleDesignQuestion(session: Session, index: number, nowMs: number): void {
  const item = session.questions[index]!;
  const phases = item.phases ?? [];
  if (phases.some((phase) => phase.status === 'unasked')) return;
  item.status = phases.some((phase) => phase.status === 'answered') ? 'answered' : 'skipped';
  const seconds = phases.reduce((sum, phase) => sum + phase.elapsedSeconds, 0);
  item.answer = { text: null, choice: null, startedAt: phases.find((phase) => phase.answer?.startedAt)?.answer?.startedAt ?? null, submittedAt: isoAt(nowMs), seconds, via: phases.some((phase) => phase.answer?.via === 'script') ? 'script' : 'typed' };
  session.updatedAt = isoAt(nowMs);
}

import { z } from 'zod';
import { GradeSchema } from '../grading/grade.js';
import type { Question } from '../topics/model.js';

/**
 * A session file. Questions are copied in, so later topic edits never change
 * history. `schemaVersion` bumps on any incompatible change; a file with a newer
 * version is refused, never overwritten.
 */
export const SESSION_SCHEMA_VERSION = 1;

/** `cram`: questions asked outside the schedule (coach cram); kept in history, reports and stats, never replayed into FSRS. */
export const SESSION_KINDS = ['quiz', 'interview', 'review', 'cram'] as const;
export type SessionKind = (typeof SESSION_KINDS)[number];

export const AnswerSchema = z.object({
  /** Typed text; for a choice question, the chosen option texts. */
  text: z.string().nullable(),
  /** Choice questions: option letters by file position, e.g. ["b"]. */
  choice: z.array(z.string()).nullable(),
  startedAt: z.string().nullable(),
  submittedAt: z.string().nullable(),
  seconds: z.number().nullable(),
  via: z.enum(['typed', 'editor', 'timeout', 'script', 'flip']),
});
export type Answer = z.infer<typeof AnswerSchema>;

/**
 * One exchange with the interviewer inside a phase: a clarifying question the
 * candidate asked (`question` is theirs, `answer` the interviewer's), or a
 * follow-up the interviewer asked (`question` the interviewer's, `answer` the
 * candidate's, null until answered or when left empty). `criterion` is the
 * rubric criterion a follow-up probes (null if it names none); `by` is the
 * model's name, or `topic` for the scenario's own facts and follow-ups.
 */
export const TurnSchema = z.object({
  kind: z.enum(['clarify', 'follow-up']),
  question: z.string(),
  answer: z.string().nullable(),
  criterion: z.string().nullable(),
  by: z.string(),
  at: z.string(),
});
export type Turn = z.infer<typeof TurnSchema>;

export const PhaseRecordSchema = z.object({
  id: z.string(),
  status: z.enum(['unasked', 'answered', 'skipped']),
  /** This phase's budget, after any --minutes scaling. */
  budgetSeconds: z.number(),
  /** Time spent so far; saved every few seconds while the phase runs, so a resume restores it. */
  elapsedSeconds: z.number(),
  answer: AnswerSchema.nullable(),
  /** The first follow-up, kept for sessions and readers from before `turns`. */
  followUp: z.object({ question: z.string(), answer: z.string().nullable() }).nullable(),
  /** Every clarifying question and follow-up in the order they happened; absent in older sessions. */
  turns: z.array(TurnSchema).optional(),
  grades: z.array(GradeSchema),
});
export type PhaseRecord = z.infer<typeof PhaseRecordSchema>;

export const SessionQuestionSchema = z.object({
  topic: z.string(),
  // The copied question; validated when its topic was loaded, kept loose here so
  // reading history stays cheap and old sessions survive topic-format additions.
  question: z.looseObject({ id: z.string(), type: z.enum(['choice', 'short', 'design']), prompt: z.string() }).transform((value) => value as unknown as Question),
  status: z.enum(['unasked', 'answered', 'skipped']),
  answer: AnswerSchema.nullable(),
  phases: z.array(PhaseRecordSchema).optional(),
  grades: z.array(GradeSchema),
});
export type SessionQuestion = z.infer<typeof SessionQuestionSchema>;

/**
 * The answer being typed when the session stopped (Ctrl+C, a signal, a crash):
 * saved at most 5 s after each change and at once on an interrupt, reopened by
 * `coach resume` with the cursor at its end. Never an answer: reports, grading
 * and statistics read only `answer` fields.
 */
export const DraftSchema = z.object({
  questionIndex: z.number().int().nonnegative(),
  /** The interview phase the draft belongs to; null in a quiz or review. */
  phaseId: z.string().nullable(),
  /** The phase's answer, or the answer to its follow-up question. */
  part: z.enum(['answer', 'followUp']),
  text: z.string(),
  /** When the question was first shown (a resumed answer keeps its start). */
  startedAt: z.string(),
  /** Seconds spent answering so far (a quiz question's clock; a phase keeps its own in elapsedSeconds). */
  seconds: z.number().nonnegative(),
  savedAt: z.string(),
});
export type Draft = z.infer<typeof DraftSchema>;

export const SessionSchema = z.object({
  schemaVersion: z.literal(SESSION_SCHEMA_VERSION),
  id: z.string(),
  kind: z.enum(SESSION_KINDS),
  status: z.enum(['in-progress', 'finished']),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  updatedAt: z.string(),
  topics: z.array(z.string()),
  seed: z.number().nullable(),
  settings: z.object({
    flip: z.boolean(),
    timeLimitSeconds: z.number().nullable(),
    scripted: z.boolean(),
    /** Who grades short answers and interview phases: the candidate, or the configured model. */
    grader: z.enum(['self', 'llm']),
    /** Follow-ups per interview phase at most (--probes); absent in older sessions, which asked one. */
    probes: z.number().int().nonnegative().optional(),
  }),
  questions: z.array(SessionQuestionSchema),
  /** Absent in sessions written before drafts existed. */
  draft: DraftSchema.nullable().optional(),
});
export type Session = z.infer<typeof SessionSchema>;

export function isoAt(ms: number): string {
  return new Date(ms).toISOString();
}

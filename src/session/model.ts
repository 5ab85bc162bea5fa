import { z } from 'zod';
import { GradeSchema } from '../grading/grade.js';
import type { Question } from '../topics/model.js';

/**
 * A session file. Questions are copied in, so later topic edits never change
 * history. `schemaVersion` bumps on any incompatible change; a file with a newer
 * version is refused, never overwritten.
 */
export const SESSION_SCHEMA_VERSION = 1;

export const SESSION_KINDS = ['quiz', 'interview', 'review'] as const;
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

export const PhaseRecordSchema = z.object({
  id: z.string(),
  status: z.enum(['unasked', 'answered', 'skipped']),
  /** This phase's budget, after any --minutes scaling. */
  budgetSeconds: z.number(),
  /** Time spent so far; saved every few seconds while the phase runs, so a resume restores it. */
  elapsedSeconds: z.number(),
  answer: AnswerSchema.nullable(),
  followUp: z.object({ question: z.string(), answer: z.string().nullable() }).nullable(),
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
  }),
  questions: z.array(SessionQuestionSchema),
});
export type Session = z.infer<typeof SessionSchema>;

export function isoAt(ms: number): string {
  return new Date(ms).toISOString();
}

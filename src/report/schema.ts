import { z } from 'zod';
import { CriterionGradeSchema, UsageSchema } from '../grading/grade.js';
import { SESSION_KINDS } from '../session/model.js';
import { VERDICTS } from '../grading/verdict.js';

/**
 * The report JSON contract (PRODUCT.md "Report JSON"), printed by `--json` and
 * `coach report --format json`. Extended, never broken; `schemaVersion` bumps on
 * change. README documents it field by field.
 */
export const REPORT_SCHEMA_VERSION = 3;

/**
 * A grade. For a design question's headline (built by `designHeadline` in
 * build.ts): `by` is the answered phases' one grader, `mixed`, or `auto` when
 * every phase was skipped; `criteria` is empty (they are in the phases).
 */
export const ReportGradeSchema = z.object({
  by: z.string().nullable().describe('auto, self, the model name, mixed (a design question whose phases had different graders), or null when there is no grade'),
  status: z.enum(['graded', 'pending', 'ungraded']).describe('pending: no grade yet; ungraded: a grading attempt failed'),
  reason: z.string().nullable().describe('why grading failed, or skipped, or who flagged a model grade; else null'),
  earned: z.number().nullable().describe('points earned; null unless graded'),
  possible: z.number().nullable().describe('points possible; null unless graded'),
  criteria: z.array(CriterionGradeSchema),
  feedback: z.string().nullable(),
  flags: z.array(z.string()),
  usage: UsageSchema.nullable(),
});

export const ReportGradeEntrySchema = ReportGradeSchema.extend({ at: z.string() });

/** One exchange with the interviewer in a phase, in the order it happened; added in schemaVersion 3. */
export const ReportTurnSchema = z.object({
  kind: z.enum(['clarify', 'follow-up']),
  /** clarify: the candidate's question; follow-up: the interviewer's. */
  question: z.string(),
  /** clarify: the interviewer's answer; follow-up: the candidate's (null if none). */
  answer: z.string().nullable(),
  /** The rubric criterion a follow-up probes, or null. */
  criterion: z.string().nullable(),
  /** The model's name, `topic` (the scenario's facts and follow-ups), or `script` (an answer given in an answers file). */
  by: z.string(),
  /** ISO 8601 UTC; null for a follow-up recorded before turns existed. */
  at: z.string().nullable(),
});

export const ReportPhaseSchema = z.object({
  id: z.string(),
  title: z.string(),
  prompt: z.string(),
  answer: z.string().nullable(),
  seconds: z.number().nullable(),
  budgetSeconds: z.number(),
  /** The first follow-up (kept for readers from before `turns`). */
  followUp: z.object({ question: z.string(), answer: z.string().nullable() }).nullable(),
  turns: z.array(ReportTurnSchema),
  grade: ReportGradeSchema,
  grades: z.array(ReportGradeEntrySchema),
});

export const ReportQuestionSchema = z.object({
  topic: z.string(),
  id: z.string(),
  type: z.enum(['choice', 'short', 'design']),
  prompt: z.string(),
  status: z.enum(['answered', 'skipped']),
  answer: z.string().nullable(),
  choice: z.array(z.string()).optional(),
  seconds: z.number().nullable(),
  budgetSeconds: z.number(),
  phases: z.array(ReportPhaseSchema).optional(),
  grade: ReportGradeSchema.describe('the headline grade: the latest model grade, else self, else auto; for a design question, its phases combined'),
  grades: z.array(ReportGradeEntrySchema).describe('every grade received, oldest first; empty for a design question (see phases)'),
});

export const ReportSchema = z.object({
  schemaVersion: z.literal(REPORT_SCHEMA_VERSION).describe('bumps whenever this shape changes'),
  id: z.string().describe('the session id'),
  kind: z.enum(SESSION_KINDS),
  status: z.enum(['in-progress', 'finished']),
  startedAt: z.string().describe('ISO 8601 UTC'),
  finishedAt: z.string().nullable().describe('ISO 8601 UTC; null while in progress'),
  topics: z.array(z.string()),
  seed: z.number().nullable(),
  score: z.object({ earned: z.number(), possible: z.number(), percent: z.number().nullable() }).describe('over the graded questions and phases; percent = round(100 * earned / possible), null when nothing is graded'),
  verdict: z.enum(VERDICTS.map((entry) => entry.verdict) as [string, ...string[]]).nullable(),
  /** Gradable units (a short question, an interview phase) with no grade yet. */
  pending: z.number().int(),
  /** Gradable units whose grading attempts all failed (each grade's `reason` says why); added in schemaVersion 2. */
  ungraded: z.number().int(),
  /** Tokens used by every model grade in the session (headline or not), or null if no model graded. */
  usage: UsageSchema.nullable(),
  questions: z.array(ReportQuestionSchema),
});

export type Report = z.infer<typeof ReportSchema>;
export type ReportQuestion = z.infer<typeof ReportQuestionSchema>;
export type ReportGrade = z.infer<typeof ReportGradeSchema>;
export type ReportPhase = z.infer<typeof ReportPhaseSchema>;
export type ReportTurn = z.infer<typeof ReportTurnSchema>;

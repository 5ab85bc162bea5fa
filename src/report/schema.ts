import { z } from 'zod';
import { CriterionGradeSchema, UsageSchema } from '../grading/grade.js';
import { SESSION_KINDS } from '../session/model.js';
import { VERDICTS } from '../grading/verdict.js';

/**
 * The report JSON contract (PRODUCT.md "Report JSON"), printed by `--json` and
 * `coach report --format json`. Extended, never broken; `schemaVersion` bumps on
 * change. README documents it field by field.
 */
export const REPORT_SCHEMA_VERSION = 2;

export const ReportGradeSchema = z.object({
  by: z.string().nullable(),
  status: z.enum(['graded', 'pending', 'ungraded']),
  reason: z.string().nullable(),
  earned: z.number().nullable(),
  possible: z.number().nullable(),
  criteria: z.array(CriterionGradeSchema),
  feedback: z.string().nullable(),
  flags: z.array(z.string()),
  usage: UsageSchema.nullable(),
});

export const ReportGradeEntrySchema = ReportGradeSchema.extend({ at: z.string() });

export const ReportPhaseSchema = z.object({
  id: z.string(),
  title: z.string(),
  prompt: z.string(),
  answer: z.string().nullable(),
  seconds: z.number().nullable(),
  budgetSeconds: z.number(),
  followUp: z.object({ question: z.string(), answer: z.string().nullable() }).nullable(),
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
  grade: ReportGradeSchema,
  grades: z.array(ReportGradeEntrySchema),
});

export const ReportSchema = z.object({
  schemaVersion: z.literal(REPORT_SCHEMA_VERSION),
  id: z.string(),
  kind: z.enum(SESSION_KINDS),
  status: z.enum(['in-progress', 'finished']),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  topics: z.array(z.string()),
  seed: z.number().nullable(),
  score: z.object({ earned: z.number(), possible: z.number(), percent: z.number().nullable() }),
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

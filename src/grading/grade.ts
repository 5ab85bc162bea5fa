import { z } from 'zod';

/**
 * A grade, as stored in a session and shown in reports. A question keeps every
 * grade it gets (auto, self, model); the headline one is chosen by `headlineGrade`.
 */
export const MARKS = ['met', 'partly', 'missed'] as const;
export const MarkSchema = z.enum(MARKS);
export type Mark = z.infer<typeof MarkSchema>;

export const CriterionGradeSchema = z.object({
  id: z.string(),
  earned: z.number(),
  possible: z.number(),
  mark: MarkSchema,
  justification: z.string().nullable(),
  evidence: z.string().nullable(),
});
export type CriterionGrade = z.infer<typeof CriterionGradeSchema>;

export const UsageSchema = z.object({ promptTokens: z.number(), completionTokens: z.number() });

export const GradeSchema = z.object({
  /** "auto", "self", or the model's name. */
  by: z.string(),
  kind: z.enum(['auto', 'self', 'model']),
  status: z.enum(['graded', 'ungraded']),
  at: z.string(),
  /** Why a grading attempt failed, or a note such as "skipped". */
  reason: z.string().nullable(),
  earned: z.number(),
  possible: z.number(),
  criteria: z.array(CriterionGradeSchema),
  feedback: z.string().nullable(),
  flags: z.array(z.string()),
  usage: UsageSchema.nullable(),
  templateHash: z.string().nullable(),
});
export type Grade = z.infer<typeof GradeSchema>;

export type GradeStatus = 'graded' | 'pending' | 'ungraded';

/** The headline grade of PRODUCT.md: the latest successful model grade, else self, else auto. */
export function headlineGrade(grades: readonly Grade[]): Grade | undefined {
  for (const kind of ['model', 'self', 'auto'] as const) {
    const latest = grades.filter((grade) => grade.kind === kind && grade.status === 'graded').at(-1);
    if (latest) return latest;
  }
  return undefined;
}

/** graded when a headline grade exists; ungraded when only failed attempts do; else pending. */
export function gradeStatus(grades: readonly Grade[]): GradeStatus {
  if (headlineGrade(grades)) return 'graded';
  return grades.some((grade) => grade.status === 'ungraded') ? 'ungraded' : 'pending';
}

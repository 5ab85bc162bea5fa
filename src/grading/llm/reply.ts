import { z } from 'zod';
import type { Criterion } from '../../topics/model.js';

/**
 * The grader's reply, built per rubric: every criterion id required, each with a
 * justification, evidence and an integer `earned` (an enum 0..points, because
 * strict structured outputs reject numeric bounds). The model never reports a
 * total; the code checks every value and adds them up.
 */
export function replyJsonSchema(rubric: readonly Criterion[]): Record<string, unknown> {
  const criterion = (points: number) => ({
    type: 'object',
    properties: {
      justification: { type: 'string' },
      evidence: { type: 'string' },
      earned: { type: 'integer', enum: Array.from({ length: points + 1 }, (_, index) => index) },
    },
    required: ['justification', 'evidence', 'earned'],
    additionalProperties: false,
  });
  return {
    type: 'object',
    properties: {
      criteria: {
        type: 'object',
        properties: Object.fromEntries(rubric.map((entry) => [entry.id, criterion(entry.points)])),
        required: rubric.map((entry) => entry.id),
        additionalProperties: false,
      },
      strengths: { type: 'array', items: { type: 'string' } },
      improvements: { type: 'array', items: { type: 'string' } },
      feedback: { type: 'string' },
      instructionInAnswer: { type: 'boolean' },
    },
    required: ['criteria', 'strengths', 'improvements', 'feedback', 'instructionInAnswer'],
    additionalProperties: false,
  };
}

export interface ValidReply {
  criteria: Record<string, { justification: string; evidence: string; earned: number }>;
  strengths: string[];
  improvements: string[];
  feedback: string;
  instructionInAnswer: boolean;
}

export type ReplyCheck = { ok: true; reply: ValidReply } | { ok: false; error: string };

export function checkReply(rubric: readonly Criterion[], value: unknown): ReplyCheck {
  const schema = z.strictObject({
    criteria: z.strictObject(
      Object.fromEntries(
        rubric.map((criterion) => [
          criterion.id,
          z.object({ justification: z.string(), evidence: z.string(), earned: z.int().min(0).max(criterion.points) }),
        ]),
      ),
    ),
    strengths: z.array(z.string()),
    improvements: z.array(z.string()),
    feedback: z.string(),
    instructionInAnswer: z.boolean(),
  });
  const parsed = schema.safeParse(value);
  if (parsed.success) return { ok: true, reply: parsed.data as ValidReply };
  const issue = parsed.error.issues[0]!;
  const where = issue.path.join('.') || 'the reply';
  const detail = issue.code === 'unrecognized_keys' ? `unknown ${issue.keys.join(', ')}` : issue.message;
  return { ok: false, error: `${where}: ${detail}` };
}

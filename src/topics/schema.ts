import { z } from 'zod';

/**
 * The topic file format (PRODUCT.md "Topic files"). Every object is strict: an
 * unknown field is an error, because a typo such as `modelAnwser` would otherwise
 * silently drop content. Type-dependent defaults (minutes) are applied after
 * parsing by `withDefaults` in model.ts.
 */

/** Topic, question, criterion and phase ids: typed on the command line, so lowercase and no spaces. */
export const ID_PATTERN = /^[a-z0-9][a-z0-9_-]*$/;

const id = z
  .string()
  .regex(ID_PATTERN, 'must be lowercase letters, digits, "-" or "_" (it is typed on the command line)');

/** Not empty and not only white space; a pattern, so the JSON Schema says the same (`\S` is JavaScript's white space in both). */
const text = z.string().regex(/\S/, 'must not be empty');

/**
 * Reference links: http or https, a host, and no white space anywhere. A
 * pattern rather than `new URL()`, so editors using the JSON Schema and
 * `coach lint` agree on every string (non-ASCII is allowed on both sides).
 */
export const URL_PATTERN = /^https?:\/\/[^\s/?#]+(?:[/?#]\S*)?$/;
const url = z.string().regex(URL_PATTERN, 'must be an http:// or https:// link with a host and no spaces');

const positiveMinutes = z.number().positive();

export const DIFFICULTIES = ['easy', 'medium', 'hard'] as const;
export const QUESTION_TYPES = ['choice', 'short', 'design'] as const;

export const ReferenceSchema = z.strictObject({
  title: text,
  url: url.optional(),
});

export const CriterionSchema = z.strictObject({
  id,
  points: z.int().positive(),
  criterion: text,
  partial: text.optional(),
});

export const RubricSchema = z
  .array(CriterionSchema)
  .min(1)
  .superRefine((rubric, ctx) => reportDuplicateIds(rubric, ctx, 'criterion'));

const questionBase = {
  id,
  prompt: text,
  difficulty: z.enum(DIFFICULTIES).default('medium'),
  minutes: positiveMinutes.optional(),
  tags: z.array(text).optional(),
  followUps: z.array(text).optional(),
  references: z.array(ReferenceSchema).optional(),
};

export const ChoiceOptionSchema = z.strictObject({
  text,
  correct: z.boolean().optional(),
  why: text.optional(),
});

export const ChoiceQuestionSchema = z
  .strictObject({
    ...questionBase,
    type: z.literal('choice'),
    choices: z.array(ChoiceOptionSchema).min(2).max(8),
    multiple: z.boolean().default(false),
    explanation: text.optional(),
    points: z.int().positive().default(1),
  })
  // The same rule as the refinement below, said in JSON Schema for editors.
  .meta(correctOptionRule())
  .superRefine((question, ctx) => {
    const correct = question.choices.filter((option) => option.correct === true).length;
    if (question.multiple && correct === 0) {
      ctx.addIssue({ code: 'custom', path: ['choices'], message: 'a multiple-answer question needs at least one option with correct: true' });
    } else if (!question.multiple && correct !== 1) {
      ctx.addIssue({
        code: 'custom',
        path: ['choices'],
        message: `needs exactly one option with correct: true (found ${correct}); set multiple: true for several`,
      });
    }
  });

function correctOptionRule(): Record<string, unknown> {
  const correct = { type: 'object', properties: { correct: { const: true } }, required: ['correct'] };
  return {
    if: { properties: { multiple: { const: true } }, required: ['multiple'] },
    then: { properties: { choices: { type: 'array', contains: correct, minContains: 1 } } },
    else: { properties: { choices: { type: 'array', contains: correct, minContains: 1, maxContains: 1 } } },
  };
}

export const ShortQuestionSchema = z.strictObject({
  ...questionBase,
  type: z.literal('short'),
  rubric: RubricSchema,
  modelAnswer: text.optional(),
});

/** A phase's follow-up: plain text, or the question with the id of the rubric criterion it probes. */
export const PhaseFollowUpSchema = z.union([text, z.strictObject({ question: text, probes: id })], { error: 'expected the question text, or { question, probes: <criterion id> } (no other fields)' });

export const PhaseSchema = z.strictObject({
  id,
  title: text,
  minutes: positiveMinutes,
  prompt: text,
  rubric: RubricSchema,
  modelAnswer: text.optional(),
  followUps: z.array(PhaseFollowUpSchema).optional(),
  /** What the interviewer says if asked during this phase, beside the question's own facts. */
  facts: z.array(text).optional(),
});

export const DesignQuestionSchema = z
  .strictObject({
    ...questionBase,
    type: z.literal('design'),
    phases: z
      .array(PhaseSchema)
      .min(1)
      .superRefine((phases, ctx) => reportDuplicateIds(phases, ctx, 'phase')),
    modelAnswer: text.optional(),
    /** What an interviewer would say if asked (scale, users, read/write mix, scope): answers to clarifying questions. */
    facts: z.array(text).optional(),
  })
  .superRefine((question, ctx) => {
    reportUnknownProbes(question.phases, ctx);
    const total = question.phases.reduce((sum, phase) => sum + phase.minutes, 0);
    if (question.minutes !== undefined && Math.abs(question.minutes - total) > 1e-9) {
      ctx.addIssue({
        code: 'custom',
        path: ['minutes'],
        message: `must equal the sum of the phase minutes (${total}), or be left out`,
      });
    }
  });

export const QuestionSchema = z.discriminatedUnion('type', [
  ChoiceQuestionSchema,
  ShortQuestionSchema,
  DesignQuestionSchema,
]);

export const TopicSchema = z
  .strictObject({
    id,
    title: text,
    summary: text.optional(),
    tags: z.array(text).optional(),
    questions: z.array(QuestionSchema).min(1),
  })
  .superRefine((topic, ctx) => reportDuplicateIds(topic.questions, ctx, 'question', ['questions']))
  .meta({
    title: 'interview-coach topic file',
    description: 'One topic of the interview-coach question bank (see README "Topic files").',
  });

/** Field names allowed at each kind of node, for "unknown field" messages. */
export const ALLOWED_FIELDS = {
  topic: Object.keys(TopicSchema.shape),
  choice: Object.keys(ChoiceQuestionSchema.shape),
  short: Object.keys(ShortQuestionSchema.shape),
  design: Object.keys(DesignQuestionSchema.shape),
  option: Object.keys(ChoiceOptionSchema.shape),
  criterion: Object.keys(CriterionSchema.shape),
  phase: Object.keys(PhaseSchema.shape),
  reference: Object.keys(ReferenceSchema.shape),
} as const;

/** A follow-up's `probes` must name a criterion of its own phase's rubric (JSON Schema cannot say this: lint-only). */
function reportUnknownProbes(phases: readonly z.output<typeof PhaseSchema>[], ctx: z.RefinementCtx): void {
  phases.forEach((phase, phaseIndex) => {
    phase.followUps?.forEach((followUp, index) => {
      if (typeof followUp === 'string' || phase.rubric.some((criterion) => criterion.id === followUp.probes)) return;
      ctx.addIssue({
        code: 'custom',
        path: ['phases', phaseIndex, 'followUps', index, 'probes'],
        message: `probes "${followUp.probes}", which is not a criterion of this phase (its rubric has ${phase.rubric.map((criterion) => criterion.id).join(', ')})`,
      });
    });
  });
}

function reportDuplicateIds(
  items: readonly { id: string }[],
  ctx: z.RefinementCtx,
  what: string,
  prefix: (string | number)[] = [],
): void {
  const firstIndex = new Map<string, number>();
  items.forEach((item, index) => {
    const earlier = firstIndex.get(item.id);
    if (earlier === undefined) {
      firstIndex.set(item.id, index);
      return;
    }
    ctx.addIssue({
      code: 'custom',
      path: [...prefix, index, 'id'],
      message: `duplicate ${what} id "${item.id}" (first used at index ${earlier})`,
    });
  });
}

export type TopicInput = z.input<typeof TopicSchema>;
export type ParsedTopic = z.output<typeof TopicSchema>;

import { z } from 'zod';

/**
 * The plan JSON (`coach plan --json`), as zod: the source of the JSON Schema
 * `coach schema --plan` prints and the tests validate against. Mirrors the
 * `Plan` type of plan.ts (a test checks real plans against it).
 */
const PlanItemSchema = z.strictObject({
  kind: z.enum(['due', 'mock', 'retention', 'new', 'weak']).describe('due: an FSRS review; mock: a timed mock interview; retention: recall on the day would fall below the target; new: never practised; weak: last score under 70%'),
  topic: z.string(),
  question: z.string(),
  type: z.enum(['choice', 'short', 'design']),
  minutes: z.number().positive().describe("the question's length from its topic file"),
  lastScore: z.number().min(0).max(100).nullable().describe('last graded score in percent; null when never graded'),
  dueDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable().describe('the study day a due card became due'),
  recallOnDay: z.number().min(0).max(1).nullable().describe('FSRS-predicted recall at the start of the interview day, when the question has history'),
  why: z.string(),
});

export const PlanSchema = z.strictObject({
  schemaVersion: z.literal(1),
  today: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).describe('the current study day (local; days start at dayStartsAt)'),
  until: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).describe('the interview day'),
  daysLeft: z.int().min(1),
  minutesPerDay: z.number().positive(),
  retention: z.number().gt(0).lt(1),
  dayStartsAt: z.string().regex(/^\d{2}:\d{2}$/),
  minutesDoneToday: z.number().min(0).describe("minutes of questions answered today, taken off today's budget"),
  topics: z.array(z.string()).describe('the topics planned for'),
  days: z.array(
    z.strictObject({
      date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
      label: z.string(),
      today: z.boolean(),
      budgetMinutes: z.number().min(0),
      minutes: z.number().min(0).describe('planned minutes; at most budgetMinutes plus one item'),
      items: z.array(PlanItemSchema),
    }),
  ),
  unscheduled: z.array(PlanItemSchema).describe('what did not fit before the interview day'),
});

export function planJsonSchema(): Record<string, unknown> {
  return { ...(z.toJSONSchema(PlanSchema, { io: 'output' }) as Record<string, unknown>), title: 'interview-coach plan', description: 'coach plan --json (README "Study plan")' };
}

/** `coach cram --list --json` (README "coach cram"): what cramming would ask, weakest first. */
export const CramListSchema = z.strictObject({
  cram: z.array(
    z.strictObject({
      topic: z.string(),
      question: z.string(),
      lastScore: z.number().min(0).max(100).describe('last graded score in percent, cram answers included'),
      recallNow: z.number().min(0).max(1).describe('FSRS-predicted recall now (1 when only ever crammed)'),
      expected: z.number().min(0).max(100).describe('lastScore x recallNow: the order, lowest first'),
    }),
  ),
  total: z.int().min(0).describe('how many questions cram could ask (before --limit)'),
});

export function cramListJsonSchema(): Record<string, unknown> {
  return { ...(z.toJSONSchema(CramListSchema, { io: 'output' }) as Record<string, unknown>), title: 'interview-coach cram list', description: 'coach cram --list --json' };
}

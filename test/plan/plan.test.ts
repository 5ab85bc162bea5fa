process.env.TZ = 'UTC';

import { Ajv2020 } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { buildPlan, MOCK_LEAD_DAYS, type Plan, type PlanInput } from '../../src/plan/plan.js';
import type { PlanTopic } from '../../src/plan/candidates.js';
import { planJsonSchema } from '../../src/plan/schema.js';
import { parseDay } from '../../src/review/day.js';
import { replay } from '../../src/review/schedule.js';
import type { SessionSummary } from '../../src/session/summaries.js';
import { result, session } from '../helpers/history.js';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 11, 1, 10); // Tue 1 Dec 2026, 10:00
const UNTIL = parseDay('2026-12-15')!; // two weeks away

const q = (id: string, type: 'choice' | 'short' = 'short', minutes = type === 'choice' ? 1 : 4, difficulty: 'easy' | 'medium' | 'hard' = 'medium') => ({ id, type, minutes, difficulty });
const design = (id: string) => ({ id, type: 'design' as const, minutes: 45, difficulty: 'hard' as const, phases: [{ id: 'req' }, { id: 'design' }] });
const TOPICS: PlanTopic[] = [
  { id: 'caching', questions: [q('c1'), q('c2'), q('c3', 'choice'), q('c4', 'short', 6, 'hard'), design('cache-design')] },
  { id: 'databases', questions: [q('d1'), q('d2', 'choice'), q('d3', 'short', 5, 'easy')] },
  { id: 'queues', questions: [q('m1'), q('m2', 'choice')] },
  { id: 'networking', questions: [q('n1', 'choice'), design('net-design')] },
  { id: 'api-design', questions: [design('api-design-only')] },
];

function history(): SessionSummary[] {
  const at = (daysAgo: number) => NOW - daysAgo * DAY;
  return [
    session('s1', [result('c1', 20, at(3)), result('c2', 95, at(3)), result('c3', 100, at(3), { type: 'choice' })]),
    session('s2', [result('d1', 50, at(2), { topic: 'databases' }), result('d2', 0, at(2), { topic: 'databases', type: 'choice' })]),
  ];
}

const input = (overrides: Partial<PlanInput> = {}): PlanInput => ({ nowMs: NOW, until: UNTIL, minutesPerDay: 30, retention: 0.9, dayStartsAt: 240, topics: TOPICS, cards: replay(history()), minutesDoneToday: 0, ...overrides });
const items = (plan: Plan) => plan.days.flatMap((day, index) => day.items.map((item) => ({ ...item, day: index })));

describe('the study plan (fake clock, fixed history)', () => {
  test('one day per study day from today to the day before the interview; today is marked', () => {
    const plan = buildPlan(input());
    expect(plan.daysLeft).toBe(14);
    expect(plan.days.map((day) => day.date)).toEqual(Array.from({ length: 14 }, (_, index) => new Date(NOW + index * DAY).toISOString().slice(0, 10)));
    expect(plan.days.map((day) => day.today)).toEqual([true, ...Array(13).fill(false)]);
  });

  test("no day goes over its minutes by more than one question's length (any minutes, any history)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 120 }), fc.array(fc.tuple(fc.constantFrom('c1', 'c2', 'c4', 'd1', 'd3', 'm1'), fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 60 })), { maxLength: 20 }), fc.integer({ min: 0, max: 40 }), (minutes, answers, done) => {
        const topicOf = (id: string) => ({ c: 'caching', d: 'databases', m: 'queues' })[id[0] as 'c' | 'd' | 'm'];
        const sessions = answers.map(([id, score, daysAgo], index) => session(`s${index}`, [result(id, score, NOW - daysAgo * DAY - index, { topic: topicOf(id) })]));
        const plan = buildPlan(input({ minutesPerDay: minutes, cards: replay(sessions), minutesDoneToday: done }));
        for (const day of plan.days) {
          expect(day.minutes).toBe(day.items.reduce((sum, item) => sum + item.minutes, 0));
          if (day.items.length > 0) expect(day.minutes - Math.max(...day.items.map((item) => item.minutes))).toBeLessThan(day.budgetMinutes);
        }
      }),
      { numRuns: 150 },
    );
  });

  test('every topic appears before the interview day', () => {
    const plan = buildPlan(input());
    expect(new Set(items(plan).map((item) => item.topic))).toEqual(new Set(TOPICS.map((topic) => topic.id)));
    // never-practised topics are looked at early, not on the last day
    for (const topic of ['queues', 'networking']) expect(Math.min(...items(plan).filter((item) => item.topic === topic).map((item) => item.day))).toBeLessThan(3);
  });

  test('due cards come first: overdue ones today, each due card on or after its due day and before anything else that day', () => {
    const plan = buildPlan(input());
    const dueItems = items(plan).filter((item) => item.kind === 'due');
    // c1 (20%) and d2 (wrong) were due within a day: overdue now.
    expect(dueItems.filter((item) => item.day === 0).map((item) => item.question)).toEqual(expect.arrayContaining(['c1', 'd2']));
    expect(plan.days[0]!.items.slice(0, 2).map((item) => item.kind)).toEqual(['due', 'due']);
    for (const day of plan.days) {
      const kinds = day.items.map((item) => item.kind);
      const firstOther = kinds.findIndex((kind) => kind !== 'due');
      if (firstOther >= 0) expect(kinds.slice(firstOther)).not.toContain('due');
    }
    for (const item of dueItems) expect(item.dueDate! <= plan.days[item.day]!.date).toBe(true);
    // the weakest of the overdue comes first
    expect(plan.days[0]!.items[0]!.question).toBe('d2');
  });

  test('a card that would fall below the recall target by the day is refreshed before it', () => {
    // c2 at 95% three days ago, then again today: its next review is after the interview.
    const cards = replay([...history(), session('s3', [result('c2', 100, NOW - 2 * DAY)])]);
    const relaxed = buildPlan(input({ cards, retention: 0.5 }));
    expect(items(relaxed).find((item) => item.question === 'c2')?.kind).not.toBe('retention');
    const strict = buildPlan(input({ cards, retention: 0.97 }));
    const refresh = items(strict).find((item) => item.question === 'c2')!;
    expect(refresh.kind).toBe('retention');
    expect(refresh.recallOnDay).toBeLessThan(0.97);
    expect(refresh.day).toBeLessThan(strict.daysLeft);
    expect(refresh.day).toBeGreaterThan(strict.daysLeft - 4); // as late as there is room: fresher on the day
  });

  test('mock interviews are spaced, the last at least two days before the interview', () => {
    const plan = buildPlan(input({ minutesPerDay: 60 }));
    const mocks = items(plan).filter((item) => item.kind === 'mock');
    expect(mocks.length).toBeGreaterThanOrEqual(2);
    expect(Math.max(...mocks.map((mock) => mock.day))).toBeLessThanOrEqual(plan.daysLeft - MOCK_LEAD_DAYS);
    const days = mocks.map((mock) => mock.day).sort((a, b) => a - b);
    for (let index = 1; index < days.length; index += 1) expect(days[index]! - days[index - 1]!).toBeGreaterThanOrEqual(3);
    expect(new Set(mocks.map((mock) => mock.question)).size).toBe(mocks.length);
    expect(mocks.every((mock) => mock.why.includes(`coach interview ${mock.question}`))).toBe(true);
  });

  test('a design question whose interview phases are due is the first mock', () => {
    const phase = (id: string, at: number) => ({ ...result('net-design', 10, at, { topic: 'networking', type: 'design' }), phase: id });
    const cards = replay([...history(), session('s9', [phase('req', NOW - 5 * DAY), phase('design', NOW - 5 * DAY)])]);
    const mocks = items(buildPlan(input({ cards, minutesPerDay: 60 }))).filter((item) => item.kind === 'mock').sort((a, b) => a.day - b.day);
    expect(mocks[0]!.question).toBe('net-design');
    expect(mocks[0]!.why).toContain('due for review');
  });

  test('the plan changes when history changes', () => {
    const before = buildPlan(input());
    const later = [...history(), session('s3', [result('c1', 100, NOW - 3_600_000), result('d2', 100, NOW - 3_600_000, { topic: 'databases', type: 'choice' })])];
    const after = buildPlan(input({ cards: replay(later) }));
    expect(after).not.toEqual(before);
    expect(after.days[0]!.items.filter((item) => item.kind === 'due').map((item) => item.question)).not.toContain('c1');
  });

  test("time already spent today comes off today's budget; none left means nothing today", () => {
    const plan = buildPlan(input({ minutesDoneToday: 30 }));
    expect(plan.days[0]!.budgetMinutes).toBe(0);
    expect(plan.days[0]!.items).toEqual([]);
    expect(plan.days[1]!.items.map((item) => item.question)).toEqual(expect.arrayContaining(['c1', 'd2']));
  });

  test('too little time: what does not fit is listed, never silently dropped', () => {
    const plan = buildPlan(input({ until: parseDay('2026-12-02')!, minutesPerDay: 1 }));
    expect(plan.daysLeft).toBe(1);
    expect(plan.unscheduled.map((item) => item.question)).toEqual(expect.arrayContaining(['c1']));
  });

  test('an interview day that is not after today is refused', () => {
    expect(() => buildPlan(input({ until: parseDay('2026-12-01')! }))).toThrow(RangeError);
  });

  test('the JSON validates against the published schema', () => {
    const validate = new Ajv2020({ strict: false }).compile(planJsonSchema());
    for (const plan of [buildPlan(input()), buildPlan(input({ minutesDoneToday: 50, retention: 0.97 }))]) {
      const ok = validate(JSON.parse(JSON.stringify({ schemaVersion: 1, ...plan, topics: TOPICS.map((topic) => topic.id) })));
      expect(validate.errors ?? []).toEqual([]);
      expect(ok).toBe(true);
    }
  });
});

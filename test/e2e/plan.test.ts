import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, test } from 'vitest';
import { ReportSchema } from '../../src/report/schema.js';
import { ROOT, runCoach, tempHome, writeFiles } from '../helpers/cli.js';
import { pastSession } from '../helpers/pastSession.js';

const FIXTURES = join(ROOT, 'test', 'fixtures', 'topics');
const DAY = 86_400_000;
// The built CLI runs on the real clock: dates are relative to today, in UTC (TZ below), 12 h past the 04:00 day start or not.
const env = (home: string) => ({ COACH_HOME: home, COACH_TOPICS: FIXTURES, TZ: 'UTC' });
const studyToday = () => new Date(Date.now() - 4 * 3_600_000).toISOString().slice(0, 10);
const inDays = (n: number) => new Date(Date.parse(`${studyToday()}T12:00:00Z`) + n * DAY).toISOString().slice(0, 10);

const past = (home: string, args: string[], answers: string, daysAgo: number) => pastSession(env(home), args, answers, daysAgo);

const WEAK = 'sample-short:\n  answer: a weak answer here\n  self: { order: missed, race: partly }\nsample-choice: b\n';

describe('coach plan', () => {
  test('--json validates against coach schema --plan; text marks today; md has a heading per day', async () => {
    const home = tempHome();
    await past(home, ['quiz', 'sample'], WEAK, 5);
    const schema = JSON.parse((await runCoach(['schema', '--plan'], { env: env(home) })).stdout) as Record<string, unknown>;
    const validate = new Ajv2020({ strict: false }).compile(schema);
    const json = await runCoach(['plan', 'sample', 'caching', '--until', inDays(7), '--json'], { env: env(home) });
    expect(json.stderr).toBe('');
    expect(json.code).toBe(0);
    const plan = JSON.parse(json.stdout) as { days: { today: boolean; items: { kind: string; question: string; topic: string }[] }[]; daysLeft: number };
    expect(validate(plan), JSON.stringify(validate.errors)).toBe(true);
    expect(plan.daysLeft).toBe(7);
    // both sample questions were answered 5 days ago and are overdue: today's first items
    expect(plan.days[0]!.items.slice(0, 2).map((item) => [item.kind, item.question]).sort()).toEqual([['due', 'sample-choice'], ['due', 'sample-short']]);
    expect(plan.days.flatMap((day) => day.items).some((item) => item.topic === 'caching')).toBe(true);

    const text = await runCoach(['plan', 'sample', '--until', inDays(7)], { env: env(home) });
    expect(text.stdout).toMatch(/ - today {2}\d+\/30 min\n> review {2}sample\/sample-(short|choice)/);
    expect(text.stdout).toContain(`${inDays(7)}: interview day.`);
    const md = await runCoach(['plan', 'sample', '--until', inDays(3), '--format', 'md'], { env: env(home) });
    expect(md.stdout.match(/^## /gm)).toHaveLength(3);
    expect(md.stdout).toMatch(/^## .*\(today\)/m);
  });

  test('the plan follows history: after a review today, those questions are no longer due', async () => {
    const home = tempHome();
    await past(home, ['quiz', 'sample'], WEAK, 5);
    const before = JSON.parse((await runCoach(['plan', 'sample', '--until', inDays(7), '--json'], { env: env(home) })).stdout) as { days: { items: { kind: string }[] }[] };
    expect(before.days[0]!.items.filter((item) => item.kind === 'due')).toHaveLength(2);
    const file = join(writeFiles(join(tempHome(), 'r'), { 'r.yaml': 'sample-short:\n  answer: now a much better answer\n  self: { order: met, race: met }\nsample-choice: a\n' }), 'r.yaml');
    expect((await runCoach(['review', '--answers', file, '--json'], { env: env(home) })).code).toBe(0);
    const after = JSON.parse((await runCoach(['plan', 'sample', '--until', inDays(7), '--json'], { env: env(home) })).stdout) as { days: { items: { kind: string }[] }[]; minutesDoneToday: number };
    expect(after.days[0]!.items.filter((item) => item.kind === 'due')).toHaveLength(0);
    expect(after.minutesDoneToday).toBeGreaterThan(0);
    expect(after).not.toEqual(before);
  });

  test('clear messages: a past date, no date, today, a bad date, a bad retention', async () => {
    const home = tempHome();
    const cases: [string[], number, RegExp][] = [
      [['plan', '--until', '2020-01-01'], 2, /^coach: --until 2020-01-01 is in the past \(today is \d{4}-\d\d-\d\d\)/],
      [['plan'], 2, /^coach: when is the interview\? --until YYYY-MM-DD/],
      [['plan', '--until', studyToday()], 1, /^coach: the interview is today .*no days left to plan/],
      [['plan', '--until', '2026-02-30'], 2, /^coach: --until: expected a date as YYYY-MM-DD/],
      [['plan', '--until', inDays(5), '--retention', '1.5'], 2, /^coach: --retention: expected a recall target between 0 and 1/],
      [['plan', '--until', inDays(5), '--minutes', '0'], 2, /^coach: --minutes: expected a whole number >= 1/],
      [['plan', 'nosuch', '--until', inDays(5)], 2, /^coach: unknown topic "nosuch"/],
    ];
    for (const [args, code, message] of cases) {
      const result = await runCoach(args, { env: env(home) });
      expect(result.code, args.join(' ')).toBe(code);
      expect(result.stderr).toMatch(message);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
    }
  });

  test('plan.until and plan.minutes from coach config; coach today runs today\'s questions as one session', async () => {
    const home = tempHome();
    await past(home, ['quiz', 'sample'], WEAK, 5);
    expect((await runCoach(['config', 'set', 'plan.until', inDays(6)], { env: env(home) })).code).toBe(0);
    expect((await runCoach(['config', 'set', 'plan.minutes', '10'], { env: env(home) })).code).toBe(0);
    const plan = JSON.parse((await runCoach(['plan', 'sample', '--json'], { env: env(home) })).stdout) as { minutesPerDay: number; until: string; days: { items: { question: string; type: string }[] }[] };
    expect([plan.minutesPerDay, plan.until]).toEqual([10, inDays(6)]);
    const todays = plan.days[0]!.items.filter((item) => item.type !== 'design').map((item) => item.question);
    expect(todays.length).toBeGreaterThan(0);
    const file = join(writeFiles(join(tempHome(), 't'), { 't.yaml': 'sample-short:\n  answer: a better answer now\n  self: { order: met, race: met }\nsample-choice: a\n' }), 't.yaml');
    const run = await runCoach(['today', 'sample', '--answers', file, '--json'], { env: env(home) });
    expect(run.code).toBe(0);
    const report = ReportSchema.parse(JSON.parse(run.stdout));
    expect(report.questions.map((question) => question.id)).toEqual(todays);
    const again = await runCoach(['plan', 'sample', '--today', '--answers', file], { env: env(home) });
    expect(again.stdout).toMatch(/Today's 10 minutes are done|Nothing is planned for today/);
    expect((await runCoach(['today'], { env: env(home) })).code).toBe(2); // not a terminal, no --answers
  });
});

describe('review.dayStartsAt and an empty bank', () => {
  test('coach config set review.dayStartsAt takes HH:MM and the plan reports it', async () => {
    const home = tempHome();
    const bad = await runCoach(['config', 'set', 'review.dayStartsAt', '25:00'], { env: env(home) });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^coach: coach config set review.dayStartsAt: expected a time of day as HH:MM/);
    expect((await runCoach(['config', 'set', 'review.dayStartsAt', '05:00'], { env: env(home) })).code).toBe(0);
    const plan = JSON.parse((await runCoach(['plan', 'sample', '--until', inDays(4), '--json'], { env: env(home) })).stdout) as { dayStartsAt: string };
    expect(plan.dayStartsAt).toBe('05:00');
    expect((await runCoach(['config', '--json'], { env: env(home) })).stdout).toContain('"review.dayStartsAt"');
  });

  test('an empty bank is a clear one-line failure', async () => {
    const { planCommand } = await import('../../src/commands/plan.js');
    const { createContext } = await import('../../src/context.js');
    const { captureIo } = await import('../helpers/io.js');
    const empty = writeFiles(join(tempHome(), 'empty'), {});
    const io = captureIo({ env: { COACH_HOME: tempHome() } });
    const base = await createContext(io, { json: false, strict: false, color: false, topics: [] });
    const ctx = { ...base, topicSources: { ...base.topicSources, bundledDir: empty, compiledBundle: join(empty, 'none.json'), compiledOutline: join(empty, 'none.json'), userDirs: [] } };
    await expect(planCommand({ topics: [], until: inDays(5) }, ctx)).rejects.toThrow(/^the question bank is empty: nothing to plan/);
  });
});

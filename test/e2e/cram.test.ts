import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { cramListJsonSchema } from '../../src/plan/schema.js';
import { ReportSchema } from '../../src/report/schema.js';
import { ROOT, runCoach, tempHome, writeFiles } from '../helpers/cli.js';
import { pastSession } from '../helpers/pastSession.js';

const FIXTURES = join(ROOT, 'test', 'fixtures', 'topics');
const env = (home: string) => ({ COACH_HOME: home, COACH_TOPICS: FIXTURES, TZ: 'UTC' });

function answersFile(text: string): string {
  return join(writeFiles(join(tempHome(), 'a'), { 'a.yaml': text }), 'a.yaml');
}

const past = (home: string, args: string[], answers: string, daysAgo: number) => pastSession(env(home), args, answers, daysAgo);

const WEAK_SHORT = 'sample-short:\n  answer: a weak answer here\n  self: { order: missed, race: partly }\nsample-choice: b\n';
const STRONG_SHORT = 'sample-short:\n  answer: a complete answer this time\n  self: { order: met, race: met }\nsample-choice: b\n';

describe('coach cram', () => {
  test('weakest first whatever is due; a cram leaves coach review --list --json byte-identical (cache kept or rebuilt)', async () => {
    const home = tempHome();
    await past(home, ['quiz', 'sample'], WEAK_SHORT, 1);
    const list = JSON.parse((await runCoach(['cram', 'sample', '--list', '--json'], { env: env(home) })).stdout) as { cram: { topic: string; question: string; lastScore: number; recallNow: number; expected: number }[]; total: number };
    const validate = new Ajv2020({ strict: false }).compile(cramListJsonSchema());
    expect(validate(list), JSON.stringify(validate.errors)).toBe(true);
    expect(list.cram.map((pick) => [pick.question, pick.lastScore])).toEqual([
      ['sample-short', 17],
      ['sample-choice', 100],
    ]);
    const before = await runCoach(['review', '--list', '--json'], { env: env(home) });
    expect(before.code).toBe(0);

    const cram = await runCoach(['cram', 'sample', '--answers', answersFile(STRONG_SHORT.replace('sample-choice: b', 'sample-choice: a')), '--json'], { env: env(home) });
    expect(cram.stderr).toBe('');
    expect(cram.code).toBe(0);
    const report = ReportSchema.parse(JSON.parse(cram.stdout));
    expect(report.kind).toBe('cram');
    expect(report.questions.map((question) => question.id)).toEqual(['sample-short', 'sample-choice']);

    expect((await runCoach(['review', '--list', '--json'], { env: env(home) })).stdout).toBe(before.stdout);
    // Emptying the schedule cache means a full replay: cram still does not enter it.
    const { default: Database } = await import('better-sqlite3');
    const db = new Database(join(home, 'coach.db'));
    db.exec('DELETE FROM review_cards; DELETE FROM review_applied');
    db.close();
    expect((await runCoach(['review', '--list', '--json'], { env: env(home) })).stdout).toBe(before.stdout);

    // The cram answers count for the next cram's order: sample-short was just answered well, sample-choice wrong.
    const next = JSON.parse((await runCoach(['cram', 'sample', '--list', '--json'], { env: env(home) })).stdout) as { cram: { question: string; lastScore: number }[] };
    expect(next.cram.find((pick) => pick.question === 'sample-short')!.lastScore).toBe(100);
    expect(next.cram[0]!.question).toBe('sample-choice');
  });

  test('cram sessions are in history, reports and stats', async () => {
    const home = tempHome();
    await past(home, ['quiz', 'sample'], WEAK_SHORT, 3);
    expect((await runCoach(['cram', 'sample', '--limit', '1', '--answers', answersFile('sample-short:\n  answer: better now\n  self: { order: met, race: missed }\n'), '--json'], { env: env(home) })).code).toBe(0);
    const history = JSON.parse((await runCoach(['history', '--json'], { env: env(home) })).stdout) as { sessions: { kind: string; questions: number }[] };
    expect(history.sessions.map((entry) => entry.kind)).toEqual(['cram', 'quiz']);
    expect(history.sessions[0]!.questions).toBe(1);
    expect((await runCoach(['history'], { env: env(home) })).stdout).toMatch(/\bcram\b/);
    const html = await runCoach(['report', 'latest', '--format', 'html'], { env: env(home) });
    expect(html.stdout).toContain('Cram');
    const stats = await runCoach(['stats', '--json'], { env: env(home) });
    expect(stats.code).toBe(0);
    expect(stats.stdout).toContain('sample');
  });

  test('nothing answered yet: a clear message; flags are checked like quiz', async () => {
    const home = tempHome();
    expect((await runCoach(['cram', '--list'], { env: env(home) })).stdout).toContain('Nothing to cram yet');
    const bad = await runCoach(['cram', '--type', 'design', '--list'], { env: env(home) });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^coach: .*design questions are mock interviews/);
    expect((await runCoach(['cram'], { env: env(home) })).code).toBe(2); // not a terminal, no --answers
  });

  test('coach review with nothing due says when the next review is and offers cram', async () => {
    const home = tempHome();
    await past(home, ['quiz', 'sample'], STRONG_SHORT, 0);
    const list = await runCoach(['review', '--list'], { env: env(home) });
    // Wrapped to the output width (80 in a pipe), so compare the words.
    expect(list.stdout.replace(/\s+/g, ' ').trim()).toMatch(/^Nothing is due\. The next review is due \w{3} \d{1,2} \w{3} at 04:00 \(sample\/sample-\w+\)\.$/);
    const json = JSON.parse((await runCoach(['review', '--list', '--json'], { env: env(home) })).stdout) as { due: unknown[]; next: { dueAt: string } };
    expect(json.due).toEqual([]);
    expect(new Date(json.next.dueAt).getUTCHours()).toBe(4);
    const run = await runCoach(['review', '--answers', answersFile('sample-choice: a\n')], { env: env(home) });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Nothing to review right now\. The next review is due [\s\S]*?\ncoach cram asks your weakest questions/);
  });
});

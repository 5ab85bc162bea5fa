import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseCsv } from '../../src/grading/calibration.js';
import { ReportSchema } from '../../src/report/schema.js';
import { ROOT, runCoach, tempHome, writeFiles } from '../helpers/cli.js';
import { writeSessions } from '../helpers/sessions.js';

const FIXTURES = join(ROOT, 'test', 'fixtures', 'topics');

describe('coach stats', () => {
  test('over 5,000 generated sessions: per-topic progress, most-missed criteria, drift', async () => {
    const home = tempHome();
    writeSessions(home, { count: 5000 });
    const result = await runCoach(['stats', '--json'], { env: { COACH_HOME: home } });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const stats = JSON.parse(result.stdout);
    expect(stats.sessions).toBe(5000);
    expect(stats.topics.map((topic: { topic: string }) => topic.topic)).toEqual(['api-design', 'caching', 'databases']);
    for (const topic of stats.topics) {
      expect(topic.sessions).toBe(5000);
      expect(topic.trend).toHaveLength(5000);
      expect(topic.averagePercent).toBeGreaterThan(30);
      expect(topic.averagePercent).toBeLessThan(80);
    }
    expect(stats.mostMissed.length).toBe(10);
    expect(stats.mostMissed[0].lostShare).toBeGreaterThan(0.3);
    // The generator's model grades turn every self "met" into "partly": self-grading is more generous.
    expect(stats.drift.questions).toBeGreaterThan(5000);
    expect(stats.drift.meanPoints).toBeGreaterThan(0);
    // A second run reads the index, and agrees.
    const again = await runCoach(['stats', '--json'], { env: { COACH_HOME: home } });
    expect(JSON.parse(again.stdout)).toEqual(stats);
  }, 120_000);

  test('the average over answered questions stands beside the session score, and skipped ones are counted', async () => {
    const home = tempHome();
    const answers = join(writeFiles(join(tempHome(), 'a'), { 'a.yaml': 'sample-choice: b\n' }), 'a.yaml');
    await runCoach(['quiz', 'sample', '--answers', answers], { env: { COACH_HOME: home, COACH_TOPICS: FIXTURES } });
    const stats = JSON.parse((await runCoach(['stats', '--json'], { env: { COACH_HOME: home, COACH_TOPICS: FIXTURES } })).stdout);
    const topic = stats.topics[0];
    expect(topic.answered).toBe(1);
    expect(topic.skipped).toBeGreaterThan(0);
    expect(topic.answeredPercent).toBe(100);
    expect(topic.averagePercent).toBeLessThan(100);
    const text = await runCoach(['stats'], { env: { COACH_HOME: home, COACH_TOPICS: FIXTURES } });
    expect(text.stdout).toMatch(/SKIPPED\s+SCORE\s+ON ANSWERED/);
    expect(text.stdout.replace(/\s+/g, ' ')).toContain(`${topic.skipped} question${topic.skipped === 1 ? ' was' : 's were'} skipped or never reached before time ran out.`);
  });

  test('reflects a real session, with criterion texts from the topics; a changed session refreshes the index', async () => {
    const home = tempHome();
    const answers = join(writeFiles(join(tempHome(), 'a'), { 'a.yaml': 'sample-short:\n  answer: x y z\n  self: { order: met, race: missed }\nsample-choice: b\n' }), 'a.yaml');
    await runCoach(['quiz', '--answers', answers], { env: { COACH_HOME: home, COACH_TOPICS: FIXTURES } });
    const first = JSON.parse((await runCoach(['stats', '--json'], { env: { COACH_HOME: home, COACH_TOPICS: FIXTURES } })).stdout);
    expect(first.topics).toEqual([{ topic: 'sample', sessions: 1, answered: 2, skipped: 0, averagePercent: 75, answeredPercent: 75, trend: [75] }]);
    expect(first.mostMissed[0]).toMatchObject({ question: 'sample-short', criterion: 'race', missed: 1, text: 'Names the stale-set race and bounds it with a TTL.' });

    const text = await runCoach(['stats'], { env: { COACH_HOME: home, COACH_TOPICS: FIXTURES } });
    expect(text.stdout).toMatch(/sample\s+1\s+2\s+0\s+75%\s+75%\s+▇/);
    expect(text.stdout).toContain('Names the stale-set race');
  });
});

describe('coach export', () => {
  test('CSV: one row per graded criterion, parsed back; JSON: every report, valid against the schema', async () => {
    const home = tempHome();
    const answers = join(writeFiles(join(tempHome(), 'a'), { 'a.yaml': 'sample-short:\n  answer: "An answer, with a comma and a \\"quote\\""\n  self: { order: met, race: partly }\nsample-choice: a\n' }), 'a.yaml');
    await runCoach(['quiz', '--answers', answers], { env: { COACH_HOME: home, COACH_TOPICS: FIXTURES } });
    const csv = await runCoach(['export', '--format', 'csv'], { env: { COACH_HOME: home, COACH_TOPICS: FIXTURES } });
    expect(csv.code).toBe(0);
    const rows = parseCsv(csv.stdout);
    expect(rows[0]).toEqual(['session', 'date', 'kind', 'topic', 'question', 'phase', 'criterion', 'earned', 'possible', 'mark', 'grader']);
    expect(rows.slice(1).map((row) => [row[4], row[6], row[7], row[8], row[9], row[10]])).toEqual([
      ['sample-short', 'order', '2', '2', 'met', 'self'],
      ['sample-short', 'race', '0.5', '1', 'partly', 'self'],
      ['sample-choice', 'correct', '0', '1', 'missed', 'auto'],
    ]);

    const json = await runCoach(['export'], { env: { COACH_HOME: home, COACH_TOPICS: FIXTURES } });
    const { sessions } = JSON.parse(json.stdout) as { sessions: unknown[] };
    expect(sessions).toHaveLength(1);
    expect(ReportSchema.parse(sessions[0]).questions[0]!.answer).toBe('An answer, with a comma and a "quote"');

    const target = join(tempHome(), 'out.csv');
    writeFileSync(target, 'keep');
    expect((await runCoach(['export', '--format', 'csv', '--output', target], { env: { COACH_HOME: home } })).code).toBe(1);
    expect(readFileSync(target, 'utf8')).toBe('keep');
    expect((await runCoach(['export', '--format', 'csv', '--output', target, '--force'], { env: { COACH_HOME: home } })).code).toBe(0);
    expect(readFileSync(target, 'utf8')).toBe(csv.stdout);
  });

  test('--format xml is a usage error', async () => {
    const result = await runCoach(['export', '--format', 'xml'], { env: { COACH_HOME: tempHome() } });
    expect(result).toMatchObject({ code: 2, stderr: 'coach: --format: expected json or csv, got "xml"\n' });
  });
});

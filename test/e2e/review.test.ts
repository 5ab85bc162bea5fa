import { writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ReportSchema } from '../../src/report/schema.js';
import { ROOT, runCoach, tempHome, writeFiles } from '../helpers/cli.js';

const FIXTURES = join(ROOT, 'test', 'fixtures', 'topics');
const DAY = 86_400_000;

/**
 * Runs a scripted quiz in a scratch data folder, moves every timestamp of its
 * export `daysAgo` days into the past, and imports that into `home`.
 */
async function pastQuiz(home: string, answers: string, daysAgo: number): Promise<string> {
  const scratch = tempHome();
  const file = join(writeFiles(join(scratch, 'a'), { 'a.yaml': answers }), 'a.yaml');
  const result = await runCoach(['quiz', '--answers', file, '--json'], { env: { COACH_HOME: scratch, COACH_TOPICS: FIXTURES } });
  const { id } = JSON.parse(result.stdout) as { id: string };
  const exported = (await runCoach(['export'], { env: { COACH_HOME: scratch } })).stdout;
  const shifted = exported.replace(/"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z)"/g, (_match, iso: string) => `"${new Date(Date.parse(iso) - daysAgo * DAY).toISOString()}"`);
  const path = join(scratch, 'shifted.json');
  writeFileSync(path, shifted);
  const imported = await runCoach(['import', path], { env: { COACH_HOME: home } });
  expect(imported.code).toBe(0);
  return id;
}

const env = (home: string) => ({ COACH_HOME: home, COACH_TOPICS: FIXTURES });

describe('coach review', () => {
  test('--list shows what is due, weakest first, with due date and last score', async () => {
    const home = tempHome();
    await pastQuiz(home, 'sample-short:\n  answer: a weak answer here\n  self: { order: missed, race: partly }\nsample-choice: b\n', 10);
    const result = await runCoach(['review', '--list', '--json'], { env: env(home) });
    expect(result.code).toBe(0);
    const { due, total } = JSON.parse(result.stdout) as { due: { question: string; lastScore: number; lastRating: string; overdueDays: number; dueAt: string }[]; total: number };
    expect(total).toBe(2);
    expect(due.map((card) => [card.question, card.lastScore, card.lastRating])).toEqual([
      ['sample-short', 17, 'again'],
      ['sample-choice', 100, 'good'],
    ]);
    expect(due[0]!.overdueDays).toBeGreaterThanOrEqual(8);
    const text = await runCoach(['review', '--list'], { env: env(home) });
    expect(text.stdout).toMatch(/^QUESTION\s+DUE\s+LAST SCORE\s+LAST RATING\s+REVIEWS$/m);
    expect(text.stdout).toMatch(/sample\/sample-short\s+\d+d overdue\s+17%\s+again\s+1/);
  });

  test('coach topics shows mastery and how many reviews are due', async () => {
    const home = tempHome();
    await pastQuiz(home, 'sample-short:\n  answer: a strong answer here\n  self: { order: met, race: met }\nsample-choice: a\n', 30);
    const { topics } = JSON.parse((await runCoach(['topics', '--json'], { env: env(home) })).stdout) as { topics: { id: string; mastery: number | null; due: number }[] };
    // sample-short is mastered (100%), sample-choice was wrong: 1 of the topic's 3 questions.
    expect(topics.find((entry) => entry.id === 'sample')).toMatchObject({ mastery: 33, due: 2 });
    expect(topics.find((entry) => entry.id === 'caching')).toMatchObject({ mastery: 0, due: 0 });
  });

  test('a review session asks the due questions and updates the schedule', async () => {
    const home = tempHome();
    await pastQuiz(home, 'sample-short:\n  answer: a weak answer here\n  self: { order: missed, race: missed }\nsample-choice: a\n', 10);
    const file = join(writeFiles(join(tempHome(), 'r'), { 'r.yaml': 'sample-short:\n  answer: now a much better answer\n  self: { order: met, race: met }\nsample-choice: b\n' }), 'r.yaml');
    const result = await runCoach(['review', '--answers', file, '--json'], { env: env(home) });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const report = ReportSchema.parse(JSON.parse(result.stdout));
    expect(report.kind).toBe('review');
    expect(report.questions.map((question) => question.id)).toEqual(['sample-short', 'sample-choice']);
    const after = JSON.parse((await runCoach(['review', '--list', '--json'], { env: env(home) })).stdout) as { total: number };
    expect(after.total).toBe(0);
    const again = JSON.parse((await runCoach(['review', '--list', '--json', '--again'], { env: env(home) })).stdout) as { total: number };
    expect(again.total).toBe(0); // nothing was rated Again or Hard today
  });

  test('nothing due: a clear message; an unknown topic or a missing terminal is a usage error', async () => {
    const home = tempHome();
    const empty = await runCoach(['review', '--list'], { env: env(home) });
    expect(empty.stdout).toContain('Nothing is due.');
    expect((await runCoach(['review', 'nosuch', '--list'], { env: env(home) })).code).toBe(2);
    expect((await runCoach(['review'], { env: env(home) })).code).toBe(2);
  });

  test('the schedule survives losing its cache: the same list after deleting it', async () => {
    const home = tempHome();
    await pastQuiz(home, 'sample-short:\n  answer: a weak answer here\n  self: { order: missed, race: partly }\nsample-choice: b\n', 10);
    const before = (await runCoach(['review', '--list', '--json'], { env: env(home) })).stdout;
    const db = new Database(join(home, 'coach.db'));
    expect(db.prepare('SELECT count(*) FROM review_cards').pluck().get()).toBe(2);
    db.exec('DELETE FROM review_cards; DELETE FROM review_applied');
    db.close();
    expect((await runCoach(['review', '--list', '--json'], { env: env(home) })).stdout).toBe(before);
  });
});

import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ReportSchema, type Report } from '../../src/report/schema.js';
import { ROOT, runCoach, stripAnsi, tempHome, writeFiles } from '../helpers/cli.js';
import { onlySession } from '../helpers/store.js';

const FIXTURES = join(ROOT, 'test', 'fixtures', 'topics');
const withFixtures = (home: string) => ({ COACH_HOME: home, COACH_TOPICS: FIXTURES });

function answersFile(content: string, name = 'answers.yaml'): string {
  return join(writeFiles(join(tempHome(), 'answers'), { [name]: content }), name);
}

async function scripted(args: string[], answers: string, home = tempHome()) {
  const result = await runCoach(['quiz', ...args, '--answers', answersFile(answers), '--json'], { env: withFixtures(home) });
  return { ...result, home, report: result.code === 0 ? ReportSchema.parse(JSON.parse(result.stdout)) : (undefined as unknown as Report) };
}

describe('coach quiz --answers (scripted)', () => {
  test('no topic: exactly the questions in the file, in file order, graded', async () => {
    const { code, report, stderr } = await scripted([], 'sample-short:\n  answer: Write the DB, then delete the key; a TTL bounds the race.\n  seconds: 90\n  self: { order: met, race: partly }\nsample-choice: 2\n');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(report.questions.map((question) => question.id)).toEqual(['sample-short', 'sample-choice']);
    expect(report.questions[0]).toMatchObject({ status: 'answered', seconds: 90, budgetSeconds: 240, grade: { by: 'self', earned: 2.5, possible: 3 } });
    expect(report.questions[1]).toMatchObject({ answer: '201', choice: ['b'], grade: { by: 'auto', earned: 1, possible: 1 } });
    expect(report).toMatchObject({ kind: 'quiz', status: 'finished', seed: null, score: { earned: 3.5, possible: 4, percent: 88 }, verdict: 'Strong Hire', pending: 0 });
  });

  test('a short answer without marks is pending and left out of the score', async () => {
    const { report } = await scripted([], 'sample-short: Just some text here.\nsample-choice: a\n');
    expect(report.pending).toBe(1);
    expect(report.questions[0]!.grade).toMatchObject({ status: 'pending', by: null });
    expect(report.score).toEqual({ earned: 0, possible: 1, percent: 0 });
  });

  test('with a topic: the selection applies and questions without an entry are skipped', async () => {
    const { report } = await scripted(['sample', '--seed', '3'], 'sample-choice: "201"\n');
    expect(report.questions.map((question) => question.id).sort()).toEqual(['sample-choice', 'sample-short']);
    const skipped = report.questions.find((question) => question.id === 'sample-short')!;
    expect(skipped).toMatchObject({ status: 'skipped', answer: null, grade: { status: 'graded', earned: 0, possible: 3, reason: 'skipped' } });
    expect(report.score).toEqual({ earned: 1, possible: 4, percent: 25 });
    expect(report.seed).toBe(3);
  });

  test('the same seed selects the same questions in the same order', async () => {
    const order = async () => (await scripted(['caching', 'databases', '--seed', '99', '--count', '6'], '{}\n')).report.questions.map((question) => question.id);
    const first = await order();
    expect(first).toHaveLength(6);
    expect(await order()).toEqual(first);
  });

  test('--time-limit uses the seconds in the file as the clock', async () => {
    const { report } = await scripted(['sample', '--seed', '1', '--time-limit', '60s'], 'sample-choice: { answer: b, seconds: 70 }\nsample-short: { answer: too late to count, seconds: 10 }\n');
    const statuses = Object.fromEntries(report.questions.map((question) => [question.id, question.status]));
    const first = report.questions[0]!.id;
    expect(statuses[first]).toBe('answered');
    expect(report.questions[1]!.status).toBe('skipped');
  });

  test('the session file is saved with every answer and readable', async () => {
    const { report, home } = await scripted([], 'sample-choice: b\n');
    expect(readdirSync(home)).toContain('coach.db');
    const saved = onlySession(home);
    expect(saved).toMatchObject({ schemaVersion: 1, id: report.id, status: 'finished' });
    expect((saved.questions[0]!.question as { choices: unknown[] }).choices).toHaveLength(3);
    expect(report.id).toMatch(/^\d{8}-\d{6}-[0-9a-z]{4}$/);
  });
});

describe('usage errors exit 2 and name the problem', () => {
  test.each([
    [[], 'nope: 1\n', /answers\.yaml:1:1  unknown question "nope"/],
    [[], 'sample-choice: b\n  \nnope: 1\n', /answers\.yaml:3:1  unknown question "nope"/],
    [[], '{ sample-choice: b, "nope": 1 }\n', /answers\.yaml:1:21  unknown question "nope"/],
    [['sample'], 'eviction-lru: a\n', /answers\.yaml:1:1  "eviction-lru" is not in this quiz's selection/],
    [[], 'sample-choice: z\n', /answers\.yaml:1:16  sample-choice: "z" is not an option \(a-c or 1-3/],
    [[], 'sample-short: { answer: x, self: { order: met } }\n', /answers\.yaml:1:34  sample-short\.self: marks are missing for race/],
    [[], 'sample-short: { answer: x, self: { order: met, race: met, bogus: met } }\n', /answers\.yaml:1:59  sample-short\.self: unknown criterion "bogus"/],
    [[], 'sample-choice: b\ndesign-url-shortener: {}\n', /answers\.yaml:2:1  design-url-shortener is a design question; run it with coach interview design-url-shortener/],
    [[], 'a: [unclosed\n', /answers\.yaml:\d+:\d+ /],
    [['--type', 'design'], '{}\n', /design questions are mock interviews: coach interview/],
    [['--count', '0'], '{}\n', /--count: expected a whole number >= 1/],
    [['--difficulty', 'extreme'], '{}\n', /--difficulty: expected easy, medium, hard/],
    [['nosuchtopic'], '{}\n', /unknown topic "nosuchtopic"/],
  ])('quiz %j with %j', async (args, answers, message) => {
    const result = await runCoach(['quiz', ...args, '--answers', answersFile(answers)], { env: withFixtures(tempHome()) });
    expect(result.stderr).toMatch(message);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
  });

  test('without a terminal and without --answers it exits at once', async () => {
    const result = await runCoach(['quiz', 'sample'], { env: withFixtures(tempHome()) });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('coach: coach quiz asks questions in a terminal, and this is not one; run it by script with --answers FILE\n');
  });

  test('a typo is reported before the terminal check, with the closest match', async () => {
    for (const [args, message] of [
      [['quiz', 'cachng'], 'coach: unknown topic "cachng"; did you mean caching? (coach topics lists them all)\n'],
      [['interview', 'design-url-shortner'], 'coach: unknown question "design-url-shortner"; did you mean design-url-shortener? (coach questions lists every question id)\n'],
      [['interview', '--topic', 'cachng'], 'coach: unknown topic "cachng"; did you mean caching? (coach topics lists them all)\n'],
      [['review', 'databse'], 'coach: unknown topic "databse"; did you mean databases? (coach topics lists them all)\n'],
    ] as const) {
      const result = await runCoach([...args]);
      expect(result.stderr).toBe(message);
      expect(result.code).toBe(2);
    }
  });

  test('--json without --answers is a usage error', async () => {
    const result = await runCoach(['quiz', '--json']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--json needs a scripted run');
  });

  test('a missing answers file', async () => {
    const result = await runCoach(['quiz', '--answers', 'no-such-file.yaml'], { cwd: tempHome() });
    expect(result).toMatchObject({ code: 2, stderr: 'coach: answers file not found: no-such-file.yaml\n' });
  });
});

describe('history, report and session references', () => {
  test('history lists sessions newest first; report accepts latest, an id or a unique prefix', async () => {
    const home = tempHome();
    const first = await scripted([], 'sample-choice: b\n', home);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const second = await scripted([], 'sample-choice: a\n', home);
    const history = await runCoach(['history', '--json'], { env: withFixtures(home) });
    const { sessions } = JSON.parse(history.stdout) as { sessions: { id: string; score: { percent: number } }[] };
    expect(sessions.map((session) => session.id)).toEqual([second.report.id, first.report.id]);
    expect(sessions.map((session) => session.score.percent)).toEqual([0, 100]);

    const latest = await runCoach(['report', '--json'], { env: withFixtures(home) });
    expect(JSON.parse(latest.stdout).id).toBe(second.report.id);
    const byPrefix = await runCoach(['report', first.report.id.slice(0, 17), '--format', 'json'], { env: withFixtures(home) });
    expect(JSON.parse(byPrefix.stdout).id).toBe(first.report.id);
    const ambiguous = await runCoach(['report', first.report.id.slice(0, 9)], { env: withFixtures(home) });
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.stderr).toContain(`matches 2 sessions: ${first.report.id}, ${second.report.id}`);

    const text = await runCoach(['history'], { env: withFixtures(home) });
    expect(stripAnsi(text.stdout).split('\n')[0]).toMatch(/^SESSION\s+KIND\s+STARTED\s+TOPICS\s+DONE\s+SCORE\s+STATUS$/);
  });

  test('report --output refuses to overwrite unless --force', async () => {
    const { home } = await scripted([], 'sample-choice: b\n');
    const target = join(tempHome(), 'report.json');
    writeFileSync(target, 'keep me');
    const refused = await runCoach(['report', '--json', '--output', target], { env: withFixtures(home) });
    expect(refused.code).toBe(1);
    expect(readFileSync(target, 'utf8')).toBe('keep me');
    const forced = await runCoach(['report', '--json', '--output', target, '--force'], { env: withFixtures(home) });
    expect(forced.code).toBe(0);
    expect(ReportSchema.parse(JSON.parse(readFileSync(target, 'utf8'))).score.percent).toBe(100);
  });

  test('a corrupt or newer first-version session file is reported with its path at the import, skipped and never overwritten', async () => {
    const home = tempHome();
    const sessions = join(home, 'sessions');
    mkdirSync(sessions);
    writeFileSync(join(sessions, '20200101-000000-aaaa.json'), '{"schemaVersion": 1, "id": "trunc');
    writeFileSync(join(sessions, '20200101-000001-bbbb.json'), JSON.stringify({ schemaVersion: 99 }));
    const history = await runCoach(['history', '--json'], { env: withFixtures(home) });
    expect(history.code).toBe(0);
    expect(JSON.parse(history.stdout).sessions).toEqual([]);
    expect(history.stderr).toContain(`${join(sessions, '20200101-000000-aaaa.json')}: not a readable session file`);
    expect(history.stderr).toContain('written by a newer interview-coach (schemaVersion 99');
    expect(readFileSync(join(sessions, '20200101-000000-aaaa.json'), 'utf8')).toBe('{"schemaVersion": 1, "id": "trunc');
    const direct = await runCoach(['report', '20200101-000001'], { env: withFixtures(home) });
    expect(direct.code).toBe(2);
    expect(direct.stderr).toBe('coach: no session matches "20200101-000001" (coach history lists them)\n');
  });
});

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { ReportSchema } from '../../src/report/schema.js';
import { ROOT, runCoach, stripAnsi, tempHome, writeFiles } from '../helpers/cli.js';
import { damageCacheEntries } from '../helpers/llmCache.js';
import { completion, gradeReply, goodReply, isChat, startZooServer, type ZooHandler } from '../zoo/loopback.js';
import partialUsage from '../zoo/servers/partial-usage.js';
import wrongBaseUrl from '../zoo/servers/wrong-base-url.js';

const FIXTURES = join(ROOT, 'test', 'fixtures', 'topics');
const ANSWER = 'Commit the database write first, then delete the cache key; a TTL bounds the stale-set race.';
let server: Awaited<ReturnType<typeof startZooServer>> | undefined;
afterEach(async () => server?.close());

async function start(handler: ZooHandler) {
  server = await startZooServer(handler);
  return server;
}
function env(home: string, baseURL: string, extra: Record<string, string> = {}) {
  return { COACH_HOME: home, COACH_TOPICS: FIXTURES, OPENAI_BASE_URL: baseURL, COACH_MODEL: 'zoo-model', ...extra };
}
function answers(content: string): string {
  return join(writeFiles(join(tempHome(), 'a'), { 'answers.yaml': content }), 'answers.yaml');
}
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)]));
}

describe('servers that used to crash or poison the cache', () => {
  test('partial usage grades, a regrade comes from the cache and adds no usage, and a damaged cache entry is ignored', async () => {
    const zoo = await start(partialUsage.handler);
    const home = tempHome();
    const quiz = await runCoach(['quiz', '--answers', answers(`sample-short: ${ANSWER}\n`), '--json'], { env: env(home, zoo.url) });
    expect(quiz.stderr).toBe('');
    expect(quiz.code).toBe(0);
    const first = ReportSchema.parse(JSON.parse(quiz.stdout));
    expect(first.questions[0]!.grade).toMatchObject({ status: 'graded', earned: 3, usage: { promptTokens: 0, completionTokens: 42 } });
    expect(first.usage).toEqual({ promptTokens: 0, completionTokens: 42 });

    const regrade = await runCoach(['grade', '--llm', '--json'], { env: env(home, zoo.url) });
    expect(regrade.code).toBe(0);
    expect(zoo.chats).toHaveLength(1);
    expect(ReportSchema.parse(JSON.parse(regrade.stdout)).usage).toEqual({ promptTokens: 0, completionTokens: 42 });

    // An entry written by an older version (raw usage, unvalidated) must not crash anything.
    expect(damageCacheEntries(home, { content: 'not json at all', usage: { total_tokens: 42 } })).toBe(1);
    const afterDamage = await runCoach(['grade', '--llm', '--json'], { env: env(home, zoo.url) });
    expect(afterDamage.stderr).toBe('');
    expect(afterDamage.code).toBe(0);
    expect(zoo.chats).toHaveLength(2);
  });
});

describe('a wrong base URL is blamed on the URL, not the model', () => {
  test('no /v1: "not found" naming the URL, the hint, and a regrade with /v1 works', async () => {
    const zoo = await start(wrongBaseUrl.handler);
    const home = tempHome();
    const quiz = await runCoach(['quiz', '--answers', answers(`sample-short: ${ANSWER}\n`), '--json'], { env: env(home, zoo.origin) });
    expect(quiz.code).toBe(1);
    expect(quiz.stderr).toMatch(new RegExp(`^ungraded sample/sample-short: not found: 404 404 page not found \\(the base URL ${zoo.origin.replace(/\./g, '\\.')} does not end in /v1\\) \\(check that the base URL ends in /v1`, 'm'));
    const doctor = await runCoach(['doctor'], { env: env(home, zoo.origin) });
    expect(doctor.code).toBe(1);
    expect(stripAnsi(doctor.stdout)).toMatch(/✖ llm +zoo-model at http:\/\/127\.0\.0\.1:\d+: not found: 404 404 page not found/);
    const fixed = await runCoach(['grade', '--json'], { env: env(home, zoo.url) });
    expect(fixed.code).toBe(0);
    expect(ReportSchema.parse(JSON.parse(fixed.stdout)).questions[0]!.grade).toMatchObject({ status: 'graded', earned: 3 });
  });
});

describe('credentials in the base URL', () => {
  const PASSWORD = 's3cret-pass-9f2';
  const needsBasicAuth: ZooHandler = (request) => {
    if (request.headers.authorization !== `Basic ${Buffer.from(`coach:${PASSWORD}`).toString('base64')}`) return { status: 401, body: { error: { message: 'bad credentials', type: 'auth' } } };
    return isChat(request) ? goodReply(request) : { status: 404, body: '' };
  };

  test('move to an Authorization header; config, doctor, reports and files never show the password', async () => {
    const zoo = await start(needsBasicAuth);
    const home = tempHome();
    const baseURL = zoo.url.replace('http://', `http://coach:${PASSWORD}@`);
    const quiz = await runCoach(['quiz', '--answers', answers(`sample-short: ${ANSWER}\n`), '--json'], { env: env(home, baseURL) });
    expect(quiz.stderr).toBe('');
    expect(quiz.code).toBe(0);
    expect(ReportSchema.parse(JSON.parse(quiz.stdout)).questions[0]!.grade).toMatchObject({ status: 'graded' });
    const config = await runCoach(['config'], { env: env(home, baseURL) });
    expect(stripAnsi(config.stdout)).toContain(`http://coach:***@127.0.0.1:${new URL(zoo.url).port}/v1`);
    const doctor = await runCoach(['doctor', '--json'], { env: env(home, baseURL) });
    expect(doctor.code).toBe(0);
    expect(doctor.stdout).toContain('coach:***@');
    const report = await runCoach(['report', '--format', 'md'], { env: env(home, baseURL) });
    for (const output of [quiz, config, doctor, report]) expect(output.stdout + output.stderr).not.toContain(PASSWORD);
    for (const file of filesUnder(home)) if (statSync(file).size < 5_000_000) expect(readFileSync(file, 'utf8')).not.toContain(PASSWORD);
  });

  test('coach config set refuses to write them to config.yaml', async () => {
    const home = tempHome();
    const set = await runCoach(['config', 'set', 'llm.baseURL', `http://coach:${PASSWORD}@127.0.0.1:9/v1`], { env: { COACH_HOME: home } });
    expect(set.code).toBe(2);
    expect(set.stderr).toMatch(/carries credentials \(http:\/\/coach:\*\*\*@127\.0\.0\.1:9\/v1\).*OPENAI_BASE_URL/);
    expect(set.stderr).not.toContain(PASSWORD);
    expect(readdirSync(home)).not.toContain('config.yaml');
  });
});

describe('pending and ungraded are counted apart, everywhere, with the command that grades them', () => {
  test('after a failed grade: report JSON, report text, history', async () => {
    const failing: ZooHandler = () => ({ status: 429, body: { error: { message: 'You exceeded your current quota, please check your plan and billing details.', type: 'insufficient_quota', code: 'insufficient_quota' } } });
    const zoo = await start(failing);
    const home = tempHome();
    const file = answers(`sample-short: ${ANSWER}\nsample-choice: b\n`);
    const quiz = await runCoach(['quiz', '--answers', file, '--json'], { env: env(home, zoo.url) });
    expect(quiz.code).toBe(1);
    expect(zoo.chats).toHaveLength(1);
    const report = ReportSchema.parse(JSON.parse(quiz.stdout));
    expect(report).toMatchObject({ pending: 0, ungraded: 1, schemaVersion: 3 });
    expect(report.questions[0]!.grade.reason).toMatch(/^quota: 429 You exceeded your current quota/);
    const text = stripAnsi((await runCoach(['report'], { env: env(home, zoo.url) })).stdout);
    expect(text).toContain(`1 ungraded (grading failed): coach grade ${report.id}`);
    const history = stripAnsi((await runCoach(['history'], { env: env(home, zoo.url) })).stdout);
    expect(history).toMatch(/finished \(1 ungraded\)/);
    expect(history).toContain(`coach grade ${report.id}`);
    const historyJson = JSON.parse((await runCoach(['history', '--json'], { env: env(home, zoo.url) })).stdout);
    expect(historyJson.sessions[0]).toMatchObject({ pending: 0, ungraded: 1 });

    const selfOnly = await runCoach(['quiz', '--answers', file, '--grader', 'self', '--json'], { env: env(home, zoo.url) });
    expect(ReportSchema.parse(JSON.parse(selfOnly.stdout))).toMatchObject({ pending: 1, ungraded: 0 });
    expect(stripAnsi((await runCoach(['history'], { env: env(home, zoo.url) })).stdout)).toMatch(/finished \(1 to grade\)/);
  });
});

describe('a model that writes the grade after a <think> block, through the CLI', () => {
  test('graded on the first request', async () => {
    const zoo = await start((request) => (isChat(request) ? { status: 200, body: completion({ content: `<think>hmm</think>${gradeReply(request.body)}` }) } : { status: 404, body: '' }));
    const quiz = await runCoach(['quiz', '--answers', answers(`sample-short: ${ANSWER}\n`), '--json'], { env: env(tempHome(), zoo.url) });
    expect(quiz.code).toBe(0);
    expect(zoo.chats).toHaveLength(1);
  });
});

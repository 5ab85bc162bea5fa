import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { ReportSchema } from '../../src/report/schema.js';
import { ROOT, runCoach, tempHome, writeFiles } from '../helpers/cli.js';
import { behaviours, gradeReply, startLlmServer, type LlmServer } from '../helpers/llmServer.js';
import { KEYS, spawnCoach } from '../helpers/pty.js';
import { onlySession } from '../helpers/store.js';

const FIXTURES = join(ROOT, 'test', 'fixtures', 'topics');
const SECRET_KEY = 'sk-test-do-not-leak-4f1c9a';
let server: LlmServer;

beforeEach(async () => {
  server = await startLlmServer();
});
afterEach(async () => server.close());

function env(home: string, extra: Record<string, string> = {}) {
  return { COACH_HOME: home, COACH_TOPICS: FIXTURES, OPENAI_BASE_URL: server.url, OPENAI_API_KEY: SECRET_KEY, COACH_MODEL: 'test-model', ...extra };
}

function answers(content: string): string {
  return join(writeFiles(join(tempHome(), 'a'), { 'answers.yaml': content }), 'answers.yaml');
}

const SHORT = 'sample-short: Commit the database write first, then delete the cache key; a TTL bounds the stale-set race.\nsample-choice: b\n';

function allFilesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? allFilesUnder(join(dir, entry.name)) : [join(dir, entry.name)]));
}

describe('LLM grading from the command line', () => {
  test('a scripted quiz is graded by the configured model; a regrade with nothing changed sends no request', async () => {
    const home = tempHome();
    server.setBehaviour(behaviours.grade((id) => (id === 'order' ? 2 : 0)));
    const quiz = await runCoach(['quiz', '--answers', answers(SHORT), '--json'], { env: env(home) });
    expect(quiz.stderr).toBe('');
    expect(quiz.code).toBe(0);
    const report = ReportSchema.parse(JSON.parse(quiz.stdout));
    expect(report.questions[0]!.grade).toMatchObject({ by: 'test-model', status: 'graded', earned: 2, possible: 3 });
    expect(report.questions[0]!.grade.criteria[0]).toMatchObject({ id: 'order', mark: 'met', justification: 'checked order', evidence: 'quoted words' });
    expect(report.questions[0]!.grade.usage!.promptTokens).toBeGreaterThan(0);
    expect(server.requests).toHaveLength(1);

    const regrade = await runCoach(['grade', '--llm', '--json'], { env: env(home) });
    expect(regrade.code).toBe(0);
    expect(server.requests).toHaveLength(1);
    const again = ReportSchema.parse(JSON.parse(regrade.stdout));
    expect(again.questions[0]!.grades.filter((grade) => grade.by === 'test-model')).toHaveLength(2);

    for (const file of allFilesUnder(home)) expect(readFileSync(file, 'utf8')).not.toContain(SECRET_KEY);
    expect(quiz.stdout + regrade.stdout + regrade.stderr).not.toContain(SECRET_KEY);
  });

  test('a failing model leaves the session saved, says why in one line, exits 1; a later grade --llm completes it', async () => {
    const home = tempHome();
    server.setBehaviour(behaviours.fail(503, `overloaded, key ${SECRET_KEY} rejected`));
    const quiz = await runCoach(['quiz', '--answers', answers(SHORT), '--json'], { env: env(home) });
    expect(quiz.code).toBe(1);
    const report = ReportSchema.parse(JSON.parse(quiz.stdout));
    expect(report.questions[0]!.grade).toMatchObject({ status: 'ungraded', by: null });
    expect(report.questions[0]!.grade.reason).toMatch(/^server error: 503 overloaded, key \[redacted\] rejected \(after 3 attempts\)/);
    expect(report.score).toEqual({ earned: 1, possible: 1, percent: 100 });
    expect(quiz.stderr).toMatch(/^ungraded sample\/sample-short: server error: 503 /m);
    expect(quiz.stderr).toContain('--self');
    expect(quiz.stderr + quiz.stdout).not.toContain(SECRET_KEY);
    for (const file of allFilesUnder(home)) expect(readFileSync(file, 'utf8')).not.toContain(SECRET_KEY);

    server.setBehaviour(behaviours.grade());
    const later = await runCoach(['grade', '--json'], { env: env(home) });
    expect(later.code).toBe(0);
    expect(ReportSchema.parse(JSON.parse(later.stdout)).questions[0]!.grade).toMatchObject({ status: 'graded', earned: 3 });
  });

  test('--grader self keeps the model out; --grader llm without a model is an error', async () => {
    const self = await runCoach(['quiz', '--answers', answers(SHORT), '--grader', 'self', '--json'], { env: env(tempHome()) });
    expect(self.code).toBe(0);
    expect(server.requests).toHaveLength(0);
    const none = await runCoach(['quiz', '--answers', answers(SHORT), '--grader', 'llm'], { env: { COACH_HOME: tempHome(), COACH_TOPICS: FIXTURES } });
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/no LLM is configured: set OPENAI_API_KEY/);
  });

  test('a scripted interview has its answered phases graded by the model, phase by phase', async () => {
    const file = answers('sample-design:\n  requirements: { answer: "Ask QPS and the read/write ratio first.", seconds: 50 }\n  components: { answer: "API tier, KV store and a cache.", seconds: 100 }\n');
    const result = await runCoach(['interview', 'sample-design', '--answers', file, '--json'], { env: env(tempHome()) });
    expect(result.code).toBe(0);
    const phases = ReportSchema.parse(JSON.parse(result.stdout)).questions[0]!.phases!;
    expect(phases.map((phase) => [phase.id, phase.grade.by, phase.grade.earned])).toEqual([
      ['requirements', 'test-model', 2],
      ['components', 'test-model', 3],
      ['ops', 'auto', 0],
    ]);
    expect(server.requests).toHaveLength(2);
  });

  test('grade --concurrency bounds requests in flight', async () => {
    const home = tempHome();
    const many = writeFiles(join(tempHome(), 't'), {
      'many.yaml': `id: many\ntitle: Many\nquestions:\n${Array.from({ length: 8 }, (_, index) => `  - id: m${index}\n    type: short\n    prompt: Q${index}?\n    rubric: [{ id: a, points: 2, criterion: Says a. }]\n`).join('')}`,
    });
    const file = answers(Array.from({ length: 8 }, (_, index) => `m${index}: an answer with enough words ${index}`).join('\n'));
    await runCoach(['quiz', '--answers', file, '--grader', 'self'], { env: env(home, { COACH_TOPICS: many }) });
    server.setLatency(150);
    const graded = await runCoach(['grade', '--llm', '--concurrency', '2', '--json'], { env: env(home, { COACH_TOPICS: many }) });
    expect(graded.code).toBe(0);
    expect(server.requests).toHaveLength(8);
    expect(server.inFlightMax).toBe(2);
  });
});

describe('LLM grading in the terminal', () => {
  test('a short answer is graded by the model after the model answer is shown', async () => {
    const term = spawnCoach(['quiz', 'sample', '--seed', '5', '--type', 'short'], env(tempHome()));
    await term.waitFor('Question 1/1');
    term.write('Commit the database write first, then delete the key.');
    term.write(KEYS.ctrlD);
    await term.waitFor('Model answer');
    await term.waitFor('Graded by test-model: 3 / 3');
    expect(term.screen()).toContain('checked order');
    await term.waitFor('Verdict:');
    expect(await term.exit).toMatchObject({ exitCode: 0 });
  });

  test('the interviewer follow-up is written by the model from the answer', async () => {
    server.setBehaviour((body, index) =>
      body.messages[0]!.content.includes('running a system-design interview')
        ? { status: 200, content: JSON.stringify({ criterion: 'scale', question: 'You said QPS; what peak-to-average ratio do you assume?' }) }
        : { status: 200, content: gradeReply(body) },
    );
    const term = spawnCoach(['interview', 'sample-design', '--minutes', '4'], env(tempHome()));
    await term.waitFor('Press Enter to start the clock');
    term.write(KEYS.enter);
    await term.waitFor('Phase 1/3');
    term.write('Ask QPS and the read/write ratio first.');
    term.write(KEYS.ctrlD);
    await term.waitFor('Follow-up: You said QPS; what peak-to-average ratio do you assume?');
    const followUpRequest = server.requests.find((body) => body.messages[0]!.content.includes('running a system-design interview'))!;
    expect(followUpRequest.messages[1]!.content).toContain(JSON.stringify('Ask QPS and the read/write ratio first.'));
    term.write(KEYS.ctrlC);
    expect(await term.exit).toMatchObject({ exitCode: 130 });
  });
});

describe('a follow-up the model cannot write', () => {
  test("says why in one dim line and asks the scenario's own follow-up", async () => {
    server.setBehaviour((body) =>
      body.messages[0]!.content.includes('running a system-design interview')
        ? { status: 404, json: { error: { message: 'model "test-model" not found, try pulling it first', type: 'api_error' } } }
        : { status: 200, content: gradeReply(body) },
    );
    const term = spawnCoach(['interview', 'sample-design', '--minutes', '4'], env(tempHome()));
    await term.waitFor('Press Enter to start the clock');
    term.write(KEYS.enter);
    await term.waitFor('Phase 1/3');
    term.write('Ask QPS and the read/write ratio first.');
    term.write(KEYS.ctrlD);
    await term.waitFor('Follow-up: Do links ever expire?');
    expect(term.screen()).toMatch(/The model's follow-up was not used \(not found: 404 model "test-model" not found/);
    term.write(KEYS.ctrlC);
    expect(await term.exit).toMatchObject({ exitCode: 130 });
  });
});

describe('every failure mode: what the user sees, the grade status, and the answer kept', () => {
  const ANSWER = 'Commit the database write first, then delete the cache key; a TTL bounds the stale-set race.';
  const cases: [string, () => ReturnType<typeof behaviours.grade>, number, string, RegExp | null, number][] = [
    ['answers correctly', () => behaviours.grade(), 0, 'graded', null, 1],
    ['returns earned above the points, twice', () => behaviours.grade((_id, max) => max + 1), 1, 'ungraded', /^ungraded sample\/sample-short: invalid output: the reply was invalid twice \(criteria\.\w+\.earned: Too big/m, 2],
    ['returns 429, then succeeds', () => behaviours.rateLimitedThen(1), 0, 'graded', null, 2],
    ['returns 500 forever', () => behaviours.fail(500), 1, 'ungraded', /^ungraded sample\/sample-short: server error: 500 upstream exploded \(after 3 attempts\)/m, 3],
    ['rejects json_schema with 400', () => behaviours.rejectJsonSchema(), 0, 'graded', null, 2],
    ['returns malformed JSON', () => behaviours.badJson(), 1, 'ungraded', /^ungraded sample\/sample-short: invalid output: .*no JSON object found/m, 2],
    ['stops at finish_reason "length"', () => behaviours.truncated(), 1, 'ungraded', /^ungraded sample\/sample-short: truncated: the reply stopped at the token limit/m, 1],
  ];

  test.each(cases)('the server %s', async (_name, behaviour, code, status, message, requests) => {
    server.setBehaviour(behaviour());
    const home = tempHome();
    const result = await runCoach(['quiz', '--answers', answers(`sample-short: ${ANSWER}\n`), '--json'], { env: env(home) });
    expect(result.code).toBe(code);
    const report = ReportSchema.parse(JSON.parse(result.stdout));
    expect(report.questions[0]!.grade.status).toBe(status);
    if (message) {
      expect(result.stderr).toMatch(message);
      expect(result.stderr.split('\n').filter((line) => line.startsWith('ungraded '))).toHaveLength(1);
      expect(result.stderr).toContain('coach grade');
    } else {
      expect(result.stderr).toBe('');
    }
    expect(server.requests).toHaveLength(requests);
    const saved = onlySession(home);
    expect(saved.questions[0]!.answer?.text).toBe(ANSWER);
  });

  test('the server hangs past the timeout', async () => {
    server.setLatency(5000);
    const home = tempHome();
    await runCoach(['config', 'set', 'llm.timeoutSeconds', '0.3'], { env: { COACH_HOME: home } });
    const result = await runCoach(['quiz', '--answers', answers(`sample-short: ${ANSWER}\n`), '--json'], { env: env(home) });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^ungraded sample\/sample-short: timeout: no complete reply within 0.3 s \(1 request sent\) \(no complete reply within llm.timeoutSeconds/m);
    const report = ReportSchema.parse(JSON.parse(result.stdout));
    expect(report.questions[0]!.grade).toMatchObject({ status: 'ungraded' });
    expect(onlySession(home).questions[0]!.answer?.text).toBe(ANSWER);
  }, 30_000);

  test('token usage is recorded per grade and totalled per session', async () => {
    const result = await runCoach(['quiz', '--answers', answers(`${SHORT}`), '--json'], { env: env(tempHome()) });
    const report = ReportSchema.parse(JSON.parse(result.stdout));
    const perGrade = report.questions.flatMap((question) => question.grades).filter((grade) => grade.usage).map((grade) => grade.usage!.promptTokens);
    expect(perGrade.length).toBe(1);
    expect(report.usage!.promptTokens).toBe(perGrade[0]);
  });
});

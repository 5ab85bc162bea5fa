import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { stringify } from 'yaml';
import { ReportSchema } from '../../src/report/schema.js';
import { ROOT, runCoach, tempHome, writeFiles } from '../helpers/cli.js';

/**
 * @dwmkerr/mock-llm, unmodified, run as its own process: a server nobody here
 * wrote, configured only through its documented YAML rules (JMESPath matches).
 */
const MOCK_MAIN = join(ROOT, 'node_modules', '@dwmkerr', 'mock-llm', 'dist', 'main.js');
const FIXTURES = join(ROOT, 'test', 'fixtures', 'topics');
const ANSWER = 'Commit the database write first, then delete the cache key; error-401 is not in this answer.';
let child: ChildProcess | undefined;
afterEach(() => {
  child?.kill();
  child = undefined;
});

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

async function startMockLlm(rules: unknown[] | null): Promise<string> {
  const dir = writeFiles(join(tempHome(), 'mock'), rules ? { 'mock-llm.yaml': stringify({ rules }) } : {});
  const port = await freePort();
  child = spawn(process.execPath, [MOCK_MAIN, ...(rules ? ['--config', join(dir, 'mock-llm.yaml')] : [])], { cwd: dir, env: { PATH: process.env.PATH, PORT: String(port), HOST: '127.0.0.1' }, stdio: 'ignore' });
  const origin = `http://127.0.0.1:${port}`;
  for (let tries = 0; tries < 100; tries += 1) {
    const ready = await fetch(`${origin}/health`).then((response) => response.ok).catch(() => false);
    if (ready) return `${origin}/v1`;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('mock-llm did not start');
}

const chatRule = (match: string, content: string) => ({
  path: '/v1/chat/completions',
  method: 'POST',
  match,
  response: { status: 200, content: JSON.stringify({ id: 'chatcmpl-mock', object: 'chat.completion', model: 'mock', choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }] }) },
});

function quiz(baseURL: string, home = tempHome()) {
  const file = join(writeFiles(join(tempHome(), 'a'), { 'answers.yaml': `sample-short: ${ANSWER}\n` }), 'answers.yaml');
  return runCoach(['quiz', '--answers', file, '--json'], { env: { COACH_HOME: home, COACH_TOPICS: FIXTURES, OPENAI_BASE_URL: baseURL, COACH_MODEL: 'mock' } });
}

describe('@dwmkerr/mock-llm as a real server', () => {
  test('a rule that answers with a grade (no usage at all): graded by the CLI', async () => {
    const grade = { criteria: { order: { justification: 'Writes first, then deletes.', evidence: 'Commit the database write first', earned: 2 }, race: { justification: 'No race named.', evidence: '', earned: 0 } }, strengths: ['order'], improvements: ['name the race'], feedback: 'Good order.', instructionInAnswer: false };
    const url = await startMockLlm([chatRule("contains(body.messages[-1].content, 'stale-set race')", `Here you go:\n\`\`\`json\n${JSON.stringify(grade)}\n\`\`\``)]);
    const result = await quiz(url);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const report = ReportSchema.parse(JSON.parse(result.stdout));
    expect(report.questions[0]!.grade).toMatchObject({ status: 'graded', by: 'mock', earned: 2, possible: 3, usage: { promptTokens: 0, completionTokens: 0 } });
  }, 30_000);

  test('its default echo rule (it pastes our multi-line prompt into a JSON template and fails with a 500): server error after retries, no crash', async () => {
    const url = await startMockLlm(null);
    const result = await quiz(url);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^ungraded sample\/sample-short: server error: 500 .*\(after 3 attempts\) \(the server failed/m);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(ReportSchema.parse(JSON.parse(result.stdout))).toMatchObject({ ungraded: 1, pending: 0 });
  }, 30_000);

  test("its README's realistic 401 rule: auth, with the hint", async () => {
    const url = await startMockLlm([
      {
        path: '/v1/chat/completions',
        match: "contains(body.messages[-1].content, 'error-401')",
        response: { status: 401, content: JSON.stringify({ error: { message: 'Incorrect API key provided.', type: 'invalid_request_error', param: null, code: 'invalid_api_key' } }) },
      },
    ]);
    const result = await quiz(url);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^ungraded sample\/sample-short: auth: 401 Incorrect API key provided\. \(check OPENAI_API_KEY/m);
  }, 30_000);
});

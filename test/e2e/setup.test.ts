import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { runCoach, tempHome } from '../helpers/cli.js';
import { behaviours, startLlmServer } from '../helpers/llmServer.js';

let server: Awaited<ReturnType<typeof startLlmServer>>;
beforeEach(async () => {
  server = await startLlmServer();
});
afterEach(async () => server.close());

describe('coach config', () => {
  test('shows every setting with its source; flag > environment > file > default', async () => {
    const home = tempHome();
    const set = await runCoach(['config', 'set', 'llm.model', 'llama3.1'], { env: { COACH_HOME: home } });
    expect(set).toMatchObject({ code: 0, stderr: `Set llm.model = llama3.1 in ${join(home, 'config.yaml')}\n` });
    expect(readFileSync(join(home, 'config.yaml'), 'utf8')).toBe('llm:\n  model: llama3.1\n');

    const fromFile = JSON.parse((await runCoach(['config', '--json'], { env: { COACH_HOME: home } })).stdout);
    expect(fromFile.settings.find((row: { key: string }) => row.key === 'llm.model')).toMatchObject({ value: 'llama3.1', source: 'config file' });
    expect(fromFile.llmConfigured).toBe(false);

    const fromEnv = JSON.parse((await runCoach(['config', '--json'], { env: { COACH_HOME: home, COACH_MODEL: 'qwen2.5', OPENAI_API_KEY: 'sk-secret-value' } })).stdout);
    expect(fromEnv.settings.find((row: { key: string }) => row.key === 'llm.model')).toMatchObject({ value: 'qwen2.5', source: 'environment' });
    expect(fromEnv.settings.find((row: { key: string }) => row.key === 'API key')).toMatchObject({ value: 'set (hidden)' });
    expect(JSON.stringify(fromEnv)).not.toContain('sk-secret-value');
    expect(fromEnv.llmConfigured).toBe(true);

    await runCoach(['config', 'unset', 'model'], { env: { COACH_HOME: home } });
    const after = JSON.parse((await runCoach(['config', '--json'], { env: { COACH_HOME: home } })).stdout);
    expect(after.settings.find((row: { key: string }) => row.key === 'llm.model')).toMatchObject({ value: 'gpt-4o-mini', source: 'default' });
  });

  test.each([
    [['config', 'set', 'llm.apiKey', 'sk-x'], /the API key is never written by interview-coach/],
    [['config', 'set', 'llm.concurrency', 'many'], /coach config set llm.concurrency: .*got "many"/],
    [['config', 'set', 'llm.baseURL', 'not a url'], /coach config set llm.baseURL/],
    [['config', 'set', 'colour', 'blue'], /unknown setting "colour"/],
    [['config', 'frobnicate'], /expected show, set or unset/],
  ])('%j is a usage error', async (args, message) => {
    const result = await runCoach(args as string[], { env: { COACH_HOME: tempHome() } });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });

  test('a broken config.yaml is an error with its path, not a warning', async () => {
    const home = tempHome();
    await runCoach(['config', 'set', 'llm.model', 'x'], { env: { COACH_HOME: home } });
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(home, 'config.yaml'), 'llm:\n  modle: x\n');
    const result = await runCoach(['config'], { env: { COACH_HOME: home } });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`coach: ${join(home, 'config.yaml')}:2:3  llm: unknown setting modle\n`);
  });
});

describe('coach doctor', () => {
  test('without a model: topics, data folder and config checked, the LLM skipped; exit 0', async () => {
    const result = await runCoach(['doctor', '--json'], { env: { COACH_HOME: tempHome() } });
    expect(result.code).toBe(0);
    const { checks } = JSON.parse(result.stdout) as { checks: { name: string; status: string; detail: string }[] };
    expect(checks.map((check) => [check.name, check.status])).toEqual([['topics', 'ok'], ['data', 'ok'], ['database', 'ok'], ['config', 'ok'], ['llm', 'skipped']]);
    expect(checks[0]!.detail).toMatch(/^13 topics, \d+ questions$/);
  });

  test('with a server that only takes json_object: reachable, and says which rung works', async () => {
    server.setBehaviour(behaviours.rejectJsonSchema());
    const result = await runCoach(['doctor'], { env: { COACH_HOME: tempHome(), OPENAI_BASE_URL: server.url, COACH_MODEL: 'local-model' } });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`✔ llm +local-model at ${server.url.replace(/[.]/g, '\\.')} answered in \\d+ ms \\(2 requests\\) using json_object`));
  });

  test('an unreachable model fails the check with the reason, exit 1', async () => {
    server.setBehaviour(behaviours.fail(401, 'invalid api key'));
    const result = await runCoach(['doctor'], { env: { COACH_HOME: tempHome(), OPENAI_BASE_URL: server.url, OPENAI_API_KEY: 'sk-bad' } });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/✖ llm +gpt-4o-mini at .*: auth: 401 .*\(check OPENAI_API_KEY/);
  });
});

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { resolveLlmSettings } from '../../../src/config/settings.js';
import { ResponseCache } from '../../../src/grading/llm/cache.js';
import { CapabilityMemory } from '../../../src/grading/llm/capabilities.js';
import { modelFollowUp, type FollowUpInput } from '../../../src/grading/llm/followUp.js';
import type { LadderDeps } from '../../../src/grading/llm/ladder.js';
import { openaiTransport } from '../../../src/grading/llm/openaiTransport.js';
import { loadTemplate } from '../../../src/grading/llm/templates.js';
import { ROOT } from '../../helpers/cli.js';
import { completion, startZooServer, type ZooHandler } from '../../zoo/loopback.js';

const template = loadTemplate(join(ROOT, 'prompts'), 'followup');
const INPUT: FollowUpInput = { scenario: 'Design a URL shortener.', phaseTitle: 'Requirements', phasePrompt: 'What do you ask first?', rubric: [{ id: 'qps', points: 2, criterion: 'Asks for QPS.' }], answer: 'I would ask for QPS and the read/write ratio.' };
const QUESTION = 'What peak-to-average ratio do you assume?';
let server: Awaited<ReturnType<typeof startZooServer>> | undefined;
afterEach(async () => server?.close());

async function deps(handler: ZooHandler, dataDir = mkdtempSync(join(tmpdir(), 'follow-'))): Promise<LadderDeps> {
  server = await startZooServer(handler);
  const settings = resolveLlmSettings({ OPENAI_BASE_URL: server.url, COACH_MODEL: 'zoo-model' }, { llm: { timeoutSeconds: 5 } });
  return { transport: await openaiTransport(settings), cache: new ResponseCache(dataDir), capabilities: new CapabilityMemory(dataDir), timeoutMs: settings.timeoutMs };
}

describe('model-written follow-ups use the same ladder as grades', () => {
  test('LM Studio (rejects json_object): asked with json_schema, answered in one request', async () => {
    const ladder = await deps((request) =>
      request.body.response_format?.type === 'json_object' ? { status: 400, body: { error: "'response_format.type' must be 'json_schema' or 'text'" } } : { status: 200, body: completion({ content: JSON.stringify({ criterion: 'qps', question: QUESTION }) }) },
    );
    expect(await modelFollowUp(ladder, template, 'secret', INPUT)).toEqual({ ok: true, criterion: 'qps', question: QUESTION });
    expect(server!.chats.map((request) => request.body.response_format?.json_schema?.name)).toEqual(['follow_up']);
  });

  test('a server that takes no response_format: down to plain text, the question read from prose', async () => {
    const ladder = await deps((request) => (request.body.response_format ? { status: 400, body: { object: 'error', message: 'response_format is not supported', type: 'BadRequestError', code: 400 } } : { status: 200, body: completion({ content: `<think>ok</think>Sure: {"criterion": "qps", "question": "${QUESTION}"}` }) }));
    expect(await modelFollowUp(ladder, template, 'secret', INPUT)).toEqual({ ok: true, criterion: 'qps', question: QUESTION });
    expect(server!.chats.map((request) => request.body.response_format?.type ?? 'text')).toEqual(['json_schema', 'json_object', 'text']);
  });

  test('a failure says why, in the shared categories, so the interview can say it uses the scenario follow-up', async () => {
    const ladder = await deps(() => ({ status: 404, body: { error: { message: 'model "zoo-model" not found, try pulling it first', type: 'api_error' } } }));
    const outcome = await modelFollowUp(ladder, template, 'secret', INPUT);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.reason).toMatch(/^not found: 404 model "zoo-model" not found/);
  });
});

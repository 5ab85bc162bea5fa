import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { maskCredentials, resolveLlmSettings, splitCredentials } from '../../src/config/settings.js';
import { ResponseCache } from '../../src/grading/llm/cache.js';
import { CapabilityMemory } from '../../src/grading/llm/capabilities.js';
import { categoryOf } from '../../src/grading/llm/failures.js';
import { LlmGrader } from '../../src/grading/llm/grader.js';
import { openaiTransport } from '../../src/grading/llm/openaiTransport.js';
import { loadTemplate } from '../../src/grading/llm/templates.js';
import { ROOT } from '../helpers/cli.js';
import { completion, startZooServer, type ZooReply } from './loopback.js';

const template = loadTemplate(join(ROOT, 'prompts'), 'grader');
const INPUT = { question: 'What does a write do under cache-aside?', rubric: [{ id: 'order', points: 3, criterion: 'DB first, then delete the key.' }], modelAnswer: 'Write the DB, then delete.', answer: 'Write the database first and then delete the cache key.' };
let server: Awaited<ReturnType<typeof startZooServer>>;
let next: ZooReply = { status: 200, body: '' };
beforeAll(async () => {
  server = await startZooServer(() => next);
});
afterAll(async () => server.close());

const bodies = fc.oneof(
  fc.json(),
  fc.string(),
  fc.dictionary(fc.string(), fc.jsonValue()).map((criteria) => JSON.stringify(completion({ content: JSON.stringify({ criteria, strengths: [], improvements: [], feedback: '\u001b[2J', instructionInAnswer: false }) }))),
  fc.constantFrom('', 'null', '<html><title>x</title></html>', 'data: {"choices":[]}\n\n', '{"error":', '[]', '[{"error":null}]', '{"detail":[1,{"msg":3}]}'),
  fc.record({ content: fc.oneof(fc.string(), fc.json(), fc.constant(null)), usage: fc.anything(), finish: fc.constantFrom('stop', 'length', null, 7) }).map(({ content, usage, finish }) => JSON.stringify({ ...completion({ content }), usage, choices: [{ message: { content }, finish_reason: finish }] })),
);

describe('nothing a server sends can crash a grade', () => {
  test('any status, any body, any content-type: graded, or ungraded with a known category', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(200, 201, 400, 401, 404, 409, 422, 429, 500, 503), bodies, fc.constantFrom('application/json', 'text/html', 'text/event-stream', 'text/plain'), async (status, body, type) => {
        next = { status, body, headers: { 'content-type': type, 'retry-after-ms': '1' } };
        const dataDir = mkdtempSync(join(tmpdir(), 'any-'));
        const settings = resolveLlmSettings({ OPENAI_BASE_URL: server.url, COACH_MODEL: 'any' }, { llm: { timeoutSeconds: 5 } });
        const grader = new LlmGrader({ transport: await openaiTransport(settings), cache: new ResponseCache(join(dataDir, 'cache')), capabilities: new CapabilityMemory(join(dataDir, 'caps.json')), template, secret: 's', clock: { now: () => 0 }, timeoutMs: settings.timeoutMs });
        const grade = await grader.grade(INPUT);
        if (grade.status === 'ungraded') expect(categoryOf(grade.reason), grade.reason ?? '').toBeDefined();
        else expect(grade.earned).toBeLessThanOrEqual(3);
        expect(grade.reason ?? '').not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
        expect(Number.isFinite(grade.usage!.promptTokens) && Number.isFinite(grade.usage!.completionTokens)).toBe(true);
      }),
      { numRuns: 60 },
    );
  }, 60_000);
});

describe('credentials in a base URL', () => {
  test.each([
    ['http://user:pw@host:8/v1', 'http://user:***@host:8/v1', 'http://host:8/v1', 'Basic dXNlcjpwdw=='],
    ['http://token@host/v1', 'http://***@host/v1', 'http://host/v1', 'Basic dG9rZW46'],
    ['https://u:p%40ss@h/v1/', 'https://u:***@h/v1/', 'https://h/v1/', `Basic ${Buffer.from('u:p@ss').toString('base64')}`],
    ['http://127.0.0.1:11434/v1', 'http://127.0.0.1:11434/v1', 'http://127.0.0.1:11434/v1', undefined],
  ])('%s', (raw, shown, sent, authorization) => {
    expect(maskCredentials(raw)).toBe(shown);
    expect(splitCredentials(raw, 'OPENAI_BASE_URL')).toMatchObject({ displayBaseURL: shown, baseURL: sent, authorization });
  });

  test('a URL that is not http(s) is one clear error that does not print the password', () => {
    expect(() => splitCredentials('ftp://me:hunter22@host', 'OPENAI_BASE_URL')).toThrow('OPENAI_BASE_URL: expected an http:// or https:// URL, got ftp://me:***@host');
    expect(() => splitCredentials('not a url', 'OPENAI_BASE_URL')).toThrow('OPENAI_BASE_URL: not a valid URL');
  });
});

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { resolveLlmSettings } from '../../../src/config/settings.js';
import { ResponseCache } from '../../../src/grading/llm/cache.js';
import { CapabilityMemory } from '../../../src/grading/llm/capabilities.js';
import { modelClarification } from '../../../src/grading/llm/clarify.js';
import { modelFollowUp } from '../../../src/grading/llm/followUp.js';
import { openaiTransport } from '../../../src/grading/llm/openaiTransport.js';
import { loadTemplate } from '../../../src/grading/llm/templates.js';
import { YOUR_CALL } from '../../../src/interview/clarify.js';
import { Interviewer, phaseFacts, type InterviewerModel } from '../../../src/interview/interviewer.js';
import type { DesignQuestion } from '../../../src/topics/model.js';
import { ROOT } from '../../helpers/cli.js';
import { completion, startZooServer, type ZooHandler } from '../../zoo/loopback.js';

const QUESTION: DesignQuestion = {
  id: 'talk-design',
  type: 'design',
  difficulty: 'medium',
  minutes: 2,
  prompt: 'Design a paste bin. SCENARIO-SECRET',
  modelAnswer: 'MODEL-ANSWER-SECRET',
  facts: ['About 10 million new pastes per day.', 'Reads outnumber writes 10 to 1.'],
  phases: [
    {
      id: 'requirements',
      title: 'Clarify requirements',
      minutes: 2,
      prompt: 'What do you ask first? PHASE-SECRET',
      facts: ['Pastes expire after 30 days.'],
      rubric: [
        { id: 'scale', points: 2, criterion: 'Asks for the write rate. RUBRIC-SECRET' },
        { id: 'expiry', points: 1, criterion: 'Asks whether pastes expire.' },
      ],
      modelAnswer: 'PHASE-MODEL-SECRET',
      followUps: [{ question: 'How long do pastes live?', probes: 'expiry' }, 'What would you leave out?'],
    },
  ],
};
const PHASE = QUESTION.phases[0]!;
const FACTS = phaseFacts(QUESTION, PHASE);

let server: Awaited<ReturnType<typeof startZooServer>> | undefined;
afterEach(async () => server?.close());

/** The interviewer with a real openai transport against a loopback server. */
async function interviewer(handler: ZooHandler, timeoutSeconds = 5) {
  server = await startZooServer(handler);
  const dataDir = mkdtempSync(join(tmpdir(), 'interviewer-'));
  const settings = resolveLlmSettings({ OPENAI_BASE_URL: server.url, COACH_MODEL: 'zoo-model' }, { llm: { timeoutSeconds } });
  const deps = { transport: await openaiTransport(settings), cache: new ResponseCache(join(dataDir, 'cache')), capabilities: new CapabilityMemory(join(dataDir, 'caps.json')), timeoutMs: settings.timeoutMs };
  const prompts = join(ROOT, 'prompts');
  const model: InterviewerModel = {
    model: 'zoo-model',
    clarify: (input) => modelClarification(deps, loadTemplate(prompts, 'clarify'), 'secret', input),
    probe: (input) => modelFollowUp(deps, loadTemplate(prompts, 'followup'), 'secret', input),
  };
  const notices: string[] = [];
  return { interviewer: new Interviewer({ model, now: () => Date.UTC(2026, 10, 30, 6), notice: (line) => notices.push(line) }), notices };
}

const reply = (value: object) => ({ status: 200, body: completion({ content: JSON.stringify(value) }) });
const isClarify = (body: { messages: { content: string }[] }) => body.messages[0]!.content.includes('The candidate asks you a clarifying question');

describe('follow-ups from a model', () => {
  test('name a valid criterion id: the question is asked with that criterion, by the model; the schema offers only rubric ids', async () => {
    const { interviewer: ask, notices } = await interviewer(() => reply({ criterion: 'expiry', question: 'What happens to a paste after a month?' }));
    const turn = await ask.probe({ question: QUESTION, phase: PHASE, transcript: 'I ask about scale.', asked: [] });
    expect(turn).toMatchObject({ kind: 'follow-up', question: 'What happens to a paste after a month?', answer: null, criterion: 'expiry', by: 'zoo-model' });
    expect(notices).toEqual([]);
    expect(server!.chats[0]!.body.response_format.json_schema.schema.properties.criterion.enum).toEqual(['scale', 'expiry']);
    expect(server!.chats[0]!.body.messages[1].content).toContain(JSON.stringify('I ask about scale.'));
  });

  test('an id not in the rubric is rejected and replaced by the topic follow-up, with a one-line notice', async () => {
    const { interviewer: ask, notices } = await interviewer(() => reply({ criterion: 'latency', question: 'What is your p99?' }));
    const turn = await ask.probe({ question: QUESTION, phase: PHASE, transcript: 'I ask about scale.', asked: [] });
    expect(turn).toMatchObject({ question: 'How long do pastes live?', criterion: 'expiry', by: 'topic' });
    const second = await ask.probe({ question: QUESTION, phase: PHASE, transcript: 'I ask about scale.', asked: ['How long do pastes live?'] });
    expect(second).toMatchObject({ question: 'What would you leave out?', criterion: null, by: 'topic' });
    const none = await ask.probe({ question: QUESTION, phase: PHASE, transcript: 'x', asked: ['How long do pastes live?', 'What would you leave out?'] });
    expect(none).toBeNull();
    expect(notices[0]).toBe(`The model's follow-up was not used (it named criterion "latency", which is not in this phase's rubric); asking the scenario's own.`);
    expect(notices[2]).toMatch(/no follow-up for this phase\.$/);
    expect(notices.every((line) => !line.includes('\n'))).toBe(true);
  });
});

describe('clarifying answers from a model', () => {
  test('use only the facts: the echo server replies with everything it was sent, and that is the facts and the question', async () => {
    const { interviewer: ask } = await interviewer((request) => {
      const sent = request.body.messages.map((message: { content: string }) => message.content).join('\n');
      return isClarify(request.body) ? reply({ answer: request.body.messages[1].content }) : { status: 500, body: { error: { message: `unexpected ${sent.slice(0, 40)}` } } };
    });
    const turn = await ask.clarify('How many pastes per day?', FACTS);
    expect(turn).toMatchObject({ kind: 'clarify', question: 'How many pastes per day?', by: 'zoo-model' });
    for (const fact of FACTS) expect(turn.answer).toContain(fact);
    expect(turn.answer).toContain('How many pastes per day?');
    const everything = JSON.stringify(server!.chats.map((chat) => chat.body.messages));
    for (const secret of ['SCENARIO-SECRET', 'PHASE-SECRET', 'RUBRIC-SECRET', 'MODEL-ANSWER-SECRET', 'PHASE-MODEL-SECRET', 'How long do pastes live?']) expect(everything).not.toContain(secret);
    expect(server!.chats).toHaveLength(1);
    expect(server!.chats[0]!.body.response_format.json_schema.name).toBe('clarification');
  });

  test('the prompt tells the model the exact "your call" line for what the facts do not cover', async () => {
    const { interviewer: ask } = await interviewer(() => reply({ answer: YOUR_CALL }));
    expect((await ask.clarify('Which cloud?', FACTS)).answer).toBe(YOUR_CALL);
    expect(server!.chats[0]!.body.messages[0].content).toContain(`reply exactly "${YOUR_CALL}"`);
  });
});

describe('every failure falls back to the offline interviewer, with a one-line notice', () => {
  const failures: [string, ZooHandler, RegExp][] = [
    ['auth', () => ({ status: 401, body: { error: { message: 'Incorrect API key provided', type: 'invalid_request_error' } } }), /^auth: /],
    ['not found', () => ({ status: 404, body: { error: { message: 'model "zoo-model" not found', type: 'api_error' } } }), /^not found: /],
    ['quota', () => ({ status: 429, body: { error: { message: 'You exceeded your current quota', type: 'insufficient_quota', code: 'insufficient_quota' } } }), /^quota: /],
    ['invalid output', () => reply({ nonsense: true }), /^invalid output: /],
    ['not a chat completion', () => ({ status: 200, body: '<html>gateway</html>', headers: { 'content-type': 'text/html' } }), /^(not a chat completion|invalid output): /],
    ['network', () => ({ status: 200, body: '', hangUp: true }), /^network: /],
  ];
  test.each(failures)('%s', async (_name, handler, category) => {
    const { interviewer: ask, notices } = await interviewer(handler);
    const clarified = await ask.clarify('Do pastes expire?', FACTS);
    expect(clarified).toMatchObject({ answer: 'Pastes expire after 30 days.', by: 'topic' });
    const probed = await ask.probe({ question: QUESTION, phase: PHASE, transcript: 'I ask.', asked: [] });
    expect(probed).toMatchObject({ question: 'How long do pastes live?', by: 'topic' });
    expect(notices).toHaveLength(2);
    expect(notices[0]).toMatch(/^The model could not answer the clarifying question \(/);
    expect(notices[0]).toMatch(/; answering from the scenario's facts\.$/);
    expect(notices[0]!.slice('The model could not answer the clarifying question ('.length)).toMatch(category);
    expect(notices[1]).toMatch(/^The model's follow-up was not used \(/);
    expect(notices.every((line) => !line.includes('\n'))).toBe(true);
  });
});

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { tempHome } from '../helpers/cli.js';
import { behaviours, startLlmServer, type LlmServer } from '../helpers/llmServer.js';
import { KEYS, bracketedPaste, spawnCoach, type Terminal } from '../helpers/pty.js';

// Every kind of sequence the issue names: retitle (OSC 0 and 2), clear (CSI 2J), hyperlink
// (OSC 8), clipboard write (OSC 52), alternate screen (CSI ?1049h), plus a C1 CSI.
const EVIL = '\u001b]0;PWNED\u0007\u001b[2J\u001b]8;;https://evil.example\u001b\\link\u001b]8;;\u001b\\\u001b]52;c;cm0gLXJmIH4=\u0007\u001b[?1049h\u001b]2;PWNED2\u001b\\\u009b31m';
const q = (text: string) => JSON.stringify(`${text} ${EVIL}`);

function hostileTopicDir(): string {
  const dir = join(tempHome(), 'topics');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'evil.yaml'),
    `id: evil
title: ${q('Evil topic')}
questions:
  - id: evil-choice
    type: choice
    difficulty: easy
    prompt: ${q('Pick one')}
    explanation: ${q('Explained')}
    choices:
      - { text: ${q('Right')}, correct: true, why: ${q('Because')} }
      - { text: ${q('Wrong')}, why: ${q('Nope')} }
  - id: evil-short
    type: short
    prompt: ${q('Explain it')}
    rubric:
      - { id: one, points: 1, criterion: ${q('Says one')}, partial: ${q('Half')} }
    modelAnswer: ${q('The model answer')}
  - id: evil-design
    type: design
    prompt: ${q('Design it')}
    phases:
      - id: only
        title: ${q('Only phase')}
        minutes: 5
        prompt: ${q('What first?')}
        rubric:
          - { id: a, points: 1, criterion: ${q('Asks')} }
        modelAnswer: ${q('Ask things')}
        followUps: [${q('And then?')}]
`,
  );
  return dir;
}

/** Nothing we did not write changed the terminal: title, clipboard, screen mode. */
async function expectUntouched(term: Terminal) {
  const state = await term.state();
  expect(state.title).toBe('');
  expect(state.clipboardWrites).toEqual([]);
  expect(state.alternateScreen).toBe(false);
  expect(term.raw()).not.toContain('PWNED');
  expect(term.raw()).not.toContain('evil.example');
}

let server: LlmServer;
beforeAll(async () => {
  server = await startLlmServer();
});
afterAll(async () => {
  await server.close();
});

describe('escape sequences from topics, answers and servers never reach the terminal', () => {
  const env = () => ({ COACH_HOME: tempHome(), COACH_TOPICS: hostileTopicDir() });

  test('coach topics', async () => {
    const term = spawnCoach(['topics'], env());
    expect((await term.exit).exitCode).toBe(0);
    expect(term.screen()).toContain('Evil topic');
    await expectUntouched(term);
  });

  test('a quiz: choice feedback, a pasted answer with escapes, self-grading, the summary', async () => {
    const term = spawnCoach(['quiz', 'evil', '--grader', 'self', '--type', 'choice,short', '--seed', '1'], env());
    for (let step = 0; step < 2; step += 1) {
      const shown = await term.waitForScreen(/Pick one|Explain it/);
      if (shown.includes('Pick one')) {
        term.write(KEYS.enter);
        await term.waitFor('Explained');
      } else {
        term.write(bracketedPaste(`my answer ${EVIL}`));
        await term.waitForScreen('my answer link');
        term.write(KEYS.ctrlD);
        await term.waitFor('Grade yourself against the rubric');
        term.write('m');
        term.write(KEYS.enter);
        await term.waitFor('Self-grade:');
      }
    }
    await term.waitFor('Verdict');
    expect((await term.exit).exitCode).toBe(0);
    await expectUntouched(term);
  }, 60_000);

  test('an interview: brief, phase, follow-up, self-grade and summary', async () => {
    const term = spawnCoach(['interview', 'evil-design', '--grader', 'self'], env());
    await term.waitFor('Press Enter to start the clock');
    term.write(KEYS.enter);
    await term.waitForScreen('What first?');
    term.write(`answer ${EVIL}`);
    term.write(KEYS.ctrlD);
    await term.waitForScreen('And then?');
    term.write(KEYS.ctrlD);
    await term.waitFor('Grade yourself against the rubric');
    term.write('m');
    term.write(KEYS.enter);
    await term.waitFor('Time per phase');
    expect((await term.exit).exitCode).toBe(0);
    await expectUntouched(term);
  }, 60_000);

  test('a server error message in doctor', async () => {
    server.setBehaviour(behaviours.fail(500, `broken ${EVIL}`));
    const term = spawnCoach(['doctor'], { ...env(), OPENAI_BASE_URL: server.url, OPENAI_API_KEY: 'sk-test', COACH_MODEL: 'm' });
    await term.exit;
    await expectUntouched(term);
    server.setBehaviour(behaviours.grade());
  }, 60_000);
});

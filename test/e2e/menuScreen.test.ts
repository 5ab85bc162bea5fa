import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { BIN, ROOT, tempHome, writeFiles } from '../helpers/cli.js';
import { clockAtLeast, KEYS, spawnCoach, waitForNextTick, type Terminal } from '../helpers/pty.js';
import { onlySession } from '../helpers/store.js';

const FIXTURES = join(ROOT, 'test', 'fixtures', 'topics');
const words = (prefix: string, count: number) => Array.from({ length: count }, (_, index) => `${prefix}${index}`).join(' ');

/** A choice question and a short question far taller than a small terminal, with markers to find on screen. */
const TALL = `id: tall
title: Tall
questions:
  - id: tall-choice
    type: choice
    prompt: "PROMPT-START ${words('prompt', 180)} PROMPT-END"
    choices:
      - { text: "OPTION-A ${words('alpha', 60)} END-A" }
      - { text: "OPTION-B ${words('beta', 60)} END-B", correct: true }
      - { text: "OPTION-C ${words('gamma', 60)} END-C" }
      - { text: "OPTION-D ${words('delta', 60)} END-D" }
  - id: tall-short
    type: short
    prompt: Explain it.
    modelAnswer: "${words('model', 300)}"
    rubric:
${Array.from({ length: 8 }, (_, index) => `      - { id: c${index}, points: 1, criterion: "CRIT-${index} ${words('crit', 30)}", partial: "${words('partly', 20)}" }`).join('\n')}
`;

function sessionFile(home: string) {
  return JSON.parse(JSON.stringify(onlySession(home)));
}

function openQuiz(size: { cols: number; rows: number }, type: 'choice' | 'short') {
  const home = tempHome();
  const topics = writeFiles(join(home, 'topics'), { 'tall.yaml': TALL });
  const args = ['quiz', 'tall', '--type', type, '--count', '1'];
  const env = { COACH_HOME: home, COACH_TOPICS: topics };
  // node-pty turns 0×0 into 80×24, so the kernel's window size is zeroed by stty (as in answerScreen.test.ts).
  const term =
    size.cols === 0
      ? spawnCoach([], env, { cols: 80, rows: 24 }, { command: { file: '/bin/sh', args: ['-c', `stty cols 0 rows 0; exec "${process.execPath}" "${BIN}" ${args.join(' ')}`] } })
      : spawnCoach(args, env, size);
  return { home, term };
}

/** Waits until the quiz clock shows at least `seconds`, by reading the screen, not by sleeping. */
async function waitForClockPast(term: Terminal, seconds: number): Promise<void> {
  await term.waitForScreen(clockAtLeast(seconds), { timeoutMs: 30_000 });
}

async function expectIntact(term: Terminal, scrollbackAtOpen: number, visible: RegExp) {
  const rows = await term.rows();
  expect(rows[0]).toContain('Question 1/1');
  expect(rows.join('\n')).toMatch(visible);
  expect((await term.scrollback()).length).toBe(scrollbackAtOpen);
  expect((await term.state()).alternateScreen).toBe(true);
}

describe('menu-like prompts in a session never write to the scrollback', () => {
  test.concurrent.each([
    ['80×24', { cols: 80, rows: 24 }],
    ['40×10', { cols: 40, rows: 10 }],
    ['0×0 (taken as 80×24)', { cols: 0, rows: 0 }],
  ])('%s: a choice question taller than the terminal keeps the header and the cursor option in view', async (_name, size) => {
    const { home, term } = openQuiz(size, 'choice');
    await term.waitForScreen('Question 1/1', { timeoutMs: 30_000 });
    const scrollbackAtOpen = (await term.scrollback()).length;
    await waitForClockPast(term, 2);
    await expectIntact(term, scrollbackAtOpen, /❯/);
    // The last option, then the skip entry: each scrolls into view in turn.
    term.write('d');
    await term.waitForScreen(/END-D|delta/, { timeoutMs: 30_000 });
    await waitForClockPast(term, 4);
    await expectIntact(term, scrollbackAtOpen, /❯.*(OPTION-D|d\))/);
    term.write(KEYS.down);
    await term.waitForScreen('skip this question', { timeoutMs: 30_000 });
    // Ctrl+D does nothing here: the prompt is still open a clock tick later.
    term.write(KEYS.ctrlD);
    await waitForNextTick(term);
    await expectIntact(term, scrollbackAtOpen, /skip this question/);
    term.write('b');
    term.write(KEYS.enter);
    await term.waitFor('Correct', { timeoutMs: 30_000 });
    expect((await term.state()).alternateScreen).toBe(false);
    term.write(KEYS.ctrlC);
    await term.exit;
    expect(sessionFile(home).questions[0].answer.choice).toEqual(['b']);
  }, 90_000);

  test.concurrent.each([
    ['80×24', { cols: 80, rows: 24 }],
    ['40×10', { cols: 40, rows: 10 }],
  ])('%s: the self-grade checklist after a long model answer stays on one screen, Ctrl+D does nothing', async (_name, size) => {
    const { home, term } = openQuiz(size, 'short');
    await term.waitForScreen('Question 1/1', { timeoutMs: 30_000 });
    term.write('my answer');
    term.write(KEYS.ctrlD);
    await term.waitForScreen('Grade yourself', { timeoutMs: 30_000 });
    const scrollbackAtOpen = (await term.scrollback()).length;
    expect((await term.state()).alternateScreen).toBe(true);
    // Mark the first seven: the cursor walks down to CRIT-7, which must come into view.
    term.write('m'.repeat(7));
    await term.waitForScreen(/❯.*CRIT-7/, { timeoutMs: 30_000 });
    term.write(KEYS.ctrlD);
    term.write(KEYS.up);
    await term.waitForScreen(/❯.*CRIT-6/, { timeoutMs: 30_000 });
    const rows = await term.rows();
    expect(rows.join('\n')).toContain('Grade yourself');
    expect((await term.scrollback()).length).toBe(scrollbackAtOpen);
    term.write(KEYS.down);
    term.write('x');
    term.write(KEYS.enter);
    // The checklist's own last frame says the marks too; what follows it is on the normal screen.
    await term.waitFor('Self-grade: 7 / 8', { timeoutMs: 30_000 });
    expect((await term.state()).alternateScreen).toBe(false);
    expect(term.screen()).toMatch(/Grade yourself against the rubric met 7 · partly 0 · missed 1/);
    term.write(KEYS.ctrlC);
    await term.exit;
    expect(sessionFile(home).questions[0].status).toBe('answered');
  }, 90_000);
});

describe('Ctrl+D does nothing in the menus around a session', () => {
  test('"Press Enter to start the clock": Ctrl+D is ignored, Enter starts the interview', async () => {
    const home = tempHome();
    const term = spawnCoach(['interview', 'sample-design', '--minutes', '4'], { COACH_HOME: home, COACH_TOPICS: FIXTURES });
    await term.waitFor('Press Enter to start the clock', { timeoutMs: 30_000 });
    term.write(KEYS.ctrlD);
    term.write(KEYS.ctrlD);
    term.write(KEYS.enter);
    await term.waitForScreen('Phase 1/3', { timeoutMs: 30_000 });
    term.write(KEYS.ctrlC);
    expect((await term.exit).exitCode).toBe(130);
  }, 60_000);

  test('the main menu: Ctrl+D is ignored, the arrows and Enter still choose', async () => {
    const home = tempHome();
    const term = spawnCoach([], { COACH_HOME: home, COACH_TOPICS: FIXTURES });
    await term.waitFor('What would you like to do?', { timeoutMs: 30_000 });
    term.write(KEYS.ctrlD);
    // ↑ from the first entry wraps to the last, Quit: the menu ends normally (exit 0), not as an interrupt.
    term.write(KEYS.up);
    await term.waitForScreen(/❯ Quit/, { timeoutMs: 30_000 });
    term.write(KEYS.enter);
    expect((await term.exit).exitCode).toBe(0);
  }, 60_000);

  test('Ctrl+C in the main menu exits 130', async () => {
    const term = spawnCoach([], { COACH_HOME: tempHome(), COACH_TOPICS: FIXTURES });
    await term.waitFor('What would you like to do?', { timeoutMs: 30_000 });
    term.write(KEYS.ctrlC);
    expect((await term.exit).exitCode).toBe(130);
  }, 60_000);
});

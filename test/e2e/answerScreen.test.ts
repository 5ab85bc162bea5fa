import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { BIN, ROOT, tempHome } from '../helpers/cli.js';
import { onlySession } from '../helpers/store.js';
import { KEYS, bracketedPaste, spawnCoach, type Terminal } from '../helpers/pty.js';

const FIXTURES = join(ROOT, 'test', 'fixtures', 'topics');
const QUIZ_SHORT = ['quiz', 'sample', '--type', 'short', '--count', '1'];

function sessionFile(home: string) {
  // As JSON (untyped), as these tests read nested fields freely.
  return JSON.parse(JSON.stringify(onlySession(home)));
}

/** 16 lines of 125 characters, each ending in a marker we can look for on screen. */
const LINES = Array.from({ length: 16 }, (_, index) => `${`line ${index} `.padEnd(118, 'abcdef ')}end${String(index).padStart(2, '0')}.`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Types text the way a person's terminal delivers it: a few characters per read. */
async function typeSlowly(term: Terminal, text: string, chunk = 25): Promise<void> {
  for (let at = 0; at < text.length; at += chunk) {
    term.write(text.slice(at, at + chunk).replace(/\n/g, '\r'));
    if (at % (chunk * 8) === 0) await sleep(5);
  }
}

async function openInterview(size: { cols: number; rows: number }) {
  const home = tempHome();
  const args = ['interview', 'sample-design', '--minutes', '60'];
  const env = { COACH_HOME: home, COACH_TOPICS: FIXTURES };
  // node-pty turns a 0×0 request into 80×24, so the kernel's window size is zeroed by stty
  // instead: the CLI then really reads 0 columns and 0 rows (the emulator stays 80×24).
  const term =
    size.cols === 0
      ? spawnCoach([], env, { cols: 80, rows: 24 }, { command: { file: '/bin/sh', args: ['-c', `stty cols 0 rows 0; exec "${process.execPath}" "${BIN}" ${args.join(' ')}`] } })
      : spawnCoach(args, env, size);
  await term.waitFor('Press Enter to start the clock');
  term.write(KEYS.enter);
  await term.waitForScreen('Phase 1/3');
  return { home, term };
}

/** The header is on screen (first row) and nothing was pushed into the scrollback since `scrollbackAtOpen`. */
async function expectViewportIntact(term: Terminal, scrollbackAtOpen: number, header: string) {
  const rows = await term.rows();
  expect(rows[0]).toContain(header);
  expect((await term.scrollback()).length).toBe(scrollbackAtOpen);
  expect((await term.state()).alternateScreen).toBe(true);
}

describe('the answer viewport in a real terminal', () => {
  // Concurrent: each waits five idle seconds, and they need not wait in turn.
  test.concurrent.each([
    ['100×30', { cols: 100, rows: 30 }],
    ['60×20', { cols: 60, rows: 20 }],
    ['40×10', { cols: 40, rows: 10 }],
    ['0×0 (taken as 80×24)', { cols: 0, rows: 0 }],
  ])('%s: 16 lines × 125 characters typed, then pasted; the header stays, the scrollback does not grow', async (_name, size) => {
    const { home, term } = await openInterview(size);
    const scrollbackAtOpen = (await term.scrollback()).length;
    await typeSlowly(term, LINES.join('\n'));
    await term.waitForScreen('end15.', { timeoutMs: 30_000 });
    await expectViewportIntact(term, scrollbackAtOpen, 'Phase 1/3');
    const fold = (await term.rows()).find((row) => row.includes('earlier row'));
    expect(fold).toBeDefined();

    // Five idle seconds: the clock ticks, nothing piles up, and little is written.
    const mark = term.mark();
    await sleep(5000);
    await expectViewportIntact(term, scrollbackAtOpen, 'Phase 1/3');
    expect(term.raw().length - mark).toBeLessThan(5 * 1000);

    term.write(`\r${bracketedPaste(LINES.join('\n'))}`);
    await term.waitForScreen(/end15\.\s*$/m);
    await expectViewportIntact(term, scrollbackAtOpen, 'Phase 1/3');
    term.write(KEYS.ctrlD);
    await term.waitFor('Follow-up: Do links ever expire?');
    term.write(KEYS.ctrlC);
    expect((await term.exit).exitCode).toBe(130);
    const phase = sessionFile(home).questions[0].phases[0];
    expect(phase.answer.text).toBe(`${LINES.join('\n')}\n${LINES.join('\n')}`);
    expect((await term.state()).alternateScreen).toBe(false);
  }, 90_000);

  test('one typed line of 3,000 characters and a 20,000-character paste at 80×24', async () => {
    const home = tempHome();
    const term = spawnCoach(QUIZ_SHORT, { COACH_HOME: home, COACH_TOPICS: FIXTURES }, { cols: 80, rows: 24 });
    await term.waitForScreen('Question 1/1');
    const scrollbackAtOpen = (await term.scrollback()).length;
    const line = `${'typed '.repeat(499)}TAIL3K`;
    await typeSlowly(term, line, 100);
    await term.waitForScreen('TAIL3K');
    await expectViewportIntact(term, scrollbackAtOpen, 'Question 1/1');

    const paste = `${Array.from({ length: 400 }, (_, index) => `paragraph ${index} ${'x'.repeat(35)}`).join('\n')} TAIL20K`.slice(-20_000);
    term.write(bracketedPaste(paste));
    await term.waitForScreen('TAIL20K');
    await expectViewportIntact(term, scrollbackAtOpen, 'Question 1/1');
    term.write(KEYS.ctrlD);
    await term.waitFor('Grade yourself against the rubric');
    expect(sessionFile(home).questions[0].answer.text).toBe(`${line}${paste}`.trimEnd());
    term.write(KEYS.ctrlC);
    await term.exit;
  }, 60_000);

  test('a resize mid-answer redraws at once, before any key', async () => {
    const { term } = await openInterview({ cols: 100, rows: 30 });
    await typeSlowly(term, LINES.slice(0, 6).join('\n'));
    await term.waitForScreen('end05.');
    term.resize(60, 20);
    const shown = await term.waitForScreen(/^Phase 1\/3/, { timeoutMs: 900 });
    const rows = shown.split('\n');
    expect(rows).toHaveLength(20);
    expect(rows.some((row) => row.includes('end05.'))).toBe(true);
    // Only the new frame is there: no leftovers from the wider layout.
    expect(rows.filter((row) => row.startsWith('Phase 1/3'))).toHaveLength(1);
    term.write(KEYS.ctrlC);
    expect((await term.exit).exitCode).toBe(130);
  }, 60_000);
});

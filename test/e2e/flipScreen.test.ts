import { join } from 'node:path';
import { expect, test } from 'vitest';
import { tempHome, writeFiles } from '../helpers/cli.js';
import { clockAtLeast, KEYS, spawnCoach, waitForNextTick } from '../helpers/pty.js';

const words = (prefix: string, count: number) => Array.from({ length: count }, (_, index) => `${prefix}${index}`).join(' ');

const TALL = `id: tall
title: Tall
questions:
  - id: tall-short
    type: short
    prompt: "SHORT-START ${words('think', 200)} SHORT-END"
    modelAnswer: The model answer.
    rubric: [{ id: a, points: 1, criterion: Says it. }]
`;

test.concurrent.each([
  ['80×24', { cols: 80, rows: 24 }],
  ['40×10', { cols: 40, rows: 10 }],
])('%s: flip mode\'s "think, then press Enter" with a question taller than the terminal keeps the header and writes nothing to the scrollback', async (_name, size) => {
  const home = tempHome();
  const topics = writeFiles(join(home, 'topics'), { 'tall.yaml': TALL });
  const term = spawnCoach(['quiz', 'tall', '--flip', '--count', '1'], { COACH_HOME: home, COACH_TOPICS: topics }, size);
  await term.waitForScreen('SHORT-START', { timeoutMs: 30_000 });
  const scrollbackAtOpen = (await term.scrollback()).length;
  // Two clock ticks later (read from the screen), nothing has moved into the scrollback.
  await term.waitForScreen(clockAtLeast(2), { timeoutMs: 30_000 });
  const rows = await term.rows();
  expect(rows[0]).toContain('Question 1/1');
  expect(rows.join('\n')).toMatch(/more rows/);
  expect((await term.scrollback()).length).toBe(scrollbackAtOpen);
  expect((await term.state()).alternateScreen).toBe(true);
  term.write(KEYS.ctrlD);
  await waitForNextTick(term);
  expect((await term.state()).alternateScreen).toBe(true);
  term.write(KEYS.enter);
  await term.waitFor('The model answer.', { timeoutMs: 30_000 });
  // The self-grade checklist follows on its own screen.
  await term.waitForScreen('Grade yourself', { timeoutMs: 30_000 });
  term.write(KEYS.ctrlC);
  expect((await term.exit).exitCode).toBe(130);
}, 90_000);

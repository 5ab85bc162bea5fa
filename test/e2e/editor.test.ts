import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ROOT, tempHome } from '../helpers/cli.js';
import { onlySession } from '../helpers/store.js';
import { KEYS, spawnCoach } from '../helpers/pty.js';

const FIXTURES = join(ROOT, 'test', 'fixtures', 'topics');

function sessionFile(home: string) {
  // As JSON (untyped), as these tests read nested fields freely.
  return JSON.parse(JSON.stringify(onlySession(home)));
}

describe('Ctrl+E: the answer in $EDITOR', () => {
  test('a script editor: nothing is written to the terminal while it runs, the terminal is cooked, the clock keeps counting', async () => {
    const home = tempHome();
    const log = join(home, 'editor-stty.txt');
    const env = { COACH_HOME: home, COACH_TOPICS: FIXTURES, EDITOR: join(ROOT, 'test', 'fixtures', 'editor', 'quiet-check.sh'), EDITOR_LOG: log };
    const term = spawnCoach(['interview', 'sample-design', '--minutes', '4'], env);
    await term.waitFor('Press Enter to start the clock');
    term.write(KEYS.enter);
    await term.waitForScreen('Phase 1/3');
    term.write('typed first');
    await term.waitForScreen('typed first');
    term.write(KEYS.ctrlE);
    const during = await term.waitFor(/EDITOR-START[\s\S]*EDITOR-END/);
    // Between the markers: only the line break after the first marker, nothing of ours.
    const between = during.slice(during.indexOf('EDITOR-START') + 'EDITOR-START'.length, during.indexOf('EDITOR-END'));
    expect(between.trim()).toBe('');
    const modes = readFileSync(log, 'utf8');
    expect(modes).toMatch(/(^|\s)icanon(\s|$)/);
    expect(modes).toMatch(/(^|\s)echo(\s|$)/);

    await term.waitForScreen('added by the editor script');
    // The phase clock counted the editor's 2.5 s.
    term.write(KEYS.ctrlD);
    await term.waitFor('Follow-up: Do links ever expire?');
    term.write(KEYS.ctrlC);
    await term.exit;
    const phase = sessionFile(home).questions[0].phases[0];
    expect(phase.answer).toMatchObject({ text: 'typed first\nadded by the editor script', via: 'editor' });
    expect(phase.answer.seconds).toBeGreaterThanOrEqual(2);
  }, 60_000);

  test('vim: edit, :wq, and the prompt is back with the edited text', async () => {
    const home = tempHome();
    const env = { COACH_HOME: home, COACH_TOPICS: FIXTURES, VISUAL: 'vim -u NONE -i NONE -n', HOME: home };
    const term = spawnCoach(['quiz', 'sample', '--type', 'short', '--count', '1'], env, { cols: 80, rows: 24 });
    await term.waitForScreen('Question 1/1');
    term.write('from the prompt');
    await term.waitForScreen('from the prompt');
    term.write(KEYS.ctrlE);
    // vim reports the file it opened; on a narrow terminal that asks for Enter first.
    const opened = await term.waitForScreen(/Press ENTER|^from the prompt/m);
    if (opened.includes('Press ENTER')) term.write('\r');
    await term.waitForScreen(/^from the prompt/m);
    term.write('Goand from vim\u001b:wq\r');
    await term.waitForScreen('│ and from vim');
    const rows = await term.rows();
    expect(rows[0]).toContain('Question 1/1');
    term.write(KEYS.ctrlD);
    await term.waitFor('Grade yourself against the rubric');
    expect(sessionFile(home).questions[0].answer).toMatchObject({ text: 'from the prompt\nand from vim', via: 'editor' });
    term.write(KEYS.ctrlC);
    await term.exit;
  }, 60_000);

  test('the temporary file is private (0600 in a 0700 folder of its own) and removed afterwards', async () => {
    const home = tempHome();
    const tmp = join(home, 'tmp');
    mkdirSync(tmp);
    const log = join(home, 'editor-mode.txt');
    const env = { COACH_HOME: home, COACH_TOPICS: FIXTURES, EDITOR: join(ROOT, 'test', 'fixtures', 'editor', 'record-mode.sh'), EDITOR_LOG: log, TMPDIR: tmp };
    const term = spawnCoach(['quiz', 'sample', '--type', 'short', '--count', '1'], env, { cols: 80, rows: 24 });
    await term.waitForScreen('Question 1/1');
    term.write('private words');
    await term.waitForScreen('private words');
    term.write(KEYS.ctrlE);
    await term.waitForScreen('added by the editor script');
    const [file, folder] = readFileSync(log, 'utf8').trim().split('\n').map((line) => line.split(' '));
    expect(file![0]).toBe('600');
    expect(folder![0]).toBe('700');
    expect(folder![1]!.startsWith(tmp)).toBe(true);
    expect(existsSync(file![1]!)).toBe(false);
    expect(existsSync(folder![1]!)).toBe(false);
    expect(readdirSync(tmp)).toEqual([]);
    term.write(KEYS.ctrlC);
    await term.exit;
  }, 60_000);
});

import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { BIN, ROOT, tempHome } from '../helpers/cli.js';
import { onlySession } from '../helpers/store.js';
import { KEYS, spawnCoach, type Terminal } from '../helpers/pty.js';

const FIXTURES = join(ROOT, 'test', 'fixtures', 'topics');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function sessionFile(home: string) {
  // As JSON (untyped), as these tests read nested fields freely.
  return JSON.parse(JSON.stringify(onlySession(home)));
}

/** The coach under a shell that prints its exit code and the terminal's modes once it is gone. */
function coachUnderShell(args: string[], env: Record<string, string>): Terminal {
  const command = `"${process.execPath}" "${BIN}" ${args.join(' ')}; echo "EXIT=$?"; stty -a; echo STTY-END; sleep 30`;
  return spawnCoach([], env, { cols: 100, rows: 30 }, { command: { file: '/bin/sh', args: ['-c', command] } });
}

function childPid(shellPid: number): number {
  const out = execFileSync('ps', ['-o', 'pid=', '--ppid', String(shellPid)], { encoding: 'utf8' });
  return Number(out.trim().split('\n')[0]);
}

describe('drafts survive', () => {
  test('kill -9 six seconds after typing: resume reopens the answer with the text, cursor at its end', async () => {
    const home = tempHome();
    const env = { COACH_HOME: home, COACH_TOPICS: FIXTURES };
    const term = spawnCoach(['quiz', 'sample', '--type', 'short', '--count', '1'], env);
    await term.waitForScreen('Question 1/1');
    term.write('Write the database first,\rthen delete 👩‍💻 the key');
    await term.waitForScreen('then delete 👩‍💻 the key');
    await sleep(6000);
    term.kill('SIGKILL');
    await term.exit;
    const saved = sessionFile(home);
    expect(saved.draft).toMatchObject({ questionIndex: 0, part: 'answer', text: 'Write the database first,\nthen delete 👩‍💻 the key' });
    expect(saved.questions[0]).toMatchObject({ status: 'unasked', answer: null });

    const resumed = spawnCoach(['resume'], env);
    await resumed.waitForScreen('then delete 👩‍💻 the key');
    resumed.write(KEYS.backspace.repeat(3));
    resumed.write('cache key.');
    resumed.write(KEYS.ctrlD);
    await resumed.waitFor('Grade yourself against the rubric');
    const after = sessionFile(home);
    expect(after.questions[0].answer.text).toBe('Write the database first,\nthen delete 👩‍💻 the cache key.');
    expect(after.draft).toBeNull();
    resumed.write(KEYS.ctrlC);
    await resumed.exit;
  }, 60_000);

  test.each([
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ])('%s saves the draft and the clock at once, restores the terminal and exits %i', async (signal, code) => {
    const home = tempHome();
    const term = coachUnderShell(['interview', 'sample-design', '--minutes', '4'], { COACH_HOME: home, COACH_TOPICS: FIXTURES });
    await term.waitFor('Press Enter to start the clock');
    term.write(KEYS.enter);
    await term.waitForScreen('Phase 1/3');
    term.write('Ask about QPS');
    await term.waitForScreen('Ask about QPS');
    await sleep(2500);
    process.kill(childPid(term.pid), signal);
    const modes = await term.waitFor(/EXIT=\d+[\s\S]*speed[\s\S]*STTY-END/);
    expect(modes).toContain(`EXIT=${code}`);
    const stty = modes.slice(modes.indexOf('speed'));
    expect(stty).toMatch(/(^|\s)icanon(\s|$)/);
    expect(stty).toMatch(/(^|\s)echo(\s|$)/);
    const state = await term.state();
    expect(state).toMatchObject({ alternateScreen: false, cursorHidden: false, bracketedPaste: false });
    const saved = sessionFile(home);
    expect(saved.draft).toMatchObject({ phaseId: 'requirements', text: 'Ask about QPS' });
    // The clock as of the signal, not as of the last 5-second save.
    expect(saved.questions[0].phases[0].elapsedSeconds).toBeGreaterThanOrEqual(2);
    term.kill('SIGKILL');
  }, 60_000);

  test.each([
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ])('%s while $EDITOR is open ends the editor too, keeps what it wrote, restores the terminal and exits %i', async (signal, code) => {
    const home = tempHome();
    const pidFile = join(home, 'editor.pid');
    const env = { COACH_HOME: home, COACH_TOPICS: FIXTURES, EDITOR: join(ROOT, 'test', 'fixtures', 'editor', 'write-then-wait.sh'), EDITOR_PID: pidFile, TMPDIR: home };
    const term = coachUnderShell(['interview', 'sample-design', '--minutes', '4'], env);
    await term.waitFor('Press Enter to start the clock');
    term.write(KEYS.enter);
    await term.waitForScreen('Phase 1/3');
    term.write('typed before the editor');
    await term.waitForScreen('typed before the editor');
    term.write(KEYS.ctrlE);
    await term.waitFor('EDITOR-WROTE');
    const editorPid = Number(readFileSync(pidFile, 'utf8').trim());
    process.kill(childPid(term.pid), signal);
    const modes = await term.waitFor(/EXIT=\d+[\s\S]*speed[\s\S]*STTY-END/);
    expect(modes).toContain(`EXIT=${code}`);
    // The editor did not outlive the coach.
    expect(() => process.kill(editorPid, 0)).toThrow(/ESRCH/);
    const stty = modes.slice(modes.indexOf('speed'));
    expect(stty).toMatch(/(^|\s)icanon(\s|$)/);
    expect(stty).toMatch(/(^|\s)echo(\s|$)/);
    expect(await term.state()).toMatchObject({ alternateScreen: false, cursorHidden: false, bracketedPaste: false });
    expect(sessionFile(home).draft).toMatchObject({ phaseId: 'requirements', text: 'typed before the editor\nsaved by the editor before the signal' });
    // The editor's temporary folder is gone with it.
    expect(readdirSync(home).filter((name) => name.startsWith('coach-answer-'))).toEqual([]);
    term.kill('SIGKILL');
  }, 60_000);
});

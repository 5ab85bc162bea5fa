import { chmodSync, chownSync, mkdirSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ROOT, runCoach, type RunResult } from '../helpers/cli.js';
import { inNamespace, needRoot, runAsNobody } from '../helpers/faults.js';

/**
 * Files the coach replaces or writes elsewhere (--output, backup): owner and
 * group kept as root, failures naming the target and what is wrong there.
 * Also: doctor fails an unwritable coach.db, and commands that cannot script
 * never suggest an --answers they lack.
 */
const FIXTURES = join(ROOT, 'test', 'fixtures', 'topics');

function base(): string {
  const dir = mkdtempSync(join(tmpdir(), 'replace-'));
  chmodSync(dir, 0o755);
  return dir;
}

/** A data folder with one finished session, made by the CLI. */
async function goodHome(dir: string): Promise<string> {
  const home = join(dir, 'home');
  mkdirSync(home);
  writeFileSync(join(dir, 'answers.yaml'), 'sample-choice: b\n');
  const made = await runCoach(['quiz', 'sample', '--answers', join(dir, 'answers.yaml')], { env: { COACH_HOME: home, COACH_TOPICS: FIXTURES } });
  if (made.code !== 0) throw new Error(made.stderr);
  return home;
}

function expectOneLine(result: RunResult, what: string): void {
  expect(result.code, what).toBe(1);
  expect(result.stderr, what).not.toMatch(/internal error|^\s+at /m);
  expect(result.stderr.trimEnd().split('\n'), what).toHaveLength(1);
  expect(result.stderr, what).toMatch(/^coach: /);
}

describe('--force keeps the replaced file\'s owner and group (root replacing a user\'s file), and its mode', () => {
  test.each([
    ['export', ['export', '--output', 'out/x.json', '--force']],
    ['report', ['report', '--output', 'out/x.json', '--force']],
    ['backup', ['backup', 'out/x.json', '--force']],
  ])('%s', async (_name, args) => {
    needRoot('giving a file to another user');
    const dir = base();
    const home = await goodHome(dir);
    mkdirSync(join(dir, 'out'));
    writeFileSync(join(dir, 'out', 'x.json'), 'old');
    chownSync(join(dir, 'out', 'x.json'), 65534, 65534);
    chmodSync(join(dir, 'out', 'x.json'), 0o600);
    const result = await runCoach(args, { env: { COACH_HOME: home, COACH_TOPICS: FIXTURES }, cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    const after = statSync(join(dir, 'out', 'x.json'));
    expect([after.uid, after.gid, after.mode & 0o7777]).toEqual([65534, 65534, 0o600]);
    expect(after.size).toBeGreaterThan(3);
  });
});

describe('backup and --output to a read-only or full TARGET name the target, never the data folder', () => {
  const COMMANDS = (target: string) => [
    ['backup', join(target, 'copy.db')],
    ['export', '--output', join(target, 'x.json')],
    ['report', '--output', join(target, 'x.md'), '--format', 'md'],
  ];

  test('a read-only target folder', async () => {
    const dir = base();
    const home = await goodHome(dir);
    const target = join(dir, 'ro');
    mkdirSync(target);
    const results = inNamespace([`mount --bind ${target} ${target}`, `mount -o remount,bind,ro ${target}`], COMMANDS(target), { COACH_HOME: home, COACH_TOPICS: FIXTURES });
    results.forEach((result, index) => {
      const what = `${COMMANDS(target)[index]!.join(' ')}\n${result.stderr}`;
      expectOneLine(result, what);
      expect(result.stderr, what).toMatch(new RegExp(`^coach: ${target}/\\S+: ${target} is on a read-only file system; nothing was written\\n$`));
      expect(result.stderr, what).not.toMatch(/data folder|COACH_HOME/);
    });
    expect(readdirSync(target)).toEqual([]);
  });

  test('a full target disk (a 64 KB tmpfs)', async () => {
    const dir = base();
    const home = await goodHome(dir);
    const target = join(dir, 'full');
    mkdirSync(target);
    const commands = [...COMMANDS(target), ['backup', join(target, 'second.db'), '--force']];
    const results = inNamespace([`mount -t tmpfs -o size=64k tmpfs ${target}`, `dd if=/dev/zero of=${target}/fill bs=4k 2>/dev/null`], commands, { COACH_HOME: home, COACH_TOPICS: FIXTURES });
    results.forEach((result, index) => {
      const what = `${commands[index]!.join(' ')}\n${result.stderr}`;
      expectOneLine(result, what);
      expect(result.stderr, what).toMatch(new RegExp(`^coach: ${target}/\\S+: the disk holding ${target} is full; nothing was written`));
      expect(result.stderr, what).not.toMatch(/data folder|COACH_HOME/);
    });
    // The data folder was never touched: its session is all there.
    const history = await runCoach(['history', '--json'], { env: { COACH_HOME: home, COACH_TOPICS: FIXTURES } });
    expect((JSON.parse(history.stdout) as { sessions: unknown[] }).sessions).toHaveLength(1);
  });

  test('a target folder this user may not write (as nobody)', async () => {
    const dir = base();
    const home = await goodHome(dir);
    chmodSync(dir, 0o777);
    spawnChown(home);
    const target = join(dir, 'locked');
    mkdirSync(target, { mode: 0o755 });
    for (const args of COMMANDS(target)) {
      const result = await runAsNobody(args, { COACH_HOME: home, COACH_TOPICS: FIXTURES });
      expectOneLine(result, args.join(' '));
      expect(result.stderr).toMatch(new RegExp(`^coach: ${target}/\\S+: no permission to create files in ${target}`));
    }
    expect(readdirSync(target)).toEqual([]);
  });
});

/** Hands the data folder to nobody, so only the target is what nobody may not write. */
function spawnChown(home: string): void {
  chownSync(home, 65534, 65534);
  for (const name of readdirSync(home)) chownSync(join(home, name), 65534, 65534);
}

describe('doctor checks that coach.db and its -wal/-shm are writable by this user, not only the folder', () => {
  test.each(['coach.db', 'coach.db-wal', 'coach.db-shm'])('%s at mode 444 (as nobody): the database check fails naming it; exit 1', async (file) => {
    const dir = base();
    const home = await goodHome(dir);
    if (file !== 'coach.db') writeFileSync(join(home, file), '');
    spawnChown(home);
    chmodSync(join(home, file), 0o444);
    const result = await runAsNobody(['doctor'], { COACH_HOME: home, COACH_TOPICS: FIXTURES });
    expect(result.code, result.stdout).toBe(1);
    expect(result.stdout).toMatch(/^✔ data +/m);
    expect(result.stdout).toContain(`✖ database   ${join(home, file)}: not writable by this user (permission denied), so nothing can be saved`);
    expect(result.stdout.split('\n').filter((line) => line.startsWith('✖'))).toHaveLength(1);
  });

  test('a writable coach.db passes (as nobody)', async () => {
    const dir = base();
    const home = await goodHome(dir);
    spawnChown(home);
    const result = await runAsNobody(['doctor'], { COACH_HOME: home, COACH_TOPICS: FIXTURES });
    expect(result.code, result.stdout).toBe(0);
    expect(result.stdout).toMatch(/^✔ database +.*quick_check ok, 1 session$/m);
  });
});

describe('commands that only ask in a terminal never suggest an option they lack', () => {
  test.each([
    [['resume'], /^coach: coach resume asks questions in a terminal, and this is not one; run it in a terminal/],
    [['resume', '--json'], /^coach: coach resume asks questions in a terminal and has no --json output/],
    [['grade', 'latest', '--self'], /^coach: coach grade --self asks questions in a terminal, and this is not one; run it in a terminal, or let the model grade them: coach grade --llm/],
  ])('%j', async (args, message) => {
    const dir = base();
    const home = join(dir, 'home');
    mkdirSync(home);
    writeFileSync(join(dir, 'answers.yaml'), 'sample-short:\n  answer: partial\n');
    // An in-progress session with an ungraded answer, so resume and grade --self reach the terminal check.
    await runCoach(['quiz', 'sample', '--answers', join(dir, 'answers.yaml'), '--grader', 'self'], { env: { COACH_HOME: home, COACH_TOPICS: FIXTURES } });
    const result = await runCoach(args as string[], { env: { COACH_HOME: home, COACH_TOPICS: FIXTURES } });
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/--answers FILE(?! runs a new one)/);
    expect(result.code).toBe(2);
  });
});

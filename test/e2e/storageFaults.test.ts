import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { BIN, ROOT, runCoach, tempHome, writeFiles } from '../helpers/cli.js';
import { writeSessions } from '../helpers/sessions.js';
import { checkDatabase, storedSessions } from '../helpers/store.js';

const FIXTURES = join(ROOT, 'test', 'fixtures', 'topics');
const hash = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const DISK_FULL = /coach\.db: the disk is full; nothing from this step was saved/;
const READ_ONLY = /coach\.db: read-only, so nothing can be saved/;

function expectOneLine(stderr: string, pattern: RegExp) {
  expect(stderr.trimEnd().split('\n'), stderr).toHaveLength(1);
  expect(stderr).toMatch(/^coach: /);
  expect(stderr).toMatch(pattern);
}

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs `setup` (shell lines) and then each command, in a private mount
 * namespace (needs root, as in CI containers), so a test can mount a tmpfs or
 * a read-only bind; returns each command's exit code and output.
 */
function inNamespace(setup: string[], commands: string[][], env: Record<string, string>): Outcome[] {
  if (process.getuid?.() !== 0) throw new Error('this test mounts file systems in a private mount namespace and needs root (as in CI containers)');
  const out = tempHome();
  const quote = (arg: string) => `'${arg.replaceAll("'", "'\\''")}'`;
  const lines = commands.map((args, index) => `node ${BIN} ${args.map(quote).join(' ')} > ${out}/${index}.out 2> ${out}/${index}.err; echo $? > ${out}/${index}.code`);
  const run = spawnSync('unshare', ['-m', 'sh', '-c', [...setup, ...lines].join(' ; ')], { env: { ...process.env, COACH_TOPICS: FIXTURES, ...env } });
  if (run.status !== 0) throw new Error(`unshare failed: ${run.stderr}`);
  return commands.map((_, index) => ({
    code: Number(readFileSync(join(out, `${index}.code`), 'utf8')),
    stdout: readFileSync(join(out, `${index}.out`), 'utf8'),
    stderr: readFileSync(join(out, `${index}.err`), 'utf8'),
  }));
}

const answersFile = (text: string) => join(writeFiles(join(tempHome(), 'a'), { 'a.yaml': text }), 'a.yaml');
const SHORT = answersFile('sample-choice: b\n');
const BIG = answersFile(`sample-short:\n  answer: ${'lorem ipsum dolor sit amet '.repeat(12_000)}\n  self: { order: met, race: met }\nsample-choice: b\n`);

async function exportFile(home: string): Promise<string> {
  const file = join(tempHome(), 'export.json');
  writeFileSync(file, (await runCoach(['export'], { env: { COACH_HOME: home } })).stdout);
  return file;
}

describe('a read-only data folder with no coach.db: writes are refused, never saved into memory', () => {
  test('quiz and import fail with the read-only line; history still reads (first-version files too); no database appears', async () => {
    const source = tempHome();
    writeSessions(source, { count: 2 });
    const file = await exportFile(source);
    for (const withJson of [false, true]) {
      const home = tempHome();
      if (withJson) writeSessions(home, { count: 3 });
      const [quiz, imported, history] = inNamespace([`mount --bind ${home} ${home}`, `mount -o remount,bind,ro ${home}`], [['quiz', 'sample', '--answers', SHORT], ['import', file], ['history', '--json']], { COACH_HOME: home });
      for (const write of [quiz!, imported!]) {
        expect(write.code, write.stderr).toBe(1);
        expectOneLine(write.stderr, READ_ONLY);
        expect(write.stdout).not.toMatch(/saved|Imported/);
      }
      expect(history!.code, history!.stderr).toBe(0);
      expect((JSON.parse(history!.stdout) as { sessions: unknown[] }).sessions).toHaveLength(withJson ? 3 : 0);
      expect(readdirSync(home).includes('coach.db')).toBe(false);
    }
  }, 60_000);
});

describe('a full disk: reads work, writes fail with the disk-full line, nothing is left behind', () => {
  test('at 100%: history, stats, export, report, review --list and backup elsewhere work; doctor names the full disk; quiz and import fail', async () => {
    const home = tempHome();
    const elsewhere = tempHome();
    const source = tempHome();
    writeSessions(source, { count: 1 });
    const file = await exportFile(source);
    const outcomes = inNamespace(
      [`mount -t tmpfs -o size=1m tmpfs ${home}`, `node ${BIN} quiz sample --answers ${SHORT} > /dev/null`, `dd if=/dev/zero of=${home}/fill bs=4k 2> /dev/null`],
      [['history'], ['stats'], ['export'], ['report'], ['review', '--list'], ['backup', join(elsewhere, 'coach.db')], ['doctor', '--json'], ['quiz', 'sample', '--answers', SHORT], ['import', file], ['history', '--json']],
      { COACH_HOME: home },
    );
    const [history, stats, exported, report, review, backup, doctor, quiz, imported, after] = outcomes;
    for (const [name, read] of Object.entries({ history, stats, exported, report, review, backup })) expect(read, name).toMatchObject({ code: 0, stderr: name === 'backup' ? expect.stringMatching(/^Backed up 1 session/) : '' });
    expect(history!.stdout).toMatch(/finished/);
    expect(checkDatabase(elsewhere)).toEqual(['ok']);
    expect(storedSessions(elsewhere)).toHaveLength(1);
    expect(doctor!.code).toBe(1);
    const checks = (JSON.parse(doctor!.stdout) as { checks: { name: string; status: string; detail: string }[] }).checks;
    expect(checks.find((check) => check.name === 'data')).toMatchObject({ status: 'failed', detail: expect.stringMatching(/the disk is full/) });
    expect(checks.find((check) => check.name === 'database')).toMatchObject({ status: 'ok', detail: expect.stringMatching(/quick_check ok, 1 session \(the disk is full/) });
    for (const write of [quiz!, imported!]) {
      expect(write.code).toBe(1);
      expectOneLine(write.stderr, DISK_FULL);
    }
    expect((JSON.parse(after!.stdout) as { sessions: unknown[] }).sessions).toHaveLength(1);
    // The tmpfs is gone with the namespace; what the commands left is checked inside it below.
  }, 90_000);

  test('no probe or temp file is left in the data folder at 100%, and an answer that does not fit leaves every stored session whole', () => {
    const home = tempHome();
    const out = tempHome();
    const [doctor, big, history] = inNamespace(
      [`mount -t tmpfs -o size=1m tmpfs ${home}`, `node ${BIN} quiz sample --answers ${SHORT} > /dev/null`, `dd if=/dev/zero of=${home}/fill bs=4k 2> /dev/null`],
      [['doctor'], ['quiz', 'sample', '--answers', BIG], ['history', '--json']],
      { COACH_HOME: home },
    );
    expect(doctor!.code).toBe(1);
    expect(big!.code).toBe(1);
    expectOneLine(big!.stderr, DISK_FULL);
    expect(history!.code).toBe(0);
    // Same again with 60 KB free, listing the folder from inside the namespace.
    inNamespace(
      [
        `mount -t tmpfs -o size=1m tmpfs ${home}`,
        `node ${BIN} quiz sample --answers ${SHORT} > /dev/null`,
        `dd if=/dev/zero of=${home}/fill bs=4k 2> /dev/null`,
        `node ${BIN} doctor > /dev/null`,
        `ls -a ${home} > ${out}/full.ls`,
        `rm ${home}/fill`,
        `dd if=/dev/zero of=${home}/fill bs=1k count=$(( $(df -k ${home} | tail -1 | awk '{print $4}') - 60 )) 2> /dev/null`,
        `node ${BIN} quiz sample --answers ${BIG} > /dev/null 2> ${out}/big.err; echo $? > ${out}/big.code`,
        `rm ${home}/fill`,
        `cp ${home}/coach.db* ${out}/`,
      ],
      [],
      { COACH_HOME: home },
    );
    const left = readFileSync(join(out, 'full.ls'), 'utf8').split('\n').filter((name) => name && name !== '.' && name !== '..');
    expect(left.filter((name) => !/^(coach\.db(-wal|-shm)?|fill)$/.test(name))).toEqual([]);
    expect(readFileSync(join(out, 'big.code'), 'utf8').trim()).toBe('1');
    expectOneLine(readFileSync(join(out, 'big.err'), 'utf8'), DISK_FULL);
    const copy = join(out, 'copy');
    mkdirSync(copy);
    for (const name of readdirSync(out).filter((entry) => entry.startsWith('coach.db'))) writeFileSync(join(copy, name), readFileSync(join(out, name)));
    // Every stored session has its questions: the quiz stores a session and its questions in one transaction.
    for (const session of storedSessions(copy)) expect(session.questions.length, session.id).toBeGreaterThan(0);
  }, 90_000);
});

describe('the live database is never an output target', () => {
  test('backup, export and report onto coach.db or its -wal/-shm/-journal (by name, link or other spelling) are refused in one line', async () => {
    const home = tempHome();
    expect((await runCoach(['quiz', 'sample', '--answers', SHORT], { env: { COACH_HOME: home, COACH_TOPICS: FIXTURES } })).code).toBe(0);
    const db = join(home, 'coach.db');
    const before = hash(db);
    const dir = tempHome();
    symlinkSync(db, join(dir, 'link.db'));
    const targets = [db, `${db}-wal`, `${db}-shm`, `${db}-journal`, join(home, '..', home.split('/').pop()!, 'coach.db'), join(dir, 'link.db')];
    for (const target of targets) {
      for (const args of [['backup', target, '--force'], ['export', '--output', target, '--force'], ['report', '--format', 'md', '--output', target, '--force']]) {
        const result = await runCoach(args, { env: { COACH_HOME: home, COACH_TOPICS: FIXTURES } });
        expect(result.code, args.join(' ')).toBe(1);
        expectOneLine(result.stderr, /is the coach's own database \(or one of its files\); write to another name/);
      }
    }
    expect(hash(db)).toBe(before);
    expect(readdirSync(home).filter((name) => name.startsWith('coach.db'))).toEqual(['coach.db']);
    expect(checkDatabase(home)).toEqual(['ok']);
  }, 60_000);
});

describe('coach.db-shm or -wal that is not a regular file is named, not called read-only', () => {
  test.each(['coach.db-shm', 'coach.db-wal'])('%s a folder: quiz says so in one line; doctor fails its check', async (name) => {
    const home = tempHome();
    expect((await runCoach(['quiz', 'sample', '--answers', SHORT], { env: { COACH_HOME: home, COACH_TOPICS: FIXTURES } })).code).toBe(0);
    mkdirSync(join(home, name));
    const quiz = await runCoach(['quiz', 'sample', '--answers', SHORT], { env: { COACH_HOME: home, COACH_TOPICS: FIXTURES } });
    expect(quiz.code).toBe(1);
    expectOneLine(quiz.stderr, new RegExp(`${join(home, name)}: not a regular file \\(a folder\\)`));
    expect(quiz.stderr).not.toMatch(/read-only/);
    const doctor = await runCoach(['doctor'], { env: { COACH_HOME: home } });
    expect(doctor.code).toBe(1);
    expect(doctor.stdout).toMatch(new RegExp(`✖ database +${join(home, name)}: not a regular file \\(a folder\\)`));
  });
});

describe('coach import: a missing or unreadable path is a usage error (exit 2), like --answers and --topics', () => {
  test.each([
    ['missing', (dir: string) => join(dir, 'nope.json'), /nope\.json: no such file/],
    ['a folder', (dir: string) => dir, /: not a regular file \(a folder\)/],
    ['a FIFO', (dir: string) => (spawnSync('mkfifo', [join(dir, 'fifo.json')]), join(dir, 'fifo.json')), /fifo\.json: not a regular file \(a FIFO\)/],
    ['a dangling link', (dir: string) => (symlinkSync(join(dir, 'gone'), join(dir, 'l.json')), join(dir, 'l.json')), /l\.json: not a regular file \(a symbolic link to nothing\)/],
  ])('%s', async (_name, make, message) => {
    const result = await runCoach(['import', make(tempHome())], { env: { COACH_HOME: tempHome() } });
    expect(result.code).toBe(2);
    expectOneLine(result.stderr, message);
  });
});

describe('output files keep the mode of the file they replace; new ones get 0666 less the umask', () => {
  test('export, report and backup under umask 027', async () => {
    const home = tempHome();
    expect((await runCoach(['quiz', 'sample', '--answers', SHORT], { env: { COACH_HOME: home, COACH_TOPICS: FIXTURES } })).code).toBe(0);
    const dir = tempHome();
    const runs = [
      ['export', '--output', join(dir, 'new.json')],
      ['report', '--format', 'md', '--output', join(dir, 'new.md')],
      ['backup', join(dir, 'new.db')],
      ['export', '--output', join(dir, 'old.json'), '--force'],
      ['report', '--format', 'md', '--output', join(dir, 'old.md'), '--force'],
      ['backup', join(dir, 'old.db'), '--force'],
    ];
    for (const name of ['old.json', 'old.md', 'old.db']) {
      writeFileSync(join(dir, name), 'old');
      chmodSync(join(dir, name), 0o644);
    }
    const script = runs.map((args) => `node ${BIN} ${args.join(' ')} 2>/dev/null || echo failed: ${args[0]}`).join('; ');
    const run = spawnSync('sh', ['-c', `umask 027; ${script}`], { env: { ...process.env, COACH_HOME: home, COACH_TOPICS: FIXTURES } });
    expect(String(run.stdout)).toBe('');
    for (const name of ['new.json', 'new.md', 'new.db']) expect((statSync(join(dir, name)).mode & 0o777).toString(8), name).toBe('640');
    for (const name of ['old.json', 'old.md', 'old.db']) expect((statSync(join(dir, name)).mode & 0o777).toString(8), name).toBe('644');
  }, 60_000);
});

describe('a 0-byte coach.db (a crash before the first checkpoint) reads as an empty database', () => {
  test('history says there is nothing yet, and a quiz then saves into it', async () => {
    const home = tempHome();
    writeFileSync(join(home, 'coach.db'), '');
    const history = await runCoach(['history'], { env: { COACH_HOME: home } });
    expect(history).toMatchObject({ code: 0, stderr: '' });
    expect(history.stdout).toMatch(/No sessions yet/);
    expect((await runCoach(['quiz', 'sample', '--answers', SHORT], { env: { COACH_HOME: home, COACH_TOPICS: FIXTURES } })).code).toBe(0);
    expect(storedSessions(home)).toHaveLength(1);
  });
});

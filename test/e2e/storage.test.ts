import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { BIN, ROOT, runCoach, tempHome, writeFiles } from '../helpers/cli.js';
import { writeSessions } from '../helpers/sessions.js';
import { checkDatabase, storedSessions } from '../helpers/store.js';

const FIXTURES = join(ROOT, 'test', 'fixtures', 'topics');
const hash = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const READ_COMMANDS = [['history'], ['stats'], ['export'], ['review', '--list'], ['topics'], ['report']];

/** One `coach: ...` line on stderr, no stack trace. */
function expectOneLine(stderr: string, pattern: RegExp) {
  expect(stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(stderr).toMatch(/^coach: /);
  expect(stderr).toMatch(pattern);
  expect(stderr).not.toMatch(/^\s+at /m);
}

function mkfifo(path: string) {
  const made = spawnSync('mkfifo', [path]);
  if (made.status !== 0) throw new Error(`mkfifo failed: ${made.stderr}`);
}

async function scriptedQuiz(home: string, answer = 'Write the database first, then delete the key.') {
  const file = join(writeFiles(join(tempHome(), 'a'), { 'a.yaml': `sample-short:\n  answer: ${JSON.stringify(answer)}\n  self: { order: met, race: missed }\nsample-choice: b\n` }), 'a.yaml');
  const result = await runCoach(['quiz', '--answers', file, '--json'], { env: { COACH_HOME: home, COACH_TOPICS: FIXTURES } });
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as { id: string };
}

describe('first-version files that are damaged or unusual: reported with their path, never fatal, never blocking', () => {
  test('a session file that is a folder, a symlink loop or a FIFO; index and review-state files holding null or a folder', async () => {
    const home = tempHome();
    writeSessions(home, { count: 2 });
    const sessions = join(home, 'sessions');
    mkdirSync(join(sessions, '20300101-000000-dir0.json'));
    symlinkSync(join(sessions, '20300101-000000-loop.json'), join(sessions, '20300101-000000-loop.json'));
    mkfifo(join(sessions, '20300101-000000-fifo.json'));
    mkdirSync(join(home, 'index'));
    writeFileSync(join(home, 'index', 'sessions.json'), 'null');
    mkdirSync(join(home, 'review-state.json'));
    const first = await runCoach(['history', '--json'], { env: { COACH_HOME: home } });
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout).sessions).toHaveLength(2);
    const warnings = first.stderr.trimEnd().split('\n');
    expect(warnings).toHaveLength(3);
    expect(first.stderr).toContain(`${join(sessions, '20300101-000000-dir0.json')}: not a regular file (a folder)`);
    expect(first.stderr).toContain(`${join(sessions, '20300101-000000-loop.json')}: cannot be read (a symbolic link loop)`);
    expect(first.stderr).toContain(`${join(sessions, '20300101-000000-fifo.json')}: not a regular file (a FIFO)`);
    for (const args of READ_COMMANDS.slice(1)) {
      const result = await runCoach(args, { env: { COACH_HOME: home, COACH_TOPICS: FIXTURES } });
      expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(0);
      expect(result.stderr).not.toMatch(/internal error/);
    }
  }, 60_000);

  test('config.yaml that is a folder or a FIFO is one line naming it', async () => {
    for (const make of [(path: string) => mkdirSync(path), mkfifo]) {
      const home = tempHome();
      make(join(home, 'config.yaml'));
      const result = await runCoach(['config'], { env: { COACH_HOME: home } });
      expect(result.code).toBe(1);
      expectOneLine(result.stderr, new RegExp(`${join(home, 'config.yaml')}: is a (folder|FIFO), not a config file`));
    }
  });
});

describe('the database: every failure is one line naming the path, and nothing is overwritten', () => {
  test('COACH_HOME that is a file', async () => {
    const file = join(tempHome(), 'not-a-folder');
    writeFileSync(file, 'x');
    for (const args of READ_COMMANDS) {
      const result = await runCoach(args, { env: { COACH_HOME: file, COACH_TOPICS: FIXTURES } });
      expect(result.code, args.join(' ')).toBe(1);
      expectOneLine(result.stderr, new RegExp(`${file}: the data folder \\(COACH_HOME\\) is a file`));
    }
  });

  test('a damaged database: say so with restore advice, leave it byte for byte; doctor fails the check', async () => {
    const home = tempHome();
    await scriptedQuiz(home);
    const path = join(home, 'coach.db');
    const bytes = readFileSync(path);
    // Overwrite the middle of the file (past the header) with noise: pages of the tables.
    for (let index = 4096; index < bytes.length; index += 1) bytes[index] = (index * 7) % 251;
    writeFileSync(path, bytes);
    const before = hash(path);
    for (const args of [['history'], ['stats'], ['report']]) {
      const result = await runCoach(args, { env: { COACH_HOME: home, COACH_TOPICS: FIXTURES } });
      expect(result.code, args.join(' ')).toBe(1);
      expectOneLine(result.stderr, new RegExp(`${path}: the database is damaged .*restore a backup over it`));
    }
    const doctor = await runCoach(['doctor', '--json'], { env: { COACH_HOME: home } });
    expect(doctor.code).toBe(1);
    const check = (JSON.parse(doctor.stdout) as { checks: { name: string; status: string; detail: string }[] }).checks.find((entry) => entry.name === 'database')!;
    expect(check.status).toBe('failed');
    expect(check.detail).toMatch(/damage/);
    expect(hash(path)).toBe(before);
  });

  test('a file that is not a database at all, and a coach.db that is a folder', async () => {
    const home = tempHome();
    writeFileSync(join(home, 'coach.db'), 'hello, not SQLite\n'.repeat(300));
    const result = await runCoach(['history'], { env: { COACH_HOME: home } });
    expect(result.code).toBe(1);
    expectOneLine(result.stderr, /coach\.db: the database is damaged/);
    const other = tempHome();
    mkdirSync(join(other, 'coach.db'));
    const folder = await runCoach(['stats'], { env: { COACH_HOME: other } });
    expect(folder.code).toBe(1);
    expectOneLine(folder.stderr, /coach\.db: not a regular file \(a folder\)/);
  });

  test('a database from a newer version', async () => {
    const home = tempHome();
    await scriptedQuiz(home);
    const { default: Database } = await import('better-sqlite3');
    const db = new Database(join(home, 'coach.db'));
    db.pragma('user_version = 999');
    db.close();
    const before = hash(join(home, 'coach.db'));
    const result = await runCoach(['history'], { env: { COACH_HOME: home } });
    expect(result.code).toBe(1);
    expectOneLine(result.stderr, /coach\.db: written by a newer interview-coach \(database version 999/);
    expect(hash(join(home, 'coach.db'))).toBe(before);
  });

  test('a lock held too long: a write waits busy_timeout, then one line', async () => {
    const home = tempHome();
    const { id } = await scriptedQuiz(home);
    const { default: Database } = await import('better-sqlite3');
    const db = new Database(join(home, 'coach.db'));
    db.prepare('BEGIN IMMEDIATE').run();
    const started = Date.now();
    const result = await runCoach(['quiz', 'sample', '--answers', join(writeFiles(join(tempHome(), 'b'), { 'b.yaml': 'sample-choice: b\n' }), 'b.yaml')], { env: { COACH_HOME: home, COACH_TOPICS: FIXTURES } });
    db.prepare('ROLLBACK').run();
    db.close();
    expect(Date.now() - started).toBeGreaterThanOrEqual(4000);
    expect(result.code).toBe(1);
    expectOneLine(result.stderr, /coach\.db: locked by another coach process for too long/);
    expect(storedSessions(home).map((session) => session.id)).toEqual([id]);
  }, 30_000);
});

describe('a read-only data folder: read commands work, writes fail with one line', () => {
  /**
   * Runs coach commands with `dir` mounted read-only in a private mount
   * namespace (root in a container), or made read-only by permissions (a
   * normal user); returns each command's exit code and stderr.
   */
  function runReadOnly(dir: string, commands: string[][]): { code: number; stderr: string }[] {
    const out = tempHome();
    const script = commands.map((args, index) => `node ${BIN} ${args.map((arg) => `'${arg}'`).join(' ')} > /dev/null 2> ${out}/${index}.err; echo $? > ${out}/${index}.code`).join('\n');
    const env = { ...process.env, COACH_HOME: dir, COACH_TOPICS: FIXTURES };
    if (process.getuid?.() === 0) {
      const made = spawnSync('unshare', ['-m', 'sh', '-c', `mount --bind ${dir} ${dir} && mount -o remount,ro,bind ${dir} ${dir} && ${script.replaceAll('\n', ' ; ')}`], { env });
      if (made.status !== 0) throw new Error(`unshare failed: ${made.stderr}`);
    } else {
      chmodSync(dir, 0o555);
      spawnSync('sh', ['-c', script], { env });
      chmodSync(dir, 0o755);
    }
    return commands.map((_, index) => ({ code: Number(readFileSync(join(out, `${index}.code`), 'utf8')), stderr: readFileSync(join(out, `${index}.err`), 'utf8') }));
  }

  test('with a database: history, stats, export and report read it; a new quiz is refused', async () => {
    const home = tempHome();
    await scriptedQuiz(home);
    const answers = join(writeFiles(join(tempHome(), 'b'), { 'b.yaml': 'sample-choice: b\n' }), 'b.yaml');
    const [history, stats, exported, report, quiz] = runReadOnly(home, [['history'], ['stats'], ['export'], ['report'], ['quiz', 'sample', '--answers', answers]]);
    for (const result of [history, stats, exported, report]) expect(result, result!.stderr).toEqual({ code: 0, stderr: '' });
    expect(quiz!.code).toBe(1);
    expectOneLine(quiz!.stderr, /coach\.db: read-only, so nothing can be saved/);
    expect(storedSessions(home)).toHaveLength(1);
  }, 60_000);

  test('with first-version JSON files and no database: history reads them', async () => {
    const home = tempHome();
    writeSessions(home, { count: 3 });
    const [history] = runReadOnly(home, [['history']]);
    expect(history).toEqual({ code: 0, stderr: '' });
    expect(statSync(join(home, 'coach.db'), { throwIfNoEntry: false })).toBeUndefined();
  });
});

describe('a full disk (a 400 KB tmpfs): exit 1 with one line, every earlier answer kept', () => {
  test('a long answer that does not fit', async () => {
    if (process.getuid?.() !== 0) throw new Error('this test mounts a tmpfs in a private mount namespace and needs root (as in CI containers)');
    const home = tempHome();
    const out = tempHome();
    const small = join(writeFiles(join(tempHome(), 'a'), { 'a.yaml': 'sample-short:\n  answer: kept answer\n  self: { order: met, race: met }\nsample-choice: b\n' }), 'a.yaml');
    const big = join(writeFiles(join(tempHome(), 'b'), { 'b.yaml': `sample-short:\n  answer: ${'lorem ipsum dolor sit amet '.repeat(20_000)}\n  self: { order: met, race: met }\nsample-choice: b\n` }), 'b.yaml');
    const env = { ...process.env, COACH_HOME: home, COACH_TOPICS: FIXTURES };
    const script = [
      // 400 KB: room for a fresh coach.db, its write-ahead log and one short session, not for a 540 KB answer.
      `mount -t tmpfs -o size=400k tmpfs ${home}`,
      `node ${BIN} quiz sample --answers ${small} > /dev/null 2> ${out}/small.err; echo $? > ${out}/small.code`,
      `node ${BIN} quiz sample --answers ${big} > /dev/null 2> ${out}/big.err; echo $? > ${out}/big.code`,
      `node ${BIN} export > ${out}/export.json 2> ${out}/export.err`,
      `node ${BIN} doctor --json > ${out}/doctor.json`,
    ].join(' ; ');
    const run = spawnSync('unshare', ['-m', 'sh', '-c', script], { env });
    expect(run.status, String(run.stderr)).toBe(0);
    expect(readFileSync(join(out, 'small.code'), 'utf8').trim()).toBe('0');
    expect(readFileSync(join(out, 'big.code'), 'utf8').trim()).toBe('1');
    expectOneLine(readFileSync(join(out, 'big.err'), 'utf8'), /coach\.db: the disk is full; nothing from this step was saved/);
    const exported = JSON.parse(readFileSync(join(out, 'export.json'), 'utf8')) as { records: { questions: { answer: { text: string } | null }[] }[] };
    expect(exported.records.some((record) => record.questions.some((item) => item.answer?.text === 'kept answer'))).toBe(true);
    const doctor = JSON.parse(readFileSync(join(out, 'doctor.json'), 'utf8')) as { checks: { name: string; status: string }[] };
    expect(doctor.checks.find((check) => check.name === 'database')?.status).toBe('ok');
  }, 60_000);
});

describe('export, import and backup', () => {
  test('export -> import into an empty folder -> export gives the same JSON; a second import skips; conflicts are reported', async () => {
    const home = tempHome();
    writeSessions(home, { count: 5 });
    await scriptedQuiz(home);
    const first = await runCoach(['export'], { env: { COACH_HOME: home } });
    const file = join(tempHome(), 'history.json');
    writeFileSync(file, first.stdout);
    const other = tempHome();
    const imported = await runCoach(['import', file], { env: { COACH_HOME: other } });
    expect(imported).toMatchObject({ code: 0, stdout: `Imported 6 sessions from ${file}; 0 already here.\n` });
    expect((await runCoach(['export'], { env: { COACH_HOME: other } })).stdout).toBe(first.stdout);
    const again = await runCoach(['import', file], { env: { COACH_HOME: other } });
    expect(again.stdout).toBe(`Imported 0 sessions from ${file}; 6 already here.\n`);
    const changed = JSON.parse(first.stdout) as { records: { id: string; seed: number | null }[] };
    changed.records[0]!.seed = (changed.records[0]!.seed ?? 0) + 1;
    writeFileSync(file, JSON.stringify(changed));
    const conflict = await runCoach(['import', file], { env: { COACH_HOME: other } });
    expect(conflict.code).toBe(0);
    expect(conflict.stderr).toContain(`session ${changed.records[0]!.id} differs from the one already stored; kept the stored one`);
  }, 60_000);

  test.each([
    ['not JSON', (dir: string) => join(writeFiles(dir, { 'x.json': '{"records": [' }), 'x.json'), /x\.json: not valid JSON/],
    ['not an export', (dir: string) => join(writeFiles(dir, { 'y.json': '{"sessions": []}' }), 'y.json'), /y\.json: not a coach export/],
    ['a bad record', (dir: string) => join(writeFiles(dir, { 'z.json': '{"records": [{"id": 1}]}' }), 'z.json'), /z\.json: records\[0\]: not a valid session/],
  ])('import of %s is one line', async (_name, make, message) => {
    const result = await runCoach(['import', make(tempHome())], { env: { COACH_HOME: tempHome() } });
    expect(result.code).toBe(1);
    expectOneLine(result.stderr, message);
  });

  test('backup writes a consistent copy that opens as a data folder of its own', async () => {
    const home = tempHome();
    const { id } = await scriptedQuiz(home);
    const copy = join(tempHome(), 'restored');
    mkdirSync(copy);
    const result = await runCoach(['backup', join(copy, 'coach.db')], { env: { COACH_HOME: home } });
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/^Backed up 1 session from .*coach\.db to /);
    expect(checkDatabase(copy)).toEqual(['ok']);
    expect(storedSessions(copy).map((session) => session.id)).toEqual([id]);
    const again = await runCoach(['backup', join(copy, 'coach.db')], { env: { COACH_HOME: home } });
    expect(again.code).toBe(1);
    expectOneLine(again.stderr, /already exists; use --force/);
  });
});

describe('--output writes only regular files', () => {
  test('a missing folder, a folder, a device, a FIFO and a symlink are one line; --force never replaces a symlink or device', async () => {
    const home = tempHome();
    await scriptedQuiz(home);
    const dir = tempHome();
    mkfifo(join(dir, 'fifo'));
    writeFileSync(join(dir, 'real.txt'), 'keep');
    symlinkSync(join(dir, 'real.txt'), join(dir, 'link.txt'));
    const cases: [string, boolean, RegExp][] = [
      [join(dir, 'missing', 'out.csv'), false, /missing\/out\.csv: the folder .*missing does not exist/],
      [dir, true, /is a folder; give a file name/],
      ['/dev/null', true, /\/dev\/null: is a device, not a regular file; it is never replaced/],
      [join(dir, 'fifo'), true, /fifo: is a FIFO, not a regular file/],
      [join(dir, 'link.txt'), true, /link\.txt: is a symbolic link; it is never replaced/],
    ];
    for (const [target, force, message] of cases) {
      for (const args of [['export', '--format', 'csv', '--output', target], ['report', '--format', 'md', '--output', target]]) {
        const result = await runCoach(force ? [...args, '--force'] : args, { env: { COACH_HOME: home, COACH_TOPICS: FIXTURES } });
        expect(result.code, `${args.join(' ')}`).toBe(1);
        expectOneLine(result.stderr, message);
      }
    }
    expect(readFileSync(join(dir, 'real.txt'), 'utf8')).toBe('keep');
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
  }, 60_000);
});

import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, copyFileSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { BIN, ROOT, runProcess, type RunResult } from '../helpers/cli.js';

/**
 * Every path a user names (lint paths, --topics and COACH_TOPICS folders,
 * --answers, import FILE, calibrate FILE, --output and backup targets), when a
 * folder above it cannot be searched, the folder itself cannot be listed, the
 * file cannot be read, or the path runs through a symbolic link loop or a file:
 * one line `coach: …` naming the path and saying why in words, exit 1 or 2,
 * never a stack. Run as nobody (through setpriv, as root can read anything).
 */
const SAMPLE = join(ROOT, 'test', 'fixtures', 'topics', 'sample.yaml');
let dir = '';

beforeAll(() => {
  if (process.getuid?.() !== 0) throw new Error('these cases run the CLI as nobody through setpriv, which needs root (as in CI containers)');
  dir = mkdtempSync(join(tmpdir(), 'paths-'));
  chmodSync(dir, 0o755);
  // L: root's, mode 700 (nobody cannot search it). M/sub: searchable, not listable. U: files nobody may not read.
  for (const folder of ['L/sub', 'M/sub', 'U', 'home']) mkdirSync(join(dir, folder), { recursive: true });
  for (const folder of ['L', 'U']) {
    writeFileSync(join(dir, folder, 'exp.json'), '{"records": []}');
    writeFileSync(join(dir, folder, 'ans.yaml'), 'sample-choice: b\n');
    writeFileSync(join(dir, folder, 'cal.csv'), 'question,reference_answer,answer,human_score,max_score\n');
  }
  copyFileSync(SAMPLE, join(dir, 'L', 'sub', 'sample.yaml'));
  copyFileSync(SAMPLE, join(dir, 'M', 'sub', 'sample.yaml'));
  copyFileSync(SAMPLE, join(dir, 'U', 't.yaml'));
  for (const name of ['exp.json', 'ans.yaml', 'cal.csv', 't.yaml']) chmodSync(join(dir, 'U', name), 0o600);
  chmodSync(join(dir, 'L'), 0o700);
  chmodSync(join(dir, 'M', 'sub'), 0o711);
  chownSync(join(dir, 'home'), 65534, 65534);
  symlinkSync('loop', join(dir, 'loop'));
  writeFileSync(join(dir, 'file'), 'a file\n');
});

function asNobody(args: string[], env: Record<string, string> = {}): Promise<RunResult> {
  const vars = Object.entries({ PATH: '/usr/bin:/bin', HOME: join(dir, 'home'), COACH_HOME: join(dir, 'home'), XDG_CACHE_HOME: join(dir, 'home', 'cache'), ...env }).map(([key, value]) => `${key}=${value}`);
  return runProcess('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', 'env', '-i', ...vars, process.execPath, BIN, ...args], { env: process.env, cwd: dir });
}

describe('a user-named path that cannot be searched, listed, read or followed: one line in words', () => {
  const cases: [string[], Record<string, string>, number, RegExp][] = [
    // A folder above the path may not be searched (L is 700, root's).
    [['import', 'L/exp.json'], {}, 2, /^coach: L\/exp\.json: cannot be read \(permission denied\)$/],
    [['quiz', '--answers', 'L/ans.yaml'], {}, 2, /^coach: L\/ans\.yaml: cannot be read \(permission denied\)$/],
    [['interview', '--answers', 'L/ans.yaml'], {}, 2, /^coach: L\/ans\.yaml: cannot be read \(permission denied\)$/],
    [['review', '--answers', 'L/ans.yaml'], {}, 2, /^coach: L\/ans\.yaml: cannot be read \(permission denied\)$/],
    [['cram', '--answers', 'L/ans.yaml'], {}, 2, /^coach: L\/ans\.yaml: cannot be read \(permission denied\)$/],
    [['review', '--answers', 'missing.yaml'], {}, 2, /^coach: answers file not found: missing\.yaml$/],
    [['calibrate', 'L/cal.csv'], {}, 2, /^coach: L\/cal\.csv: cannot be read \(permission denied\)$/],
    [['lint', 'L/sub'], {}, 2, /^coach: L\/sub: cannot be read \(permission denied\)$/],
    [['lint', 'L/sub/sample.yaml'], {}, 2, /^coach: L\/sub\/sample\.yaml: cannot be read \(permission denied\)$/],
    [['topics', '--topics', 'L/sub'], {}, 2, /^coach: topic folder cannot be read \(permission denied\): \S+\/L\/sub \(from --topics\)$/],
    [['export', '--output', 'L/o.json'], {}, 1, /^coach: L\/o\.json: the folder L cannot be searched \(permission denied\)$/],
    [['backup', 'L/b.db'], {}, 1, /^coach: L\/b\.db: the folder L cannot be searched \(permission denied\)$/],
    // A folder that may be searched but not listed (711).
    [['lint', 'M/sub'], {}, 2, /^coach: topic folder cannot be read \(permission denied\): M\/sub$/],
    [['topics', '--topics', 'M/sub'], {}, 2, /^coach: topic folder cannot be read \(permission denied\): \S+\/M\/sub \(from --topics\)$/],
    [['lint'], { COACH_TOPICS: 'M/sub' }, 2, /^coach: topic folder cannot be read \(permission denied\): \S+\/M\/sub \(from COACH_TOPICS\)$/],
    [['quiz', '--answers', 'U/ans.yaml'], { COACH_TOPICS: 'L/sub' }, 2, /^coach: topic folder cannot be read \(permission denied\): \S+\/L\/sub \(from COACH_TOPICS\)$/],
    [['topics'], { COACH_TOPICS: 'M/sub' }, 2, /^coach: topic folder cannot be read \(permission denied\): \S+\/M\/sub \(from COACH_TOPICS\)$/],
    // The file itself may not be read (600, root's).
    [['import', 'U/exp.json'], {}, 2, /^coach: U\/exp\.json: cannot be read \(permission denied\)$/],
    [['quiz', '--answers', 'U/ans.yaml'], {}, 2, /^coach: U\/ans\.yaml: cannot be read \(permission denied\)$/],
    [['calibrate', 'U/cal.csv'], {}, 2, /^coach: U\/cal\.csv: cannot be read \(permission denied\)$/],
    // Through a symbolic link loop, or through a file.
    [['lint', 'loop/x.yaml'], {}, 2, /^coach: loop\/x\.yaml: cannot be read \(a symbolic link loop\)$/],
    [['quiz', '--answers', 'loop/a.yaml'], {}, 2, /^coach: loop\/a\.yaml: cannot be read \(a symbolic link loop\)$/],
    [['quiz', '--answers', 'loop'], {}, 2, /^coach: loop: not a regular file \(a symbolic link loop\)$/],
    [['import', 'loop/e.json'], {}, 2, /^coach: loop\/e\.json: cannot be read \(a symbolic link loop\)$/],
    [['calibrate', 'loop'], {}, 2, /^coach: loop: not a regular file \(a symbolic link loop\)$/],
    [['topics', '--topics', 'loop'], {}, 2, /^coach: topic folder cannot be read \(a symbolic link loop\): \S+\/loop \(from --topics\)$/],
    [['export', '--output', 'loop/o.json'], {}, 1, /^coach: loop\/o\.json: the folder loop cannot be reached \(a symbolic link loop\)$/],
    [['backup', 'loop/b.db'], {}, 1, /^coach: loop\/b\.db: the folder loop cannot be reached \(a symbolic link loop\)$/],
    [['lint', 'file/x.yaml'], {}, 2, /^coach: file\/x\.yaml: cannot be read \(part of its path is a file, not a folder\)$/],
    [['import', 'file/e.json'], {}, 2, /^coach: file\/e\.json: cannot be read \(part of its path is a file, not a folder\)$/],
    [['topics', '--topics', 'file/x'], {}, 2, /^coach: topic folder cannot be read \(part of its path is a file, not a folder\): \S+\/file\/x \(from --topics\)$/],
  ];
  test('every case: one line, the right exit, never a stack', async () => {
    const results: RunResult[] = [];
    for (let index = 0; index < cases.length; index += 2) results.push(...(await Promise.all(cases.slice(index, index + 2).map(([args, env]) => asNobody(args, env)))));
    cases.forEach(([args, env, code, message], index) => {
      const result = results[index]!;
      const label = `${JSON.stringify(env)} coach ${args.join(' ')}: ${result.stderr}`;
      expect(result.stderr.trimEnd(), label).toMatch(message);
      expect(result.stderr.trimEnd().split('\n'), label).toHaveLength(1);
      expect(result.code, label).toBe(code);
      expect(result.stdout, label).toBe('');
    });
  }, 120_000);

  test('calibrate on a FIFO or a folder: never opened, one line, exit 2', async () => {
    spawnSync('mkfifo', [join(dir, 'fifo.csv')]);
    for (const [name, kind] of [['fifo.csv', 'a FIFO'], ['U', 'a folder']] as const) {
      const result = await asNobody(['calibrate', name]);
      expect(result.stderr).toBe(`coach: ${name}: not a regular file (${kind})\n`);
      expect(result.code).toBe(2);
    }
  });

  test('inside a lint folder, an unreadable file or a loop is a located problem, and the rest is still linted', async () => {
    const lint = await asNobody(['lint', 'U/t.yaml', 'loop', '--no-color']);
    expect(lint.stdout).toContain('U/t.yaml:1:1  cannot be read (permission denied); skipped\n');
    expect(lint.stdout).toContain('loop:1:1  not a regular file (a symbolic link loop); skipped\n');
    expect(lint.stderr).not.toMatch(/internal error|\n\s+at /);
    expect(lint.code).toBe(1);
  });
});

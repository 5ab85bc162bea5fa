import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { BIN, runCoach, tempHome } from '../helpers/cli.js';
import { needRoot } from '../helpers/faults.js';

/**
 * Every byte written to stdout/stderr arrives, or the command ends with ONE line on
 * stderr and exit 1: a nearly full disk (short write), /dev/full, a failing stderr.
 * A reader that closes early (`| head`) stays quiet and successful.
 */
let home: string;
let work: string;
const FULL = 'coach: standard output: the disk is full; the output is incomplete\n';

/** Runs `script` with sh in `work`, COACH_HOME set; `$C` is the built CLI. */
function shell(script: string, { namespace = false } = {}) {
  const args = namespace ? ['-m', 'sh', '-c', script] : ['-c', script];
  const run = spawnSync(namespace ? 'unshare' : 'sh', args, { cwd: work, encoding: 'utf8', env: { PATH: process.env.PATH, HOME: '/nonexistent', COACH_HOME: home, C: `${process.execPath} ${BIN}` } });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

beforeAll(async () => {
  home = join(tempHome(), 'data');
  work = tempHome();
  writeFileSync(join(work, 'a.yaml'), 'eviction-lru: c\n');
  // A few sessions, so export and report are far larger than the 64 KiB file system below.
  for (let index = 0; index < 3; index++) expect((await runCoach(['quiz', 'caching', '--answers', join(work, 'a.yaml'), '--json'], { env: { COACH_HOME: home } })).code).toBe(0);
}, 60_000);

describe('a redirected output on a disk that fills up: exit 1 and one line, never a silent cut', () => {
  test.each([
    ['export', 'h.json', 0],
    ['report --format html', 'r.html', 0],
    // One quiz's JSON is ~48 KiB: half the disk is taken first.
    ['quiz caching --answers a.yaml --json', 'q.json', 32],
  ])('%s > a 64 KiB tmpfs (%s, %i KiB already used)', (command, file, used) => {
    needRoot('mounting a small tmpfs in a private mount namespace');
    mkdirSync(join(work, 'm'), { recursive: true });
    const run = shell(`mount -t tmpfs -o size=64k tmpfs m && head -c ${used * 1024} /dev/zero > m/used && $C ${command} > m/${file} 2> err; echo $? > code; wc -c < m/${file} > size`, { namespace: true });
    expect(run.code).toBe(0);
    expect(readFileSync(join(work, 'err'), 'utf8')).toBe(FULL);
    expect(readFileSync(join(work, 'code'), 'utf8').trim()).toBe('1');
    expect(Number(readFileSync(join(work, 'size'), 'utf8'))).toBeGreaterThan(0);
  });

  test('the same output fits on a large enough disk: written whole, exit 0, nothing on stderr', () => {
    const run = shell('$C export > whole.json');
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(readFileSync(join(work, 'whole.json'), 'utf8')).records.length).toBeGreaterThanOrEqual(3);
  });
});

describe('writing to /dev/full: one line, exit 1, no stack trace', () => {
  test.each(['export', 'export --format csv', 'report --format md', 'report --format json', 'history', 'stats --json', 'schema', '--version'])('%s > /dev/full', (command) => {
    const run = shell(`$C ${command} > /dev/full`);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(FULL);
  });

  test('lint with problems > /dev/full says the output is incomplete, once', () => {
    mkdirSync(join(work, 'bad'), { recursive: true });
    writeFileSync(join(work, 'bad', 'x.yaml'), 'id: y\n');
    const run = shell('$C lint bad > /dev/full');
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(FULL);
  });

  test('a failing stderr still fails the command (exit 1), and prints nothing else', () => {
    const run = shell('$C lint bad 2> /dev/full');
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('bad/x.yaml:1:1');
  });
});

describe('a reader that stops early stays quiet', () => {
  test.each(['export', 'report --format html', 'schema'])('%s | head -c 10: exit 0, nothing on stderr', (command) => {
    const run = shell(`$C ${command} 2> err | head -c 10; echo " $?" ; cat err`);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^.{10} 0\n$/s);
  });

  test('> /dev/null is a success', () => {
    expect(shell('$C export > /dev/null')).toMatchObject({ code: 0, stderr: '' });
  });
});

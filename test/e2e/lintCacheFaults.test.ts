import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { BIN, runCoach, tempHome, writeFiles } from '../helpers/cli.js';

/**
 * The lint cache is optional: whatever is wrong with its folder or file, a
 * lint prints exactly what a lint without a cache prints, exits the same, says
 * nothing about the cache and leaves no temp file behind.
 */
const TOPIC = `id: good
title: Good
questions:
  - id: q1
    type: short
    prompt: Why?
    rubric: [{ id: a, points: 0, criterion: Says why. }]
`;

function topics(): string {
  const dir = writeFiles(join(tempHome(), 't'), { 'a.yaml': TOPIC, 'b.yaml': TOPIC.replace('id: good', 'id: other').replace('points: 0', 'points: 2') });
  chmodSync(join(dir, '..'), 0o755);
  return dir;
}

/** What lint says with no cache at all (neither XDG_CACHE_HOME nor HOME). */
async function uncached(dir: string) {
  const result = await runCoach(['lint', dir, '--no-color'], { env: { HOME: undefined, XDG_CACHE_HOME: undefined }, cwd: dir });
  expect(result.code).toBe(1);
  expect(result.stdout).toBe('a.yaml:7:31  questions[0].rubric[0].points: must be greater than 0, found 0\n');
  return result;
}

/** Every name under `dir`, recursively (a temp file anywhere is a leftover). */
function names(dir: string): string[] {
  return readdirSync(dir, { recursive: true }).map(String).sort();
}

describe('a broken lint cache never changes a lint', () => {
  const cases: [string, (cache: string) => void, string[]][] = [
    ['XDG_CACHE_HOME a dangling symbolic link', (cache) => symlinkSync(join(cache, '..', 'nowhere'), cache), []],
    ['XDG_CACHE_HOME a regular file', (cache) => writeFileSync(cache, 'not a folder'), []],
    ['XDG_CACHE_HOME a symbolic link loop', (cache) => symlinkSync(cache, cache), []],
    ['lint-cache.json a folder', (cache) => mkdirSync(join(cache, 'interview-coach', 'lint-cache.json'), { recursive: true }), ['interview-coach', join('interview-coach', 'lint-cache.json')]],
    ['lint-cache.json a FIFO (never opened, so never blocks)', (cache) => {
      mkdirSync(join(cache, 'interview-coach'), { recursive: true });
      spawnSync('mkfifo', [join(cache, 'interview-coach', 'lint-cache.json')]);
    }, ['interview-coach', join('interview-coach', 'lint-cache.json')]],
  ];
  test.each(cases)('%s: same output, no message, no leftover', async (_name, make, left) => {
    const dir = topics();
    const expected = await uncached(dir);
    const cache = join(tempHome(), 'cache');
    make(cache);
    for (let run = 0; run < 2; run += 1) {
      const result = await runCoach(['lint', dir, '--no-color'], { env: { XDG_CACHE_HOME: cache }, cwd: dir });
      expect(result).toEqual(expected);
    }
    if (left.length > 0) expect(names(cache)).toEqual(left);
  });

  test('a read-only cache folder (as a normal user) and a read-only mount: same output, nothing written', async () => {
    const dir = topics();
    const expected = await uncached(dir);
    const cache = join(tempHome(), 'cache');
    mkdirSync(cache);
    chmodSync(join(cache, '..'), 0o755);
    const asNobody = spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', 'env', `XDG_CACHE_HOME=${cache}`, 'PATH=/usr/bin:/bin', process.execPath, BIN, 'lint', dir, '--no-color'], { cwd: dir, encoding: 'utf8' });
    expect({ code: asNobody.status, stdout: asNobody.stdout, stderr: asNobody.stderr }).toEqual(expected);
    expect(names(cache)).toEqual([]);

    const out = join(tempHome(), 'out');
    const script = [`mount --bind ${cache} ${cache}`, `mount -o remount,bind,ro ${cache}`, `node ${BIN} lint ${dir} --no-color > ${out}.stdout 2> ${out}.stderr; echo $? > ${out}.code`, `ls -A ${cache} > ${out}.ls`];
    const run = spawnSync('unshare', ['-m', 'sh', '-c', script.join(' ; ')], { cwd: dir, env: { ...process.env, XDG_CACHE_HOME: cache } });
    expect(run.status).toBe(0);
    expect({ code: Number(readFileSync(`${out}.code`, 'utf8')), stdout: readFileSync(`${out}.stdout`, 'utf8'), stderr: readFileSync(`${out}.stderr`, 'utf8') }).toEqual(expected);
    expect(readFileSync(`${out}.ls`, 'utf8')).toBe('');
  });

  test('a full disk: same output, and no 0-byte temp file left', async () => {
    const dir = topics();
    const expected = await uncached(dir);
    const cache = join(tempHome(), 'cache');
    mkdirSync(join(cache), { recursive: true });
    const out = join(tempHome(), 'out');
    const script = [
      `mount -t tmpfs -o size=64k tmpfs ${cache}`,
      `mkdir ${cache}/interview-coach`,
      `dd if=/dev/zero of=${cache}/fill bs=4k 2> /dev/null`,
      `node ${BIN} lint ${dir} --no-color > ${out}.stdout 2> ${out}.stderr; echo $? > ${out}.code`,
      `ls -A ${cache}/interview-coach > ${out}.ls`,
    ];
    const run = spawnSync('unshare', ['-m', 'sh', '-c', script.join(' ; ')], { cwd: dir, env: { ...process.env, XDG_CACHE_HOME: cache } });
    expect(run.status).toBe(0);
    expect({ code: Number(readFileSync(`${out}.code`, 'utf8')), stdout: readFileSync(`${out}.stdout`, 'utf8'), stderr: readFileSync(`${out}.stderr`, 'utf8') }).toEqual(expected);
    expect(readFileSync(`${out}.ls`, 'utf8')).toBe('');
  });
});

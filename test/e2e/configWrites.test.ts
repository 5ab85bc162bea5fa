import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runCoach, type RunResult } from '../helpers/cli.js';
import { inNamespace, needRoot, runAsNobody } from '../helpers/faults.js';

/**
 * `coach config set/unset` end to end: every environment fault is one line
 * naming the path with nothing changed, and a write keeps everything of
 * config.yaml but the one setting (comments, links, owner, group, mode).
 */
const ORIGINAL = '# mine\nplan:\n  minutes: 30 # daily\n';

/** A world-searchable base folder, so the permission cases can run as nobody. */
function base(): string {
  const dir = mkdtempSync(join(tmpdir(), 'config-writes-'));
  chmodSync(dir, 0o755);
  return dir;
}

function mkfifo(path: string): void {
  expect(spawnSync('mkfifo', [path]).status).toBe(0);
}

function expectOneLine(result: RunResult, named: string, what: string): void {
  expect(result.code, what).toBe(1);
  expect(result.stdout, what).toBe('');
  expect(`${result.stderr}`, what).not.toMatch(/internal error|^\s+at |YAMLWarning/m);
  expect(result.stderr.trimEnd().split('\n'), what).toHaveLength(1);
  expect(result.stderr, what).toMatch(/^coach: /);
  expect(result.stderr, what).toContain(named);
}

/** Odd config folders and config.yaml files: [name, make → COACH_HOME and the path the message must name]. */
const KINDS: [string, (dir: string) => { home: string; named: string }][] = [
  ['COACH_HOME a dangling link', (dir) => (symlinkSync(join(dir, 'nowhere'), join(dir, 'h')), { home: join(dir, 'h'), named: join(dir, 'h') })],
  ['COACH_HOME a FIFO', (dir) => (mkfifo(join(dir, 'h')), { home: join(dir, 'h'), named: `${join(dir, 'h')} is a FIFO, not a folder` })],
  ['COACH_HOME a file', (dir) => (writeFileSync(join(dir, 'h'), 'x'), { home: join(dir, 'h'), named: `${join(dir, 'h')} is a file, not a folder` })],
  ['COACH_HOME under a file', (dir) => (writeFileSync(join(dir, 'f'), 'x'), { home: join(dir, 'f', 'h'), named: `${join(dir, 'f')} is a file, not a folder` })],
  ['COACH_HOME a link loop', (dir) => (symlinkSync(join(dir, 'h'), join(dir, 'h')), { home: join(dir, 'h'), named: `${join(dir, 'h')} is a symbolic link loop` })],
  ['config.yaml a folder', (dir) => (mkdirSync(join(dir, 'h', 'config.yaml'), { recursive: true }), { home: join(dir, 'h'), named: `${join(dir, 'h', 'config.yaml')}: is a folder` })],
  ['config.yaml a FIFO', (dir) => (mkdirSync(join(dir, 'h')), mkfifo(join(dir, 'h', 'config.yaml')), { home: join(dir, 'h'), named: `${join(dir, 'h', 'config.yaml')}: is a FIFO` })],
  ['config.yaml a link loop', (dir) => (mkdirSync(join(dir, 'h')), symlinkSync('config.yaml', join(dir, 'h', 'config.yaml')), { home: join(dir, 'h'), named: `${join(dir, 'h', 'config.yaml')}: is a symbolic link loop` })],
];

const EDITS = [
  ['config', 'set', 'plan.minutes', '45'],
  ['config', 'unset', 'plan.minutes'],
  ['config'],
];

describe('coach config set/unset against odd kinds of COACH_HOME and config.yaml: one line naming the path, nothing changed', () => {
  test.each(KINDS)('%s', async (name, make) => {
    const dir = base();
    const { home, named } = make(dir);
    const before = readdirSync(dir);
    for (const args of EDITS) {
      const result = await runCoach(args, { env: { COACH_HOME: home } });
      // Through a dangling COACH_HOME there is simply no config.yaml to show; only writing it fails.
      if (name === 'COACH_HOME a dangling link' && args.length === 1) expect(result.code).toBe(0);
      else expectOneLine(result, named, `${name}: coach ${args.join(' ')}`);
    }
    expect(readdirSync(dir)).toEqual(before);
  });
});

describe('coach config set/unset where nothing can be written: one line naming the path, config.yaml byte for byte as it was', () => {
  test('a read-only mount', () => {
    const dir = base();
    const home = join(dir, 'h');
    mkdirSync(home);
    writeFileSync(join(home, 'config.yaml'), ORIGINAL);
    const results = inNamespace([`mount --bind ${home} ${home}`, `mount -o remount,bind,ro ${home}`], EDITS.slice(0, 2), { COACH_HOME: home });
    for (const result of results) {
      expectOneLine(result, `${join(home, 'config.yaml')}: ${home} is on a read-only file system; nothing was written`, 'read-only');
    }
    expect(readFileSync(join(home, 'config.yaml'), 'utf8')).toBe(ORIGINAL);
  });

  test('a full disk (a 64 KB tmpfs): no temp file left', () => {
    const dir = base();
    const home = join(dir, 'h');
    mkdirSync(home);
    const results = inNamespace(
      [`mount -t tmpfs -o size=64k tmpfs ${home}`, `printf '${ORIGINAL.replaceAll('\n', '\\n')}' > ${home}/config.yaml`, `dd if=/dev/zero of=${home}/fill bs=4k 2>/dev/null`],
      [...EDITS.slice(0, 2), ['config', '--json']],
      { COACH_HOME: home },
    );
    // The tmpfs goes with the namespace: what is left in it is seen through the last run (config --json reads config.yaml).
    for (const result of results.slice(0, 2)) expectOneLine(result, `${join(home, 'config.yaml')}: the disk holding ${home} is full; nothing was written`, 'full');
    expect(results[2]!.code).toBe(0);
    expect(JSON.parse(results[2]!.stdout).settings.find((row: { key: string }) => row.key === 'plan.minutes').value).toBe('30');
  });

  test('a folder this user may not write (as nobody), though config.yaml itself is writable', async () => {
    const dir = base();
    const home = join(dir, 'h');
    mkdirSync(home, { mode: 0o755 });
    chmodSync(home, 0o755);
    writeFileSync(join(home, 'config.yaml'), ORIGINAL);
    chmodSync(join(home, 'config.yaml'), 0o666);
    for (const args of EDITS.slice(0, 2)) {
      expectOneLine(await runAsNobody(args, { COACH_HOME: home }), `${join(home, 'config.yaml')}: no permission to create files in ${home}`, args.join(' '));
    }
    expect(readFileSync(join(home, 'config.yaml'), 'utf8')).toBe(ORIGINAL);
    expect(readdirSync(home)).toEqual(['config.yaml']);
  });

  test('a config folder that cannot be created (under a root-only folder, as nobody)', async () => {
    const dir = base();
    mkdirSync(join(dir, 'locked'));
    chmodSync(join(dir, 'locked'), 0o755);
    const home = join(dir, 'locked', 'h');
    expectOneLine(await runAsNobody(EDITS[0]!, { COACH_HOME: home }), join(home, 'config.yaml'), 'uncreatable');
    expect(readdirSync(join(dir, 'locked'))).toEqual([]);
  });
});

describe('coach config set never damages config.yaml', () => {
  test('a symbolic link (a dotfile manager) is written through: comments kept, link kept', async () => {
    const dir = base();
    mkdirSync(join(dir, 'h'));
    mkdirSync(join(dir, 'dot'));
    writeFileSync(join(dir, 'dot', 'config.yaml'), ORIGINAL);
    symlinkSync('../dot/config.yaml', join(dir, 'h', 'config.yaml'));
    const set = await runCoach(['config', 'set', 'plan.minutes', '45'], { env: { COACH_HOME: join(dir, 'h') } });
    expect(set).toMatchObject({ code: 0, stderr: `Set plan.minutes = 45 in ${join(dir, 'h', 'config.yaml')}\n` });
    expect(lstatSync(join(dir, 'h', 'config.yaml')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'dot', 'config.yaml'), 'utf8')).toBe('# mine\nplan:\n  minutes: 45 # daily\n');
  });

  test('a dangling link gets its target made, and stays a link', async () => {
    const dir = base();
    mkdirSync(join(dir, 'h'));
    mkdirSync(join(dir, 'dot'));
    symlinkSync('../dot/config.yaml', join(dir, 'h', 'config.yaml'));
    expect((await runCoach(['config', 'set', 'plan.minutes', '40'], { env: { COACH_HOME: join(dir, 'h') } })).code).toBe(0);
    expect(lstatSync(join(dir, 'h', 'config.yaml')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'dot', 'config.yaml'), 'utf8')).toBe('plan:\n  minutes: 40\n');
  });

  test('Latin-1 text is refused with a located line and left byte for byte (never U+FFFD)', async () => {
    const home = join(base(), 'h');
    mkdirSync(home);
    const bytes = Buffer.from('llm:\n  model: \xe9\n', 'latin1');
    writeFileSync(join(home, 'config.yaml'), bytes);
    for (const args of EDITS) {
      const result = await runCoach(args, { env: { COACH_HOME: home } });
      expectOneLine(result, `${join(home, 'config.yaml')}:2:10  file is not valid UTF-8 (byte 0xe9 at offset 14)`, args.join(' '));
    }
    expect(readFileSync(join(home, 'config.yaml'))).toEqual(bytes);
  });

  test('owner, group and mode are kept when root edits a user\'s file', async () => {
    needRoot('giving a file to another user');
    const home = join(base(), 'h');
    mkdirSync(home);
    writeFileSync(join(home, 'config.yaml'), ORIGINAL);
    chownSync(join(home, 'config.yaml'), 65534, 65534);
    chmodSync(join(home, 'config.yaml'), 0o640);
    expect((await runCoach(['config', 'set', 'plan.minutes', '50'], { env: { COACH_HOME: home } })).code).toBe(0);
    const after = statSync(join(home, 'config.yaml'));
    expect([after.uid, after.gid, after.mode & 0o7777]).toEqual([65534, 65534, 0o640]);
  });

  test('!!float 30 reads as the number 30, and no raw YAMLWarning is printed; other tags are one located line', async () => {
    const home = join(base(), 'h');
    mkdirSync(home);
    writeFileSync(join(home, 'config.yaml'), 'plan:\n  minutes: !!float 30\n');
    const shown = await runCoach(['config', '--json'], { env: { COACH_HOME: home } });
    expect(shown.code).toBe(0);
    expect(shown.stderr).toBe('');
    expect(JSON.parse(shown.stdout).settings.find((row: { key: string }) => row.key === 'plan.minutes')).toMatchObject({ value: '30', source: 'config file' });
    const plan = await runCoach(['plan', '--until', '2099-01-01'], { env: { COACH_HOME: home } });
    expect(plan.stderr).not.toMatch(/YAMLWarning|\(node\)/);
    for (const [text, message] of [
      ['plan:\n  minutes: !foo 30\n', ':2:12  YAML: Unresolved tag: !foo'],
      ['plan:\n  minutes: !!bool yes\n', ':2:19  YAML: !!bool cannot be "yes"'],
    ] as const) {
      writeFileSync(join(home, 'config.yaml'), text);
      for (const args of [['config'], ['plan', '--until', '2099-01-01'], ['doctor']]) {
        const result = await runCoach(args, { env: { COACH_HOME: home } });
        const what = `${JSON.stringify(text)}: coach ${args.join(' ')}`;
        expect(`${result.stdout}${result.stderr}`, what).not.toMatch(/YAMLWarning|\(node\)|^\s+at /m);
        if (args[0] === 'doctor') expect(result.stdout, what).toContain(`✖ config     ${join(home, 'config.yaml')}${message}`);
        else expectOneLine(result, `${join(home, 'config.yaml')}${message}`, what);
      }
    }
  });
});

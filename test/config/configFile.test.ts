import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { editConfig, readConfig, readConfigFile } from '../../src/config/configFile.js';
import { UserError } from '../../src/errors.js';

const home = () => mkdtempSync(join(tmpdir(), 'config-file-'));

/** Writes config.yaml (text or bytes) in a fresh folder and returns its path. */
function configWith(content: string | Buffer): string {
  const path = join(home(), 'config.yaml');
  writeFileSync(path, content);
  return path;
}

function messageOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(UserError);
    return (error as Error).message;
  }
  throw new Error('expected a UserError');
}

describe('readConfig: the same reading as topic files, every problem one located line', () => {
  test.each([
    ['plan:\n  minutes: !!float 30\n', 30],
    ['plan:\n  minutes: !!int 30\n', 30],
    ['plan:\n  minutes: 0x1E\n', 30],
    ['plan: {minutes: 30}\n', 30],
    ['base: &b {minutes: 30}\n'.replace('base', 'plan'), 30],
  ])('%j reads minutes as %i', (text, minutes) => {
    expect(readConfigFile(configWith(text)).plan?.minutes).toBe(minutes);
  });

  test.each([
    ['invalid UTF-8 (Latin-1 é)', Buffer.from('llm:\n  model: \xe9\n', 'latin1'), /:2:10  file is not valid UTF-8 \(byte 0xe9 at offset 14\)/],
    ['an unresolved tag (a YAML warning)', 'plan:\n  minutes: !foo 30\n', /:2:12  YAML: Unresolved tag: !foo$/],
    ['an unknown setting', 'plan:\n  minutes: 30\n  x: 1\n', /:3:3  plan: unknown setting x$/],
    ['a wrong type', 'plan:\n  minutes: thirty\n', /:2:12  plan\.minutes: /],
    ['a syntax error', 'plan: [\n', /:\d+:\d+  YAML syntax: /],
    ['a duplicate key', 'plan:\n  minutes: 1\n  minutes: 2\n', /:3:3  YAML syntax: Map keys must be unique/],
    ['two documents', 'plan: {}\n---\nllm: {}\n', /:2:1  a config file holds one YAML document, this one holds 2/],
    ['a !!binary value', 'llm:\n  model: !!binary aGk=\n', /:2:\d+  YAML: tag !!binary is not one of the YAML 1.2 core types/],
  ])('%s', (_name, content, expected) => {
    const path = configWith(content);
    const message = messageOf(() => readConfigFile(path));
    expect(message.startsWith(`${path}:`)).toBe(true);
    expect(message).toMatch(expected);
    expect(message).not.toContain('\n');
    expect(message).not.toContain('\uFFFD');
  });

  test('missing, empty, comment-only files and a dangling link are no settings', () => {
    const dir = home();
    expect(readConfigFile(join(dir, 'config.yaml'))).toEqual({});
    expect(readConfigFile(configWith(''))).toEqual({});
    expect(readConfigFile(configWith('# nothing yet\n'))).toEqual({});
    symlinkSync(join(dir, 'gone.yaml'), join(dir, 'config.yaml'));
    expect(readConfigFile(join(dir, 'config.yaml'))).toEqual({});
  });

  test('odd kinds of config.yaml and of the folder holding it are named in words', () => {
    const dir = home();
    mkdirSync(join(dir, 'folder', 'config.yaml'), { recursive: true });
    expect(messageOf(() => readConfigFile(join(dir, 'folder', 'config.yaml')))).toMatch(/config\.yaml: is a folder, not a config file/);
    mkdirSync(join(dir, 'fifo'));
    expect(spawnSync('mkfifo', [join(dir, 'fifo', 'config.yaml')]).status).toBe(0);
    expect(messageOf(() => readConfigFile(join(dir, 'fifo', 'config.yaml')))).toMatch(/config\.yaml: is a FIFO, not a config file/);
    mkdirSync(join(dir, 'loop'));
    symlinkSync('config.yaml', join(dir, 'loop', 'config.yaml'));
    expect(messageOf(() => readConfigFile(join(dir, 'loop', 'config.yaml')))).toMatch(/config\.yaml: is a symbolic link loop, not a config file/);
    expect(spawnSync('mkfifo', [join(dir, 'fifohome')]).status).toBe(0);
    expect(messageOf(() => readConfigFile(join(dir, 'fifohome', 'config.yaml')))).toBe(`${join(dir, 'fifohome', 'config.yaml')}: ${join(dir, 'fifohome')} is a FIFO, not a folder (check COACH_HOME / XDG_CONFIG_HOME)`);
    symlinkSync(join(dir, 'loophome'), join(dir, 'loophome'));
    expect(messageOf(() => readConfigFile(join(dir, 'loophome', 'config.yaml')))).toMatch(/loophome is a symbolic link loop, not a folder/);
  });
});

/** editConfig as `coach config set/unset` calls it: the whole file's settings after the change are `intended`. */
function set(path: string, section: 'llm' | 'plan' | 'review', field: string, value: unknown): void {
  const current = readConfig(path).data as Record<string, Record<string, unknown> | undefined>;
  const values = { ...current[section] };
  if (value === undefined) delete values[field];
  else values[field] = value;
  editConfig(path, join(path, '..'), section, field, value, { ...current, [section]: values });
}

describe('editConfig: one setting changes, nothing else', () => {
  test('comments, order, quoting and flow style of the rest are kept', () => {
    const path = configWith('# mine\nllm:\n  model: "x"  # quoted\n\nplan: {minutes: 30} # daily\n');
    set(path, 'plan', 'minutes', 45);
    expect(readFileSync(path, 'utf8')).toBe('# mine\nllm:\n  model: "x" # quoted\n\nplan: { minutes: 45 } # daily\n');
    set(path, 'llm', 'model', undefined);
    // The file's header comment stays; the setting's own trailing comment goes with it.
    expect(readFileSync(path, 'utf8')).toBe('# mine\n\nplan: { minutes: 45 } # daily\n');
    set(path, 'review', 'dayStartsAt', '05:00');
    expect(readConfigFile(path)).toEqual({ plan: { minutes: 45 }, review: { dayStartsAt: '05:00' } });
    expect(readFileSync(path, 'utf8')).toMatch(/^# mine\n/);
  });

  test('CRLF line ends and a byte-order mark are kept', () => {
    const path = configWith('\uFEFF# mine\r\nplan:\r\n  minutes: 30\r\n');
    set(path, 'plan', 'minutes', 40);
    expect(readFileSync(path, 'utf8')).toBe('\uFEFF# mine\r\nplan:\r\n  minutes: 40\r\n');
  });

  test('a symbolic link is written through: the link stays, its target changes (a dangling one gets its target made)', () => {
    const dir = home();
    mkdirSync(join(dir, 'dot'));
    mkdirSync(join(dir, 'h'));
    writeFileSync(join(dir, 'dot', 'config.yaml'), '# mine\nplan:\n  minutes: 30\n');
    symlinkSync('../dot/config.yaml', join(dir, 'h', 'config.yaml'));
    set(join(dir, 'h', 'config.yaml'), 'plan', 'minutes', 45);
    expect(lstatSync(join(dir, 'h', 'config.yaml')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'dot', 'config.yaml'), 'utf8')).toBe('# mine\nplan:\n  minutes: 45\n');
    symlinkSync('../dot/new.yaml', join(dir, 'h', 'other.yaml'));
    set(join(dir, 'h', 'other.yaml'), 'plan', 'minutes', 20);
    expect(lstatSync(join(dir, 'h', 'other.yaml')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'dot', 'new.yaml'), 'utf8')).toBe('plan:\n  minutes: 20\n');
    expect(readdirSync(join(dir, 'dot')).sort()).toEqual(['config.yaml', 'new.yaml']);
  });

  test('owner, group and mode are kept (as root)', () => {
    if (process.getuid?.() !== 0) throw new Error('giving a file to another user needs root (as in CI containers)');
    const path = configWith('plan:\n  minutes: 30\n');
    chownSync(path, 65534, 65534);
    chmodSync(path, 0o640);
    set(path, 'plan', 'minutes', 31);
    const after = statSync(path);
    expect([after.uid, after.gid, after.mode & 0o7777]).toEqual([65534, 65534, 0o640]);
  });

  test('invalid UTF-8 is refused with a located line and the file is left byte for byte', () => {
    const bytes = Buffer.from('llm:\n  model: \xe9\n', 'latin1');
    const path = configWith(bytes);
    expect(messageOf(() => set(path, 'plan', 'minutes', 40))).toMatch(/config\.yaml:2:10  file is not valid UTF-8/);
    expect(readFileSync(path)).toEqual(bytes);
  });

  test('a value other settings reach through an alias is refused, the file left as it was', () => {
    const text = 'llm: {model: &day "2026-12-14"}\nplan: {until: *day}\n';
    const path = configWith(text);
    expect(readConfigFile(path)).toEqual({ llm: { model: '2026-12-14' }, plan: { until: '2026-12-14' } });
    expect(messageOf(() => set(path, 'llm', 'model', 'llama3.1'))).toMatch(/config\.yaml: cannot be edited in place .*edit it by hand$/);
    expect(readFileSync(path, 'utf8')).toBe(text);
    // The alias itself may be replaced: only that setting changes.
    set(path, 'plan', 'until', '2027-01-01');
    expect(readConfigFile(path)).toEqual({ llm: { model: '2026-12-14' }, plan: { until: '2027-01-01' } });
  });
});

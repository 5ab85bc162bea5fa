import { spawnSync } from 'node:child_process';
import { linkSync, mkdirSync, mkdtempSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkDatabaseFiles, isDatabaseFile, prepareDataFolder } from '../../src/storage/dataFolder.js';
import { describeKind, entryKind } from '../../src/storage/entries.js';
import { dataFolderHealth, databaseHealth } from '../../src/storage/health.js';
import { openStorage } from '../../src/storage/database.js';

const tempDir = () => mkdtempSync(join(tmpdir(), 'folder-'));

function mkfifo(path: string) {
  const made = spawnSync('mkfifo', [path]);
  if (made.status !== 0) throw new Error(`mkfifo failed: ${made.stderr}`);
}

/** Each odd kind of path, made inside `dir` under `name`, with the words a message uses for it. */
const ODD_KINDS: [string, (path: string, dir: string) => string, RegExp][] = [
  ['a file', (path) => (writeFileSync(path, 'x'), path), /is a file, not a folder/],
  ['a path through a file', (path) => (writeFileSync(path, 'x'), join(path, 'sub')), /part of its path is a file/],
  ['a dangling link', (path, dir) => (symlinkSync(join(dir, 'nowhere'), path), path), /a symbolic link to something that does not exist/],
  ['a link loop', (path) => (symlinkSync(path, path), path), /a symbolic link loop/],
  ['a FIFO', (path) => (mkfifo(path), path), /a FIFO/],
];

describe('entryKind: what is at a path, never throwing for the file system answer', () => {
  test.each([
    ['missing', () => 'missing'],
    ['file', (path: string) => (writeFileSync(path, 'x'), 'file')],
    ['folder', (path: string) => (mkdirSync(path), 'folder')],
    ['loop', (path: string) => (symlinkSync(path, path), 'a symbolic link loop')],
    ['dangling', (path: string) => (symlinkSync(`${path}-nowhere`, path), 'a symbolic link to something that does not exist')],
    ['fifo', (path: string) => (mkfifo(path), 'a FIFO')],
  ])('%s', (_name, make) => {
    const path = join(tempDir(), 'x');
    const expected = make(path);
    expect(entryKind(path)).toBe(expected);
  });

  test('a path through a file, and a device', () => {
    const file = join(tempDir(), 'f');
    writeFileSync(file, 'x');
    expect(entryKind(join(file, 'sub'))).toBe('part of its path is a file');
    expect(entryKind('/dev/null')).toBe('a device');
    expect(describeKind('folder')).toBe('a folder');
  });
});

describe('the data folder (COACH_HOME): every odd kind is one line naming it, for opening and for doctor', () => {
  test.each(ODD_KINDS)('%s', (_name, make, message) => {
    const dir = tempDir();
    const home = make(join(dir, 'home'), dir);
    expect(() => prepareDataFolder(home, true)).toThrow(message);
    expect(() => openStorage(home)).toThrow(new RegExp(`^${home}: the data folder \\(COACH_HOME\\)`));
    for (const health of [dataFolderHealth(home), databaseHealth(home)]) {
      expect(health.ok).toBe(false);
      expect(health.detail).toMatch(message);
      expect(health.detail).toContain(home);
    }
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  test('a missing folder is made by opening, never by doctor', () => {
    const home = join(tempDir(), 'a', 'b');
    expect(dataFolderHealth(home)).toEqual({ ok: true, detail: expect.stringContaining('not created yet') });
    expect(databaseHealth(home).ok).toBe(true);
    expect(entryKind(home)).toBe('missing');
    expect(prepareDataFolder(home, true)).toBe('writable');
    expect(entryKind(home)).toBe('folder');
  });

  test("doctor's write probe leaves nothing behind", () => {
    const home = tempDir();
    expect(dataFolderHealth(home)).toEqual({ ok: true, detail: `${home} is writable` });
    expect(readdirSync(home)).toEqual([]);
  });
});

describe('coach.db and its -wal, -shm, -journal files: anything but a regular file is one line naming that file', () => {
  const NAMES = ['coach.db', 'coach.db-wal', 'coach.db-shm', 'coach.db-journal'];
  const KINDS: [string, (path: string) => void, string][] = [
    ['a folder', (path) => mkdirSync(path), 'a folder'],
    ['a FIFO', mkfifo, 'a FIFO'],
    ['a link loop', (path) => symlinkSync(path, path), 'a symbolic link loop'],
    ['a dangling link', (path) => symlinkSync(`${path}-nowhere`, path), 'a symbolic link to something that does not exist'],
  ];
  for (const name of NAMES) {
    test.each(KINDS)(`${name} that is %s`, (_kind, make, words) => {
      const home = tempDir();
      if (name !== 'coach.db') openStorage(home).close();
      make(join(home, name));
      const line = `${join(home, name)}: not a regular file (${words})`;
      expect(() => checkDatabaseFiles(home)).toThrow(line);
      expect(() => openStorage(home)).toThrow(line);
      const health = databaseHealth(home);
      expect(health.ok).toBe(false);
      expect(health.detail).toContain(line);
    });
  }

  test('regular files (or a link to one) pass; the answer says whether coach.db exists', () => {
    const home = tempDir();
    expect(checkDatabaseFiles(home)).toBe(false);
    openStorage(home).close();
    expect(checkDatabaseFiles(home)).toBe(true);
  });
});

describe('isDatabaseFile: an output target that is the live database or one of its files', () => {
  test('by device and inode when the target exists (through a link, a hard link, another spelling), by folder and name when not', () => {
    const home = tempDir();
    openStorage(home).close();
    const elsewhere = tempDir();
    symlinkSync(join(home, 'coach.db'), join(elsewhere, 'link.db'));
    linkSync(join(home, 'coach.db'), join(elsewhere, 'hard.db'));
    symlinkSync(home, join(elsewhere, 'home-link'));
    expect(isDatabaseFile(home, join(home, 'coach.db'))).toBe(true);
    expect(isDatabaseFile(home, join(home, '..', home.split('/').pop()!, 'coach.db'))).toBe(true);
    expect(isDatabaseFile(home, join(elsewhere, 'link.db'))).toBe(true);
    expect(isDatabaseFile(home, join(elsewhere, 'hard.db'))).toBe(true);
    for (const suffix of ['-wal', '-shm', '-journal']) {
      expect(isDatabaseFile(home, join(home, `coach.db${suffix}`))).toBe(true);
      expect(isDatabaseFile(home, join(elsewhere, 'home-link', `coach.db${suffix}`))).toBe(true);
    }
    expect(isDatabaseFile(home, join(home, 'backup.db'))).toBe(false);
    expect(isDatabaseFile(home, join(elsewhere, 'coach.db'))).toBe(false);
    expect(isDatabaseFile(home, join(elsewhere, 'missing', 'coach.db'))).toBe(false);
  });
});

import { closeSync, mkdtempSync, openSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, test } from 'vitest';
import { createTempBeside, SHELL_FILE_MODE, writeFileAtomic } from '../../src/storage/atomicFile.js';
import { Storage } from '../../src/storage/database.js';
import { StorageError } from '../../src/storage/failures.js';
import { MIGRATIONS } from '../../src/storage/migrations.js';

const tempDir = () => mkdtempSync(join(tmpdir(), 'refusal-'));

/** A storage like openStorage makes for a read-only folder with no database: in memory, migrated, sealed with query_only. */
function throwawayCopy(refusal: StorageError): Storage {
  const db = new Database(':memory:');
  for (const migration of MIGRATIONS) db.exec(migration);
  db.pragma('query_only = ON');
  return new Storage(db, '/data/coach.db', refusal, true);
}

describe('a storage that must not save: every way of writing is refused with its one line', () => {
  const refusals = [new StorageError('/data/coach.db: read-only, so nothing can be saved'), new StorageError('/data/coach.db: the disk is full; nothing from this step was saved')];
  test.each(refusals.map((refusal) => [refusal.message, refusal]))('%s', (_message, refusal) => {
    const storage = throwawayCopy(refusal);
    expect(storage.readOnly).toBe(true);
    expect(() => storage.write(() => storage.prepare("INSERT INTO meta (key, value) VALUES ('a', 'b')").run())).toThrow(refusal);
    // A statement run outside write() is stopped by SQLite itself (query_only), and says the same line.
    expect(() => storage.guard(() => storage.db.prepare("INSERT INTO meta (key, value) VALUES ('a', 'b')").run())).toThrow(refusal);
    expect(() => storage.setMeta('a', 'b')).toThrow(/outside a write transaction/);
    // Only the JSON import fills the throwaway copy, and the seal is back afterwards.
    storage.fillCopy(() => storage.setMeta('imported', 'yes'));
    expect(storage.meta('imported')).toBe('yes');
    expect(() => storage.guard(() => storage.db.prepare("INSERT INTO meta (key, value) VALUES ('c', 'd')").run())).toThrow(refusal);
  });

  test('fillCopy on a real database is an ordinary write, refused like one', () => {
    const refusal = refusals[0]!;
    const storage = new Storage(new Database(':memory:'), '/data/coach.db', refusal, false);
    expect(() => storage.fillCopy(() => 1)).toThrow(refusal);
  });
});

describe('output files: a replaced file keeps its mode, a new one gets the mode asked for less the umask', () => {
  test.each([0o644, 0o600, 0o640, 0o755])('replacing a %o file', (mode) => {
    const path = join(tempDir(), 'out.txt');
    writeFileSync(path, 'old', { mode });
    writeFileAtomic(path, 'new', SHELL_FILE_MODE);
    expect(statSync(path).mode & 0o7777).toBe(mode);
  });

  test('a new file: the same mode as a file the kernel creates with 0666 (a shell redirection)', () => {
    const dir = tempDir();
    const reference = join(dir, 'reference');
    closeSync(openSync(reference, 'wx', 0o666));
    writeFileAtomic(join(dir, 'new.txt'), 'text', SHELL_FILE_MODE);
    expect(statSync(join(dir, 'new.txt')).mode & 0o7777).toBe(statSync(reference).mode & 0o7777);
    writeFileAtomic(join(dir, 'private.yaml'), 'text', 0o600);
    expect(statSync(join(dir, 'private.yaml')).mode & 0o077).toBe(0);
  });

  test('the temp file beside a target takes its mode before anything is written', () => {
    const path = join(tempDir(), 'backup.db');
    writeFileSync(path, 'old', { mode: 0o640 });
    const { temp, fd } = createTempBeside(path, SHELL_FILE_MODE);
    closeSync(fd);
    expect(statSync(temp).mode & 0o7777).toBe(0o640);
  });
});

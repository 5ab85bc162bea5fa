import { accessSync, constants, mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describeStorageFailure, restoreAdvice, StorageError } from './failures.js';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations.js';

/** How long a write waits for another process's transaction before giving up (SQLite's busy_timeout). */
export const BUSY_TIMEOUT_MS = 5000;

import { DATABASE_FILE_NAME as DATABASE_FILE } from './names.js';

/**
 * The one SQLite database in the data folder (`coach.db`), opened by
 * `openStorage`. WAL mode (readers never wait for the writer), synchronous=FULL
 * (a committed answer survives a power cut), foreign keys on, busy_timeout.
 * `readOnly` is true when the folder or file cannot be written: read commands
 * work, and the first write fails with one line saying so. `inMemory` is true
 * when the folder is read-only and holds no database yet: the caller may fill
 * a throwaway copy (the JSON import) so that history can still be read.
 */
export class Storage {
  private readonly statements = new Map<string, Database.Statement>();

  constructor(
    readonly db: Database.Database,
    readonly path: string,
    readonly readOnly: boolean,
    readonly inMemory: boolean,
  ) {}

  /** A prepared statement, compiled once per connection (preparing is most of the cost of a small write). */
  prepare(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) this.statements.set(sql, (statement = this.db.prepare(sql)));
    return statement;
  }

  /** Runs `work` and turns any SQLite or file-system failure into one line naming the database. */
  guard<T>(work: () => T): T {
    try {
      return work();
    } catch (error) {
      throw describeStorageFailure(error, this.path);
    }
  }

  /** `work` in one IMMEDIATE transaction (takes the write lock up front, so it never fails half-way on a lock). */
  write<T>(work: () => T): T {
    if (this.readOnly && !this.inMemory) throw describeStorageFailure(Object.assign(new Error('read-only'), { code: 'SQLITE_READONLY' }), this.path);
    return this.guard(() => this.db.transaction(work).immediate());
  }

  /** The value stored under `key` in the meta table. */
  meta(key: string): string | undefined {
    const row = this.guard(() => this.prepare('SELECT value FROM meta WHERE key = ?').get(key)) as { value: string } | undefined;
    return row?.value;
  }

  setMeta(key: string, value: string): void {
    this.guard(() => this.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value));
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

/**
 * Opens (creating when needed) `coach.db` in `dataDir` and brings its schema up
 * to date. Throws a StorageError, one line naming the path, when the data
 * folder is a file, the database is damaged, or it was written by a newer
 * version; never modifies such a file.
 */
export function openStorage(dataDir: string): Storage {
  const path = join(dataDir, DATABASE_FILE);
  const folderWritable = prepareFolder(dataDir);
  const existing = checkDatabaseFile(path);
  let storage: Storage;
  try {
    storage = openConnection(path, folderWritable, existing);
  } catch (error) {
    throw describeStorageFailure(error, path);
  }
  try {
    configure(storage);
    migrate(storage);
  } catch (error) {
    storage.close();
    throw describeStorageFailure(error, path);
  }
  return storage;
}

/** True when the folder exists (or was made) and accepts new files. */
function prepareFolder(dataDir: string): boolean {
  const stats = statSync(dataDir, { throwIfNoEntry: false });
  if (stats && !stats.isDirectory()) throw new StorageError(`${dataDir}: the data folder (COACH_HOME) is a file, not a folder; point COACH_HOME at a folder`);
  try {
    mkdirSync(dataDir, { recursive: true });
    accessSync(dataDir, constants.W_OK);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM') return false;
    if (code === 'ENOTDIR' || code === 'EEXIST') throw new StorageError(`${dataDir}: the data folder (COACH_HOME) cannot be made: part of its path is a file`);
    throw error;
  }
}

function checkDatabaseFile(path: string): boolean {
  let stats;
  try {
    stats = statSync(path, { throwIfNoEntry: false });
  } catch (error) {
    throw new StorageError(`${path}: cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); ${restoreAdvice()}`);
  }
  if (stats && !stats.isFile()) throw new StorageError(`${path}: is not a database file but a ${stats.isDirectory() ? 'folder' : 'special file'}; move it aside`);
  return stats !== undefined;
}

function openConnection(path: string, folderWritable: boolean, existing: boolean): Storage {
  if (!folderWritable && !existing) return new Storage(new Database(':memory:'), path, true, true);
  if (folderWritable) {
    try {
      return new Storage(new Database(path, { timeout: BUSY_TIMEOUT_MS }), path, false, false);
    } catch (error) {
      if (!cannotWrite(error)) throw error;
    }
  }
  const readOnly = new Database(path, { readonly: true, fileMustExist: true, timeout: BUSY_TIMEOUT_MS });
  try {
    // The first read is where a WAL database without its shared-memory file fails.
    readOnly.pragma('user_version');
    return new Storage(readOnly, path, true, false);
  } catch (error) {
    readOnly.close();
    if (!cannotWrite(error)) throw error;
  }
  return new Storage(new Database(walFreeCopy(path)), path, true, false);
}

function cannotWrite(error: unknown): boolean {
  const code = String((error as { code?: unknown }).code ?? '');
  return code.startsWith('SQLITE_CANTOPEN') || code.startsWith('SQLITE_READONLY');
}

/**
 * The database file's bytes with its header switched from WAL to rollback
 * journal (bytes 18 and 19, the read and write format versions: 2 means WAL).
 * A WAL database in a read-only folder cannot be opened in place when its
 * shared-memory file does not exist and cannot be created; opened from memory,
 * it can be read. A cleanly closed database has nothing left in its WAL.
 */
function walFreeCopy(path: string): Buffer {
  const bytes = readFileSync(path);
  if (bytes.length >= 20 && bytes[18] === 2 && bytes[19] === 2) {
    bytes[18] = 1;
    bytes[19] = 1;
  }
  return bytes;
}

function configure(storage: Storage): void {
  const { db } = storage;
  // Reading the version first reads the header: a file that is not a database fails here, before anything is written.
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > SCHEMA_VERSION) {
    throw new StorageError(`${storage.path}: written by a newer interview-coach (database version ${version}, this one knows up to ${SCHEMA_VERSION}); upgrade interview-coach to open it (the file is left untouched)`);
  }
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  db.pragma('foreign_keys = ON');
  if (!storage.readOnly) {
    const mode = db.pragma('journal_mode', { simple: true }) as string;
    if (mode !== 'wal') db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
  }
}

/** Applies every migration above the file's user_version, each in its own transaction. */
function migrate(storage: Storage): void {
  const { db } = storage;
  for (;;) {
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version >= SCHEMA_VERSION) return;
    if (storage.readOnly && !storage.inMemory) {
      throw new StorageError(`${storage.path}: needs upgrading to database version ${SCHEMA_VERSION}, but the data folder is read-only; run any coach command once with write access`);
    }
    db.transaction(() => {
      // Another process may have migrated between our read and our lock.
      if ((db.pragma('user_version', { simple: true }) as number) !== version) return;
      db.exec(MIGRATIONS[version]!);
      db.pragma(`user_version = ${version + 1}`);
    }).immediate();
  }
}

/**
 * `PRAGMA quick_check` on the database, for `coach doctor`: `ok` or the first
 * problems SQLite found (a list of lines).
 */
export function quickCheck(storage: Storage): string[] {
  const rows = storage.guard(() => storage.db.pragma('quick_check') as { quick_check: string }[]);
  return rows.map((row) => row.quick_check);
}

import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { checkDatabaseFiles, prepareDataFolder, type FolderState } from './dataFolder.js';
import { describeStorageFailure, StorageError } from './failures.js';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations.js';

/** How long a write waits for another process's transaction before giving up (SQLite's busy_timeout). */
export const BUSY_TIMEOUT_MS = 5000;

import { DATABASE_FILE_NAME as DATABASE_FILE } from './names.js';

/**
 * The one SQLite database in the data folder (`coach.db`), opened by
 * `openStorage`. WAL mode (readers never wait for the writer), synchronous=FULL
 * (a committed answer survives a power cut), foreign keys on, busy_timeout.
 * `writeRefusal` is set when nothing can be saved (a read-only folder or file,
 * a full disk): read commands work, and every write throws that one line,
 * enforced by SQLite too (`PRAGMA query_only`), so no write can silently land
 * in a copy. `inMemory` is true when the folder holds no database and cannot
 * get one: only `fillCopy` may write into that throwaway copy (the JSON
 * import, so that history can still be read).
 */
export class Storage {
  private readonly statements = new Map<string, Database.Statement>();
  private writing = false;

  constructor(
    readonly db: Database.Database,
    readonly path: string,
    readonly writeRefusal: StorageError | undefined,
    readonly inMemory: boolean,
  ) {}

  /** True when nothing can be saved (see writeRefusal). */
  get readOnly(): boolean {
    return this.writeRefusal !== undefined;
  }

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
      // query_only's refusal is SQLITE_READONLY whatever the reason: say the real one (a full disk).
      if (this.writeRefusal && String((error as { code?: unknown }).code ?? '').startsWith('SQLITE_READONLY')) throw this.writeRefusal;
      throw describeStorageFailure(error, this.path);
    }
  }

  /** `work` in one IMMEDIATE transaction (takes the write lock up front, so it never fails half-way on a lock). */
  write<T>(work: () => T): T {
    if (this.writeRefusal) throw this.writeRefusal;
    return this.transaction(work);
  }

  /**
   * Like `write`, but on the throwaway in-memory copy of a read-only folder
   * with no database it writes there (lifting query_only for `work` only).
   * Only the JSON import uses it: what it writes is rebuilt on every start.
   */
  fillCopy<T>(work: () => T): T {
    if (!this.inMemory) return this.write(work);
    this.db.pragma('query_only = OFF');
    try {
      return this.transaction(work);
    } finally {
      this.db.pragma('query_only = ON');
    }
  }

  private transaction<T>(work: () => T): T {
    this.writing = true;
    try {
      return this.guard(() => this.db.transaction(work).immediate());
    } finally {
      this.writing = false;
    }
  }

  /** The value stored under `key` in the meta table. */
  meta(key: string): string | undefined {
    const row = this.guard(() => this.prepare('SELECT value FROM meta WHERE key = ?').get(key)) as { value: string } | undefined;
    return row?.value;
  }

  /** Sets a meta row; only inside `write`/`fillCopy` (a write outside a transaction is a bug). */
  setMeta(key: string, value: string): void {
    if (!this.writing) throw new Error(`setMeta(${key}) outside a write transaction`);
    this.guard(() => this.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value));
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

/**
 * Opens (creating when needed) `coach.db` in `dataDir` and brings its schema up
 * to date. Throws a StorageError, one line naming the path, when the data
 * folder is not a usable folder, coach.db or a companion file is not a regular
 * file, the database is damaged, or it was written by a newer version; never
 * modifies such a file. A read-only folder or a full disk opens for reading.
 */
export function openStorage(dataDir: string): Storage {
  const path = join(dataDir, DATABASE_FILE);
  const folder = prepareDataFolder(dataDir, true);
  const existing = checkDatabaseFiles(dataDir);
  try {
    return setUp(() => openConnection(path, folder, existing));
  } catch (error) {
    if (!isDiskFull(error)) throw describeStorageFailure(error, path);
  }
  // No room for the shared-memory file or the log: read the database without them.
  try {
    return setUp(() => openWithoutSharedMemory(path, existing));
  } catch (error) {
    throw describeStorageFailure(error, path);
  }
}

/** Opens, configures and migrates; closes the connection again when any of it fails. */
function setUp(open: () => Storage): Storage {
  const storage = open();
  try {
    configure(storage);
    migrate(storage);
    if (storage.readOnly) storage.db.pragma('query_only = ON');
  } catch (error) {
    storage.close();
    throw error;
  }
  return storage;
}

function readOnlyRefusal(path: string): StorageError {
  return describeStorageFailure(Object.assign(new Error('read-only'), { code: 'SQLITE_READONLY' }), path) as StorageError;
}

function diskFullRefusal(path: string): StorageError {
  return describeStorageFailure(Object.assign(new Error('full'), { code: 'SQLITE_FULL' }), path) as StorageError;
}

function openConnection(path: string, folder: FolderState, existing: boolean): Storage {
  if (folder !== 'writable' && !existing) return new Storage(new Database(':memory:'), path, folder === 'full' ? diskFullRefusal(path) : readOnlyRefusal(path), true);
  if (folder === 'writable') {
    try {
      return new Storage(new Database(path, { timeout: BUSY_TIMEOUT_MS }), path, undefined, false);
    } catch (error) {
      if (!cannotWrite(error)) throw error;
    }
  }
  const readOnly = new Database(path, { readonly: true, fileMustExist: true, timeout: BUSY_TIMEOUT_MS });
  try {
    // The first read is where a WAL database without its shared-memory file fails.
    readOnly.pragma('user_version');
    return new Storage(readOnly, path, readOnlyRefusal(path), false);
  } catch (error) {
    readOnly.close();
    if (!cannotWrite(error)) throw error;
  }
  return new Storage(new Database(walFreeCopy(path)), path, readOnlyRefusal(path), false);
}

/**
 * A full disk: the database opened with `locking_mode=EXCLUSIVE` before its
 * first read, which keeps the write-ahead log's index in private memory
 * instead of the `-shm` file (SQLite's documented way to use WAL without
 * shared memory), so committed rows still in the log are read too. Writes are
 * refused with the disk-full line. A database not created yet (or 0 bytes)
 * is an empty in-memory copy: there is no room to create it.
 */
function openWithoutSharedMemory(path: string, existing: boolean): Storage {
  if (!existing || statSync(path).size === 0) return new Storage(new Database(':memory:'), path, diskFullRefusal(path), true);
  const db = new Database(path, { fileMustExist: true, timeout: BUSY_TIMEOUT_MS });
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    db.pragma('user_version');
  } catch (error) {
    db.close();
    throw error;
  }
  return new Storage(db, path, diskFullRefusal(path), false);
}

function isDiskFull(error: unknown): boolean {
  const code = String((error as { code?: unknown }).code ?? '');
  if (code === 'SQLITE_FULL' || code === 'SQLITE_IOERR_SHMSIZE' || code === 'ENOSPC') return true;
  return code.startsWith('SQLITE_IOERR') && /disk|space|full/i.test(String((error as Error).message)) && code !== 'SQLITE_IOERR_LOCK';
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
      throw new StorageError(`${storage.path}: needs upgrading to database version ${SCHEMA_VERSION}, but nothing can be saved now (${storage.writeRefusal!.message.replace(/^.*?: /, '')})`);
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

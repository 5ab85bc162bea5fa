import { accessSync, closeSync, constants, openSync, rmSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { UserError } from '../errors.js';
import { describeFsError } from '../topics/files.js';
import { checkDatabaseFiles, databaseFiles, prepareDataFolder } from './dataFolder.js';
import { openStorage, quickCheck } from './database.js';
import { restoreAdvice } from './failures.js';
import { DATABASE_FILE_NAME } from './names.js';

/** One of `coach doctor`'s checks: whether it passed, and one line saying what was found. */
export interface Health {
  ok: boolean;
  detail: string;
}

/**
 * `coach doctor`'s data-folder check: the folder is a usable folder (the same
 * checks as opening the database) and a small file can be written in it. The
 * probe file is removed whatever happens, so a full disk or a failed write
 * never leaves it behind; a missing folder is not created (the first session
 * does that), only its nearest existing parent is checked.
 */
export function dataFolderHealth(dataDir: string): Health {
  let state;
  try {
    state = prepareDataFolder(dataDir, false);
  } catch (error) {
    if (error instanceof UserError) return { ok: false, detail: error.message };
    throw error;
  }
  if (state === 'missing') {
    const parent = nearestExisting(dirname(dataDir));
    return parent.ok ? { ok: true, detail: `${dataDir} not created yet (the first session creates it in ${parent.detail})` } : parent;
  }
  if (state === 'read-only') return { ok: false, detail: `${dataDir} is read-only: history can be read, nothing can be saved` };
  return probeWrite(dataDir);
}

function nearestExisting(dir: string): Health {
  const state = (() => {
    try {
      return prepareDataFolder(dir, false);
    } catch (error) {
      if (error instanceof UserError) return error;
      throw error;
    }
  })();
  if (state instanceof UserError) return { ok: false, detail: state.message.replace('the data folder (COACH_HOME)', 'a parent of the data folder (COACH_HOME)') };
  if (state === 'missing' && dirname(dir) !== dir) return nearestExisting(dirname(dir));
  if (state === 'writable') return { ok: true, detail: dir };
  return { ok: false, detail: `${dir} is read-only, so the data folder cannot be created in it` };
}

function probeWrite(dataDir: string): Health {
  const probe = join(dataDir, `.doctor-${process.pid}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(probe, 'wx');
    // Two blocks' worth, so a disk with no free block fails here rather than at the first real save.
    writeSync(fd, Buffer.alloc(8192, 'ok'));
    return { ok: true, detail: `${dataDir} is writable` };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    if (code === 'ENOSPC' || code === 'EDQUOT') return { ok: false, detail: `${dataDir}: the disk is full; nothing can be saved (history can still be read)` };
    return { ok: false, detail: `${dataDir} is not writable (${describeFsError(error)})` };
  } finally {
    if (fd !== undefined) closeSync(fd);
    rmSync(probe, { force: true });
  }
}

/**
 * The first of coach.db, coach.db-wal and coach.db-shm that exists but that
 * this user may not write (access(2) W_OK says EACCES or EPERM: a 0444 file,
 * another user's file), or undefined. A read-only file system is left to the
 * data-folder check, which names the folder; SQLite needs both the database
 * and its WAL files writable to save anything.
 */
function unwritableDatabaseFile(dataDir: string): string | undefined {
  for (const file of databaseFiles(dataDir)) {
    try {
      accessSync(file, constants.W_OK);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EACCES' || code === 'EPERM') return file;
      // ENOENT: that companion file is not there (SQLite makes it when needed); EROFS: see above.
      if (code !== 'ENOENT' && code !== 'EROFS') throw error;
    }
  }
  return undefined;
}

/**
 * `coach doctor`'s database check: open coach.db and run `PRAGMA
 * quick_check`, after checking that this user may write coach.db and its
 * -wal/-shm files (a 0444 coach.db in a writable folder fails here, where
 * saving would). Never creates the database, never changes a damaged one.
 */
export function databaseHealth(dataDir: string): Health {
  const path = join(dataDir, DATABASE_FILE_NAME);
  let exists: boolean;
  try {
    exists = prepareDataFolder(dataDir, false) !== 'missing' && checkDatabaseFiles(dataDir);
  } catch (error) {
    if (error instanceof UserError) return { ok: false, detail: error.message };
    throw error;
  }
  if (!exists) return { ok: true, detail: `${path} not created yet (the first session creates it)` };
  const locked = unwritableDatabaseFile(dataDir);
  if (locked !== undefined) return { ok: false, detail: `${locked}: not writable by this user (permission denied), so nothing can be saved (history can still be read); give your user write access to it (chmod u+w, or chown), or set COACH_HOME to another folder` };
  let storage;
  try {
    storage = openStorage(dataDir);
  } catch (error) {
    if (error instanceof UserError) return { ok: false, detail: error.message };
    throw error;
  }
  try {
    const problems = quickCheck(storage);
    if (problems.length === 1 && problems[0] === 'ok') {
      const sessions = storage.guard(() => storage.db.prepare('SELECT count(*) FROM sessions').pluck().get() as number);
      const refusal = storage.writeRefusal ? ` (${storage.writeRefusal.message.includes('disk is full') ? 'the disk is full' : 'read-only'}: it can be read, nothing can be saved)` : '';
      return { ok: true, detail: `${path}: quick_check ok, ${sessions} session${sessions === 1 ? '' : 's'}${refusal}` };
    }
    return { ok: false, detail: `${path}: quick_check found damage (${problems.slice(0, 2).join('; ')}); ${restoreAdvice()}` };
  } catch (error) {
    if (error instanceof UserError) return { ok: false, detail: error.message };
    throw error;
  } finally {
    storage.close();
  }
}

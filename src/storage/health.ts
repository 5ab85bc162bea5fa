import { closeSync, openSync, rmSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { UserError } from '../errors.js';
import { checkDatabaseFiles, prepareDataFolder } from './dataFolder.js';
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
    return { ok: false, detail: `${dataDir} is not writable (${code})` };
  } finally {
    if (fd !== undefined) closeSync(fd);
    rmSync(probe, { force: true });
  }
}

/**
 * `coach doctor`'s database check: open coach.db and run `PRAGMA
 * quick_check`. Never creates the database, never changes a damaged one.
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

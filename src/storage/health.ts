import { statSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../errors.js';
import { openStorage, quickCheck } from './database.js';
import { restoreAdvice } from './failures.js';
import { DATABASE_FILE_NAME } from './names.js';

/**
 * `coach doctor`'s database check: open coach.db and run `PRAGMA
 * quick_check`. Never creates the database, never changes a damaged one.
 */
export function databaseHealth(dataDir: string): { ok: boolean; detail: string } {
  const path = join(dataDir, DATABASE_FILE_NAME);
  if (!statSync(path, { throwIfNoEntry: false })) return { ok: true, detail: `${path} not created yet (the first session creates it)` };
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
      const sessions = storage.db.prepare('SELECT count(*) FROM sessions').pluck().get() as number;
      return { ok: true, detail: `${path}: quick_check ok, ${sessions} session${sessions === 1 ? '' : 's'}${storage.readOnly ? ' (read-only)' : ''}` };
    }
    return { ok: false, detail: `${path}: quick_check found damage (${problems.slice(0, 2).join('; ')}); ${restoreAdvice()}` };
  } catch (error) {
    if (error instanceof UserError) return { ok: false, detail: error.message };
    throw error;
  } finally {
    storage.close();
  }
}

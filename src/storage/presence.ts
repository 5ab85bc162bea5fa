import { join } from 'node:path';
import { entryKind } from './entries.js';
import { DATABASE_FILE_NAME } from './names.js';

/**
 * Whether the data folder holds any history (a database, or a first-version
 * sessions folder still to import), without loading the SQLite driver: `coach
 * topics` asks this on every start, and a new user must not pay for the driver.
 * Anything odd in the way (COACH_HOME a file, a dangling link or a link loop, coach.db a folder)
 * counts as history, so opening the database says what is wrong in one line.
 */
export function hasHistory(dataDir: string): boolean {
  const folder = entryKind(dataDir);
  if (folder === 'missing') return false;
  if (folder !== 'folder') return true;
  return entryKind(join(dataDir, DATABASE_FILE_NAME)) !== 'missing' || entryKind(join(dataDir, 'sessions')) === 'folder';
}

import { statSync } from 'node:fs';
import { join } from 'node:path';
import { DATABASE_FILE_NAME } from './names.js';

/**
 * Whether the data folder holds any history (a database, or a first-version
 * sessions folder still to import), without loading the SQLite driver: `coach
 * topics` asks this on every start, and a new user must not pay for the driver.
 */
export function hasHistory(dataDir: string): boolean {
  try {
    return statSync(join(dataDir, DATABASE_FILE_NAME), { throwIfNoEntry: false }) !== undefined || statSync(join(dataDir, 'sessions'), { throwIfNoEntry: false })?.isDirectory() === true;
  } catch (error) {
    // COACH_HOME is a file (ENOTDIR) or unreadable: opening the database says so in one line.
    if ((error as NodeJS.ErrnoException).code === 'ENOTDIR' || (error as NodeJS.ErrnoException).code === 'EACCES') return true;
    throw error;
  }
}

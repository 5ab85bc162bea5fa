import { renameSync, rmSync } from 'node:fs';
import type { Storage } from './database.js';
import { describeStorageFailure } from './failures.js';

/**
 * A consistent copy of the database at `target`, made with SQLite's online
 * backup (other processes may keep writing meanwhile). It is written beside
 * the target and renamed into place, so a failure leaves no partial file.
 */
export async function backupDatabase(storage: Storage, target: string): Promise<void> {
  const temp = `${target}.${process.pid}.backup.tmp`;
  try {
    await storage.db.backup(temp);
    renameSync(temp, target);
  } catch (error) {
    rmSync(temp, { force: true });
    throw describeStorageFailure(error, target);
  }
}

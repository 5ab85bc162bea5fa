import { closeSync, renameSync, rmSync } from 'node:fs';
import { createTempBeside, SHELL_FILE_MODE, syncFolder } from './atomicFile.js';
import type { Storage } from './database.js';
import { describeStorageFailure } from './failures.js';

/**
 * A consistent copy of the database at `target`, made with SQLite's online
 * backup (other processes may keep writing meanwhile). It is written beside
 * the target and renamed into place, so a failure leaves no partial file. The
 * temp file is created first, so the copy has the mode of the file it
 * replaces, or a shell redirection's (0666 less the umask) when it is new.
 */
export async function backupDatabase(storage: Storage, target: string): Promise<void> {
  let temp: string | undefined;
  try {
    const created = createTempBeside(target, SHELL_FILE_MODE, 'backup.tmp');
    temp = created.temp;
    closeSync(created.fd);
    await storage.db.backup(temp);
    renameSync(temp, target);
    syncFolder(target);
  } catch (error) {
    if (temp) rmSync(temp, { force: true });
    throw describeStorageFailure(error, target);
  }
}

import { closeSync, renameSync, rmSync } from 'node:fs';
import { createTempBeside, SHELL_FILE_MODE, syncFolder } from './atomicFile.js';
import type { Storage } from './database.js';
import { describeStorageFailure } from './failures.js';
import { describeWriteFailure } from './writeFailures.js';

/**
 * A consistent copy of the database at `target`, made with SQLite's online
 * backup (other processes may keep writing meanwhile). It is written beside
 * the target and renamed into place, so a failure leaves no partial file. The
 * temp file is created first, so the copy has the mode of the file it
 * replaces (and, as root, its owner and group), or a shell redirection's
 * (0666 less the umask) when it is new. A failure names the target and what
 * is wrong there; only a locked or damaged database names the database.
 */
export async function backupDatabase(storage: Storage, target: string, shown = target): Promise<void> {
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
    throw isAboutSource(error) ? describeStorageFailure(error, storage.path) : describeWriteFailure(error, target, shown);
  }
}

/**
 * A failure of the database being copied (locked, damaged), as opposed to
 * one of the target (full, read-only, no permission), which the message must
 * name instead of the data folder.
 */
function isAboutSource(error: unknown): boolean {
  const code = String((error as { code?: unknown }).code ?? '');
  return /^SQLITE_(BUSY|LOCKED|CORRUPT|NOTADB)/.test(code);
}

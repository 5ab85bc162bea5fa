import { closeSync, fchmodSync, fsyncSync, openSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * The mode a shell redirection gives a new file: 0666, less the umask (the
 * kernel applies the umask to the mode passed to open). Output files (export,
 * report, backup) are created with it.
 */
export const SHELL_FILE_MODE = 0o666;

/**
 * Creates an empty temp file beside `path` (exclusive, never following a
 * link) and returns its name and descriptor. Its mode is that of the file it
 * will replace, when `path` is an existing regular file (so replacing a 0644
 * file leaves a 0644 file), else `newFileMode` less the umask.
 */
export function createTempBeside(path: string, newFileMode: number, tag = 'tmp'): { temp: string; fd: number } {
  const temp = `${path}.${process.pid}.${Math.random().toString(36).slice(2, 8)}.${tag}`;
  const existing = statSync(path, { throwIfNoEntry: false });
  const fd = openSync(temp, 'wx', newFileMode);
  if (existing?.isFile()) {
    try {
      fchmodSync(fd, existing.mode & 0o7777);
    } catch (error) {
      closeSync(fd);
      unlinkSync(temp);
      throw error;
    }
  }
  return { temp, fd };
}

/**
 * Writes `content` to `path` so that a crash or a full disk leaves either the
 * old file or the new one, never a torn one: a temp file beside it is written
 * completely (writeSync returns how much it wrote; the rest is written again
 * until done, and ENOSPC throws), fsynced and renamed over the target, then
 * the folder is fsynced. On any failure the temp file is removed and the
 * target is untouched. The mode is kept when a file is replaced; a new file
 * gets `newFileMode` less the umask.
 */
export function writeFileAtomic(path: string, content: string | Uint8Array, newFileMode: number): void {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  const { temp, fd } = createTempBeside(path, newFileMode);
  try {
    let offset = 0;
    while (offset < bytes.length) offset += writeSync(fd, bytes, offset, bytes.length - offset);
    fsyncSync(fd);
    closeSync(fd);
    renameSync(temp, path);
  } catch (error) {
    closeQuietly(fd);
    unlinkSync(temp);
    throw error;
  }
  syncFolder(path);
}

/** fsync of the folder holding `path`, so a rename into it survives a power cut. */
export function syncFolder(path: string): void {
  const dirFd = openSync(dirname(path), 'r');
  try {
    fsyncSync(dirFd);
  } finally {
    closeSync(dirFd);
  }
}

function closeQuietly(fd: number): void {
  try {
    closeSync(fd);
  } catch (error) {
    // Already closed before the rename failed: the original error is the one to report.
    if ((error as NodeJS.ErrnoException).code !== 'EBADF') throw error;
  }
}

import { closeSync, fsyncSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Writes `content` to `path` so that a crash or a full disk leaves either the
 * old file or the new one, never a torn one: a temp file beside it is written
 * completely (writeSync returns how much it wrote; the rest is written again
 * until done, and ENOSPC throws), fsynced and renamed over the target, then
 * the folder is fsynced. On any failure the temp file is removed and the
 * target is untouched.
 */
export function writeFileAtomic(path: string, content: string | Uint8Array): void {
  const temp = `${path}.${process.pid}.${Math.random().toString(36).slice(2, 8)}.tmp`;
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  const fd = openSync(temp, 'wx', 0o600);
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

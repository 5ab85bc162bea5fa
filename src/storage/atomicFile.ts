import { closeSync, fchmodSync, fchownSync, fsyncSync, lstatSync, openSync, readlinkSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/**
 * The mode a shell redirection gives a new file: 0666, less the umask (the
 * kernel applies the umask to the mode passed to open). Output files (export,
 * report, backup) are created with it.
 */
export const SHELL_FILE_MODE = 0o666;

/**
 * Creates an empty temp file beside `path` (exclusive, never following a
 * link) and returns its name and descriptor. Its mode, owner and group are
 * those of the file it will replace, when `path` is an existing regular file
 * (so replacing a 0644 file owned by nobody, as root, leaves a 0644 file owned
 * by nobody), else `newFileMode` less the umask and this process's user.
 * Owner and group are set with fchown before the rename; only root may give a
 * file away, so a normal user replacing another user's file (in a folder they
 * may write) gets a file of their own, as any editor would make.
 */
export function createTempBeside(path: string, newFileMode: number, tag = 'tmp'): { temp: string; fd: number } {
  const temp = `${path}.${process.pid}.${Math.random().toString(36).slice(2, 8)}.${tag}`;
  const existing = statSync(path, { throwIfNoEntry: false });
  const fd = openSync(temp, 'wx', newFileMode);
  if (existing?.isFile()) {
    try {
      keepOwner(fd, existing.uid, existing.gid);
      // After fchown: changing the owner clears set-user-ID and set-group-ID bits, which the mode restores.
      fchmodSync(fd, existing.mode & 0o7777);
    } catch (error) {
      closeSync(fd);
      unlinkSync(temp);
      throw error;
    }
  }
  return { temp, fd };
}

/** fchown to the replaced file's owner and group, when they differ from the new file's. */
function keepOwner(fd: number, uid: number, gid: number): void {
  const euid = process.geteuid?.();
  const egid = process.getegid?.();
  if (euid === undefined || (uid === euid && gid === egid)) return;
  // Root can give any file away; anyone else may change only the group, and only to one of their own groups.
  if (euid !== 0 && uid !== euid) return;
  try {
    fchownSync(fd, uid, gid);
  } catch (error) {
    // A normal user who owns the file but is not in its group: the new file keeps their primary group.
    if ((error as NodeJS.ErrnoException).code !== 'EPERM' || euid === 0) throw error;
  }
}

/**
 * The file a write to `path` should replace: `path` itself, or, when it is a
 * symbolic link (a dotfile manager's `config.yaml -> ~/dotfiles/...`), the
 * file at the end of its chain of links, resolved one link at a time, so the
 * link stays a link and its target gets the new content. A dangling link
 * resolves to the missing target, which is then created. Throws ELOOP
 * (as the kernel does) past 40 links.
 */
export function resolveLinks(path: string): string {
  let current = resolve(path);
  for (let hops = 0; hops <= 40; hops += 1) {
    const stats = lstatSync(current, { throwIfNoEntry: false });
    if (!stats?.isSymbolicLink()) return current;
    current = resolve(dirname(current), readlinkSync(current));
  }
  throw Object.assign(new Error(`${path}: too many levels of symbolic links`), { code: 'ELOOP' });
}

/**
 * Writes `content` to `path` so that a crash or a full disk leaves either the
 * old file or the new one, never a torn one: a temp file beside it is written
 * completely (writeSync returns how much it wrote; the rest is written again
 * until done, and ENOSPC throws), fsynced and renamed over the target, then
 * the folder is fsynced. On any failure the temp file is removed and the
 * target is untouched. Mode, owner and group are kept when a file is
 * replaced; a new file gets `newFileMode` less the umask. `path` itself is
 * replaced (a symbolic link there would become a regular file): callers that
 * write through links pass `resolveLinks(path)`.
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

import { dirname, resolve } from 'node:path';
import { UserError } from '../errors.js';
import { escapeControl } from '../text/controlChars.js';
import { describeFsError } from '../text/fsErrors.js';
import { describeKind, entryKind } from './entries.js';

/**
 * The first part of `path` (from the root down) that exists but is not a
 * folder, described: `/x/h is a FIFO, not a folder`. Undefined when every
 * existing part is a folder. Turns ENOTDIR ("part of the path is a file"),
 * which the kernel also says for a FIFO or a device, into what is really there.
 */
export function notAFolderAlong(path: string): string | undefined {
  const parts: string[] = [];
  for (let current = dirname(resolve(path)); ; current = dirname(current)) {
    parts.unshift(current);
    if (dirname(current) === current) break;
  }
  for (const part of parts) {
    const kind = entryKind(part);
    if (kind === 'missing') return undefined;
    if (kind !== 'folder') return `${escapeControl(part)} is ${describeKind(kind)}, not a folder`;
  }
  return undefined;
}

/**
 * What went wrong writing the file `target` (shown to the user as `shown`),
 * in words about the target's own folder, never about the data folder: a full
 * disk, a read-only file system, no permission, a missing folder, a path
 * through a non-folder, a link loop. `errno` codes from Node, `SQLITE_FULL` /
 * `SQLITE_READONLY` / `SQLITE_CANTOPEN` from SQLite's backup into the target.
 * Anything else is returned unchanged (a bug, shown with its stack).
 */
export function describeWriteFailure(error: unknown, target: string, given = target): Error {
  if (error instanceof UserError) return error;
  const code = String((error as { code?: unknown }).code ?? '');
  const shown = escapeControl(given);
  const folder = escapeControl(dirname(resolve(target)));
  const nothing = 'nothing was written';
  if (code === 'ENOSPC' || code === 'EDQUOT' || code === 'SQLITE_FULL' || (code.startsWith('SQLITE_IOERR') && /disk|space|full/i.test(String((error as Error).message)))) {
    return new UserError(`${shown}: the disk holding ${folder} is full; ${nothing} (free some space there, or write somewhere else)`);
  }
  if (code === 'EROFS') return new UserError(`${shown}: ${folder} is on a read-only file system; ${nothing}`);
  if (code === 'EACCES' || code === 'EPERM' || code === 'SQLITE_READONLY' || code.startsWith('SQLITE_READONLY_') || code === 'SQLITE_CANTOPEN') {
    return new UserError(`${shown}: no permission to create files in ${folder} (the new file is written beside the old one, then renamed over it); ${nothing}`);
  }
  if (code === 'ENOTDIR') return new UserError(`${shown}: ${notAFolderAlong(target) ?? 'part of the path is not a folder'}; ${nothing}`);
  if (code === 'ENOENT') return new UserError(`${shown}: the folder ${folder} does not exist; ${nothing}`);
  if (code === 'ELOOP') return new UserError(`${shown}: is (or passes through) a symbolic link loop; ${nothing}`);
  if (code === 'EISDIR') return new UserError(`${shown}: is a folder; ${nothing}`);
  if (/^E[A-Z]+$/.test(code)) return new UserError(`${shown}: cannot be written (${describeFsError(error)}); ${nothing}`);
  return error instanceof Error ? error : new Error(String(error));
}

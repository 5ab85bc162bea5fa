import { lstatSync, statSync, type Stats } from 'node:fs';
import { describeFsError } from '../topics/files.js';

/**
 * What is at a path, following symbolic links, in words fit for a message:
 * `missing`, `file`, `folder`, or the odd kinds (`a FIFO`, `a symbolic link
 * loop`, ...). Never throws for the file system's answer: a loop (ELOOP), a
 * path through a file (ENOTDIR) or a folder we may not enter (EACCES) are
 * kinds too, so every caller can turn any of them into one line.
 */
export type EntryKind = 'missing' | 'file' | 'folder' | OddKind;

/** Everything that is neither missing nor a regular file nor a folder, already phrased ("a FIFO"). */
export type OddKind = `a ${string}` | `an ${string}` | `part of its path is a file` | `not reachable (${string})`;

export function entryKind(path: string): EntryKind {
  let stats: Stats | undefined;
  try {
    stats = statSync(path, { throwIfNoEntry: false });
  } catch (error) {
    return unreachable(error);
  }
  if (!stats) {
    // stat follows links: a link whose target is missing is a dangling link, not nothing.
    const link = lstatOrUndefined(path);
    return link?.isSymbolicLink() ? 'a symbolic link to something that does not exist' : 'missing';
  }
  if (stats.isFile()) return 'file';
  if (stats.isDirectory()) return 'folder';
  if (stats.isFIFO()) return 'a FIFO';
  if (stats.isSocket()) return 'a socket';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  return 'an unknown kind of file';
}

/** The kind as words after "is" or inside "not a regular file (…)": `a folder`, `a file`, or the odd kind itself. */
export function describeKind(kind: EntryKind): string {
  if (kind === 'file' || kind === 'folder') return `a ${kind}`;
  if (kind === 'missing') return 'missing';
  return kind;
}

function unreachable(error: unknown): OddKind {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ELOOP') return 'a symbolic link loop';
  if (code === 'ENOTDIR') return 'part of its path is a file';
  return `not reachable (${describeFsError(error)})`;
}

function lstatOrUndefined(path: string): Stats | undefined {
  try {
    return lstatSync(path, { throwIfNoEntry: false });
  } catch (error) {
    // stat just failed with ENOENT, so lstat can only fail the same way (a race): report it as missing.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ENOTDIR') return undefined;
    throw error;
  }
}

import { accessSync, constants, mkdirSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { describeFsError } from '../text/fsErrors.js';
import { describeKind, entryKind } from './entries.js';
import { StorageError } from './failures.js';
import { DATABASE_FILE_NAME } from './names.js';

/** The files SQLite keeps beside the database: its write-ahead log, shared memory and rollback journal. */
export const DATABASE_COMPANIONS = ['-wal', '-shm', '-journal'] as const;

/** `coach.db` and its companion files in `dataDir`. */
export function databaseFiles(dataDir: string): string[] {
  const path = join(dataDir, DATABASE_FILE_NAME);
  return [path, ...DATABASE_COMPANIONS.map((suffix) => `${path}${suffix}`)];
}

/** How the data folder can be used: `writable`, `read-only` (no new files), or `full` (the disk has no room to make it). */
export type FolderState = 'writable' | 'read-only' | 'full';

/**
 * Checks COACH_HOME is a folder (making it when `create` and it is missing)
 * and whether it accepts new files. Throws a one-line StorageError naming the
 * folder when it is a file, a FIFO, a device, a dangling link, a link loop,
 * lies under a file, or cannot be reached. Without `create`, a missing folder
 * is `read-only` when its nearest existing parent refuses new files.
 */
export function prepareDataFolder(dataDir: string, create: true): FolderState;
export function prepareDataFolder(dataDir: string, create: false): FolderState | 'missing';
export function prepareDataFolder(dataDir: string, create: boolean): FolderState | 'missing' {
  const kind = entryKind(dataDir);
  if (kind === 'folder') return accepts(dataDir) ? 'writable' : 'read-only';
  if (kind !== 'missing') throw folderProblem(dataDir, kind === 'file' ? 'a file' : kind);
  if (!create) return 'missing';
  try {
    mkdirSync(dataDir, { recursive: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM') return 'read-only';
    if (code === 'ENOSPC' || code === 'EDQUOT') return 'full';
    // A part of the path changed kind, or is a dangling link or loop (mkdir -p says ENOENT, EEXIST, ELOOP).
    throw folderProblem(dataDir, `not creatable (${describeFsError(error)}; check each part of the path)`);
  }
  return accepts(dataDir) ? 'writable' : 'read-only';
}

function readable(path: string): boolean {
  // Anything but a refusal (it vanished meanwhile) is left to SQLite, whose failure is described too.
  return access(path, constants.R_OK) !== 'refused';
}

function accepts(dir: string): boolean {
  const answer = access(dir, constants.W_OK);
  if (answer === 'yes' || answer === 'refused') return answer === 'yes';
  throw folderProblem(dir, `not reachable (${describeFsError(answer)})`);
}

/** access(2) for `mode`: allowed, refused (no permission, a read-only file system), or the error of any other failure. */
function access(path: string, mode: number): 'yes' | 'refused' | NodeJS.ErrnoException {
  try {
    accessSync(path, mode);
    return 'yes';
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'EACCES' || code === 'EPERM' || code === 'EROFS' ? 'refused' : (error as NodeJS.ErrnoException);
  }
}

function folderProblem(dataDir: string, kind: string): StorageError {
  if (kind === 'a file') return new StorageError(`${dataDir}: the data folder (COACH_HOME) is a file, not a folder; point COACH_HOME at a folder`);
  if (kind === 'part of its path is a file') return new StorageError(`${dataDir}: the data folder (COACH_HOME) cannot be made: part of its path is a file`);
  return new StorageError(`${dataDir}: the data folder (COACH_HOME) is ${kind.startsWith('a') || kind.startsWith('not') ? '' : 'a '}${kind}, not a usable folder; point COACH_HOME at a folder`);
}

/**
 * Throws a one-line StorageError when coach.db or one of its companion files
 * is there but is not a regular file (a folder, a FIFO, a dangling link, a
 * link loop...): SQLite would fail on it with a misleading message (a folder
 * `coach.db-shm` reads as "read-only"), or block on a FIFO. True when coach.db exists.
 */
export function checkDatabaseFiles(dataDir: string): boolean {
  let exists = false;
  for (const path of databaseFiles(dataDir)) {
    const kind = entryKind(path);
    if (kind === 'missing') continue;
    if (kind !== 'file') throw new StorageError(`${path}: not a regular file (${describeKind(kind)}); move it aside (the data folder must hold only what coach writes under this name)`);
    if (!readable(path)) throw new StorageError(`${path}: cannot be read (permission denied); give your user read and write access to it, or set COACH_HOME to another folder`);
    if (path.endsWith(DATABASE_FILE_NAME)) exists = true;
  }
  return exists;
}

/**
 * Whether writing `target` would write over the live database or one of its
 * companion files: the same device and inode when the target exists
 * (through any link or other name), else the same folder (resolved) and name.
 */
export function isDatabaseFile(dataDir: string, target: string): boolean {
  const files = databaseFiles(dataDir);
  const targetStats = statOrUndefined(target);
  if (targetStats) {
    return files.some((file) => {
      const stats = statOrUndefined(file);
      return stats !== undefined && stats.dev === targetStats.dev && stats.ino === targetStats.ino;
    });
  }
  const folder = realOrUndefined(dirname(target));
  const dataFolder = realOrUndefined(dataDir);
  if (folder === undefined || dataFolder === undefined) return false;
  return folder === dataFolder && files.some((file) => basename(file) === basename(target));
}

function statOrUndefined(path: string) {
  try {
    return statSync(path, { throwIfNoEntry: false });
  } catch (error) {
    // A loop or a path through a file is no database: the caller's own checks name the problem.
    if ((error as NodeJS.ErrnoException).code === undefined) throw error;
    return undefined;
  }
}

function realOrUndefined(path: string): string | undefined {
  try {
    return realpathSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === undefined) throw error;
    return undefined;
  }
}

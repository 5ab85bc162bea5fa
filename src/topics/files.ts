import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readFileSync, statSync, type Stats } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { UsageError } from '../errors.js';
import { escapeControl } from '../text/controlChars.js';

const TOPIC_FILE = /\.ya?ml$/i;

import { describeFsError } from '../text/fsErrors.js';

export { describeFsError };

/**
 * Topic files directly inside `dir`, sorted by name so loading order is stable.
 * Special files are listed too: readRegularFile reports them. A folder that
 * cannot be listed (no read permission, gone, a loop) is a one-line UsageError
 * naming it, and `source` (`--topics`, `COACH_TOPICS`) when given.
 */
export function listTopicFiles(dir: string, source?: string, shown: string = dir): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === undefined) throw error;
    throw new UsageError(`topic folder cannot be read (${describeFsError(error)}): ${shown}${source ? ` (from ${source})` : ''}`);
  }
  return names
    .filter((name) => TOPIC_FILE.test(name))
    .sort()
    .map((name) => join(dir, name));
}

/**
 * Expands lint arguments: a folder means its topic files, anything else means
 * itself. A folder named like a topic file (`d.yaml/`) stays itself, so it is
 * the same "not a regular file" problem as in a folder scan. `emptyFolders`
 * lists folder arguments that hold no topic file: linting nothing is not a pass.
 * A path that is missing or cannot be reached (a folder above it may not be
 * searched, a loop) is a one-line UsageError, shown through `display`.
 */
export function expandTopicPaths(paths: readonly string[], display: (path: string) => string = (path) => path): { files: string[]; emptyFolders: string[] } {
  const emptyFolders: string[] = [];
  const files = paths.flatMap((path) => {
    const link = lstatOrReason(path);
    if (link === undefined) throw new UsageError(`no such file or folder: ${display(path)}`);
    if (typeof link === 'string') throw new UsageError(`${display(path)}: cannot be read (${link})`);
    const target = statOrReason(path, link);
    if (TOPIC_FILE.test(path) || typeof target === 'string' || !target.isDirectory()) return [path];
    const listed = listTopicFiles(path, undefined, display(path));
    if (listed.length === 0) emptyFolders.push(path);
    return listed;
  });
  return { files, emptyFolders };
}

/** Throws a one-line UsageError unless `dir` (named by `source`: `--topics`, `COACH_TOPICS`) is a folder that can be reached. */
export function assertTopicDir(dir: string, source: string): void {
  const link = lstatOrReason(dir);
  if (link === undefined) throw new UsageError(`topic folder not found: ${escapeControl(dir)} (from ${source})`);
  if (typeof link === 'string') throw new UsageError(`topic folder cannot be read (${link}): ${escapeControl(dir)} (from ${source})`);
  const stats = statOrReason(dir, link);
  if (typeof stats === 'string') throw new UsageError(`topic folder cannot be read (${stats}): ${escapeControl(dir)} (from ${source})`);
  if (!stats.isDirectory()) throw new UsageError(`${source} wants a folder of topic files, and ${dir} is not a folder`);
}

/**
 * The bytes of a topic (or answers, or import, or calibration) file, or why it
 * is not read: a FIFO would block forever, a device could stream without end, a
 * folder or a dangling link cannot be read, a folder above it may not be
 * searched. The kind is decided by stat before anything is opened; the open is
 * non-blocking and re-checked, in case the path changed in between. Never
 * throws for the file system's answer.
 */
export function readRegularFile(path: string): { bytes: Uint8Array } | { skipped: string } {
  const link = lstatOrReason(path);
  if (link === undefined) return { skipped: 'not a regular file (it does not exist); skipped' };
  if (typeof link === 'string') return { skipped: `cannot be read (${link}); skipped` };
  const stats = statOrReason(path, link);
  if (typeof stats === 'string') return { skipped: `not a regular file (${stats}); skipped` };
  const kind = oddKind(stats);
  if (kind) return { skipped: `not a regular file (${kind}); skipped` };
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    return { skipped: `cannot be read (${describeFsError(error)}); skipped` };
  }
  try {
    if (!fstatSync(fd).isFile()) return { skipped: 'not a regular file (it changed while being read); skipped' };
    return { bytes: readFileSync(fd) };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === undefined) throw error;
    return { skipped: `cannot be read (${describeFsError(error)}); skipped` };
  } finally {
    closeSync(fd);
  }
}

/** lstat: the entry itself, undefined when missing, or why it cannot be reached (a folder above it is not searchable, a loop above it). */
function lstatOrReason(path: string): Stats | string | undefined {
  try {
    return lstatSync(path, { throwIfNoEntry: false });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === undefined) throw error;
    return describeFsError(error);
  }
}

/** What a found entry leads to: itself, or a link's target; a link that cannot be followed is said in words. */
function statOrReason(path: string, link: Stats): Stats | string {
  if (!link.isSymbolicLink()) return link;
  try {
    return statSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === undefined) throw error;
    if (code === 'ENOENT') return 'a symbolic link to nothing';
    if (code === 'ELOOP') return 'a symbolic link loop';
    return `a symbolic link that cannot be followed: ${describeFsError(error)}`;
  }
}

function oddKind(stats: Stats): string | undefined {
  if (stats.isFile()) return undefined;
  if (stats.isDirectory()) return 'a folder';
  if (stats.isFIFO()) return 'a FIFO';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  if (stats.isSocket()) return 'a socket';
  return 'an unknown kind of file';
}

/** Paths in messages: relative to the working directory when inside it, so they stay short and clickable; control characters escaped (escapeControl) so a name stays one line. */
export function displayPath(path: string, cwd: string): string {
  const shown = relative(cwd, path);
  return escapeControl(shown !== '' && !shown.startsWith('..') && !isAbsolute(shown) ? shown : path);
}

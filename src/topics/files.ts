import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readFileSync, statSync, type Stats } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { UsageError } from '../errors.js';

const TOPIC_FILE = /\.ya?ml$/i;

/** Topic files directly inside `dir`, sorted by name so loading order is stable. Special files are listed too: readTopicBytes reports them. */
export function listTopicFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => TOPIC_FILE.test(name))
    .sort()
    .map((name) => join(dir, name));
}

/**
 * Expands lint arguments: a folder means its topic files, anything else means
 * itself. A folder named like a topic file (`d.yaml/`) stays itself, so it is
 * the same "not a regular file" problem as in a folder scan. `emptyFolders`
 * lists folder arguments that hold no topic file: linting nothing is not a pass.
 */
export function expandTopicPaths(paths: readonly string[]): { files: string[]; emptyFolders: string[] } {
  const emptyFolders: string[] = [];
  const files = paths.flatMap((path) => {
    if (!lstatSync(path, { throwIfNoEntry: false })) throw new UsageError(`no such file or folder: ${path}`);
    if (TOPIC_FILE.test(path) || !statOrUndefined(path)?.isDirectory()) return [path];
    const listed = listTopicFiles(path);
    if (listed.length === 0) emptyFolders.push(path);
    return listed;
  });
  return { files, emptyFolders };
}

export function assertTopicDir(dir: string, source: string): void {
  const stats = statOrUndefined(dir);
  if (!stats) throw new UsageError(`topic folder not found: ${dir} (from ${source})`);
  if (!stats.isDirectory()) throw new UsageError(`${source} wants a folder of topic files, and ${dir} is not a folder`);
}

/**
 * The bytes of a topic (or answers) file, or why it is not read: a FIFO would
 * block forever, a device could stream without end, a folder or a dangling link
 * cannot be read. The kind is decided by stat before anything is opened; the
 * open is non-blocking and re-checked, in case the path changed in between.
 */
export function readRegularFile(path: string): { bytes: Uint8Array } | { skipped: string } {
  const reason = notRegular(path);
  if (reason) return { skipped: `not a regular file (${reason}); skipped` };
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    return { skipped: `cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); skipped` };
  }
  try {
    if (!fstatSync(fd).isFile()) return { skipped: 'not a regular file (it changed while being read); skipped' };
    return { bytes: readFileSync(fd) };
  } finally {
    closeSync(fd);
  }
}

function notRegular(path: string): string | undefined {
  const link = lstatSync(path, { throwIfNoEntry: false });
  if (!link) return 'it does not exist';
  let stats: Stats = link;
  if (link.isSymbolicLink()) {
    try {
      stats = statSync(path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return 'a symbolic link to nothing';
      if (code === 'ELOOP') return 'a loop of symbolic links';
      return `a symbolic link that cannot be followed: ${code}`;
    }
  }
  if (stats.isFile()) return undefined;
  if (stats.isDirectory()) return 'a folder';
  if (stats.isFIFO()) return 'a FIFO';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  if (stats.isSocket()) return 'a socket';
  return 'an unknown kind of file';
}

function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path, { throwIfNoEntry: false });
  } catch (error) {
    // A symlink loop (ELOOP) or a path through a file (ENOTDIR): not a folder; callers say why.
    if (['ELOOP', 'ENOTDIR', 'ENAMETOOLONG'].includes((error as NodeJS.ErrnoException).code ?? '')) return undefined;
    throw error;
  }
}

/** Paths in messages: relative to the working directory when inside it, so they stay short and clickable. */
export function displayPath(path: string, cwd: string): string {
  const shown = relative(cwd, path);
  return shown !== '' && !shown.startsWith('..') && !isAbsolute(shown) ? shown : path;
}

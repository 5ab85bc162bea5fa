import { lstatSync, statSync, type Stats } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Context } from '../context.js';
import { UserError } from '../errors.js';
import { SHELL_FILE_MODE, writeFileAtomic } from '../storage/atomicFile.js';
import { isDatabaseFile } from '../storage/dataFolder.js';
import { describeWriteFailure } from '../storage/writeFailures.js';
import { describeFsError } from '../topics/files.js';
import { escapeControl } from '../text/controlChars.js';

/**
 * stdout, or `--output FILE`: written atomically, and only ever as a regular
 * file. A missing folder, a folder, a device, a FIFO or a socket in its place
 * is one line; an existing regular file needs `--force`; a symlink is never
 * replaced (even with --force), since renaming over it would drop the link.
 * The live database and its companion files are never a target. A replaced
 * file keeps its mode, owner and group; a new one gets a shell redirection's
 * (0666 less the umask). A failed write names the target and what is wrong
 * there (full, read-only, no permission), never the data folder.
 */
export function writeCommandOutput(text: string, options: { output?: string; force?: boolean }, ctx: Pick<Context, 'cwd' | 'stdout' | 'stderr' | 'paths'>): void {
  if (!options.output) {
    ctx.stdout.write(text);
    return;
  }
  const target = resolve(ctx.cwd, options.output);
  const shown = escapeControl(options.output);
  checkOutputTarget(target, shown, options.force === true, ctx.paths.dataDir);
  try {
    writeFileAtomic(target, text, SHELL_FILE_MODE);
  } catch (error) {
    throw describeWriteFailure(error, target, shown);
  }
  ctx.stderr.write(`Wrote ${shown}\n`);
}

/** Throws a one-line UserError unless `target` may be written as a regular file and is not part of the database in `dataDir`. */
export function checkOutputTarget(target: string, given: string, force: boolean, dataDir: string): void {
  const shown = escapeControl(given);
  if (isDatabaseFile(dataDir, target)) throw new UserError(`${shown}: is the coach's own database (or one of its files); write to another name`);
  const folder = probe(() => statSync(dirname(target), { throwIfNoEntry: false }));
  if (typeof folder === 'string') throw new UserError(`${shown}: the folder ${dirname(shown)} cannot be reached (${folder})`);
  if (!folder) throw new UserError(`${shown}: the folder ${dirname(shown)} does not exist`);
  if (!folder.isDirectory()) throw new UserError(`${shown}: ${dirname(shown)} is not a folder`);
  const existing = probe(() => lstatSync(target, { throwIfNoEntry: false }));
  if (typeof existing === 'string') throw new UserError(`${shown}: the folder ${dirname(shown)} cannot be searched (${existing})`);
  if (!existing) return;
  if (existing.isDirectory()) throw new UserError(`${shown}: is a folder; give a file name`);
  if (existing.isSymbolicLink()) throw new UserError(`${shown}: is a symbolic link; it is never replaced (write to another name)`);
  if (!existing.isFile()) throw new UserError(`${shown}: is a ${existing.isFIFO() ? 'FIFO' : existing.isSocket() ? 'socket' : 'device'}, not a regular file; it is never replaced`);
  if (!force) throw new UserError(`${shown} already exists; use --force to overwrite it`);
}

/** A stat that says why it failed (in words: "permission denied", "a symbolic link loop") instead of throwing. */
function probe(stat: () => Stats | undefined): Stats | undefined | string {
  try {
    return stat();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === undefined) throw error;
    return describeFsError(error);
  }
}

import { resolve } from 'node:path';
import type { Context } from '../context.js';
import { UsageError, UserError } from '../errors.js';
import { readRegularFile } from '../topics/files.js';
import { importRecords } from '../storage/importRecords.js';
import { escapeControl } from '../text/controlChars.js';

export interface ImportOptions {
  file: string;
}

/**
 * Reads what `coach export --format json` writes (its `records`, the stored
 * sessions) into the database. Sessions already present are skipped; ones
 * present with different content are kept as they are and listed as conflicts.
 */
export async function importCommand(options: ImportOptions, ctx: Context): Promise<void> {
  const path = resolve(ctx.cwd, options.file);
  const shown = escapeControl(options.file);
  const records = readExport(path, shown);
  let outcome;
  try {
    outcome = importRecords(ctx.sessions.db, records);
  } catch (error) {
    if (error instanceof UserError) throw error;
    if (error instanceof Error && error.message.startsWith('records[')) throw new UserError(`${shown}: ${error.message}`);
    throw error;
  }
  if (ctx.json) {
    ctx.stdout.write(`${JSON.stringify(outcome, null, 2)}\n`);
  } else {
    ctx.stdout.write(`Imported ${outcome.imported.length} session${outcome.imported.length === 1 ? '' : 's'} from ${shown}; ${outcome.present.length} already here.\n`);
  }
  for (const id of outcome.conflicts) ctx.stderr.write(ctx.style.yellow(`warning: ${shown}: session ${id} differs from the one already stored; kept the stored one\n`));
}

/**
 * The export's `records`. A path that is missing, not a regular file (a
 * folder, a FIFO, a dangling link...) or unreadable is a usage error (exit 2),
 * read the same way as `--answers` files; a file that is there but is not an
 * export is a failure (exit 1).
 */
function readExport(path: string, shown: string): unknown[] {
  const read = readRegularFile(path);
  if ('skipped' in read) {
    const reason = read.skipped.replace(/; skipped$/, '');
    throw new UsageError(`${shown}: ${reason === 'not a regular file (it does not exist)' ? 'no such file' : reason}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(read.bytes).toString('utf8'));
  } catch (error) {
    throw new UserError(`${shown}: not valid JSON (${(error as Error).message})`);
  }
  const records = (value as { records?: unknown } | null)?.records;
  if (!Array.isArray(records)) throw new UserError(`${shown}: not a coach export (no "records" list; write one with coach export --format json)`);
  return records;
}

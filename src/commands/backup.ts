import { resolve } from 'node:path';
import type { Context } from '../context.js';
import { backupDatabase } from '../storage/backup.js';
import { escapeControl } from '../text/controlChars.js';
import { checkOutputTarget } from './output.js';

export interface BackupOptions {
  file: string;
  force?: boolean;
}

/** A consistent copy of coach.db (SQLite online backup); restore by copying it back over coach.db. */
export async function backupCommand(options: BackupOptions, ctx: Context): Promise<void> {
  const target = resolve(ctx.cwd, options.file);
  const shown = escapeControl(options.file);
  checkOutputTarget(target, shown, options.force === true, ctx.paths.dataDir);
  const storage = ctx.sessions.db;
  await backupDatabase(storage, target, shown);
  const count = ctx.sessions.ids().length;
  ctx.stderr.write(`Backed up ${count} session${count === 1 ? '' : 's'} from ${escapeControl(storage.path)} to ${shown}\n`);
}

import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Context } from '../context.js';
import { UserError } from '../errors.js';
import { writeFileAtomic } from '../session/store.js';

/** stdout, or `--output FILE`: written atomically, never over an existing file without `--force`. */
export function writeCommandOutput(text: string, options: { output?: string; force?: boolean }, ctx: Pick<Context, 'cwd' | 'stdout' | 'stderr'>): void {
  if (!options.output) {
    ctx.stdout.write(text);
    return;
  }
  const target = resolve(ctx.cwd, options.output);
  if (existsSync(target) && !options.force) throw new UserError(`${options.output} already exists; use --force to overwrite it`);
  writeFileAtomic(target, text);
  ctx.stderr.write(`Wrote ${options.output}\n`);
}

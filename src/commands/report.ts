import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Context } from '../context.js';
import { UsageError, UserError } from '../errors.js';
import { buildReport } from '../report/build.js';
import { renderTextReport } from '../report/text.js';
import { writeFileAtomic } from '../session/store.js';

export interface ReportOptions {
  session?: string;
  format?: string;
  output?: string;
  force?: boolean;
}

const FORMATS = ['text', 'json'] as const;

export async function reportCommand(options: ReportOptions, ctx: Context): Promise<void> {
  const format = ctx.json ? 'json' : (options.format ?? 'text');
  if (format === 'md' || format === 'html') throw new UserError(`--format ${format} is not available yet in this version; use text or json`);
  if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format: expected ${FORMATS.join(', ')}, got "${format}"`);
  const id = ctx.sessions.resolve(options.session);
  const session = ctx.sessions.load(id);
  const report = buildReport(session);
  const output = format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : renderTextReport(report, session, options.output ? (await import('../ui/style.js')).plainStyle : ctx.style);
  if (!options.output) {
    ctx.stdout.write(output);
    return;
  }
  const target = resolve(ctx.cwd, options.output);
  if (existsSync(target) && !options.force) throw new UserError(`${options.output} already exists; use --force to overwrite it`);
  writeFileAtomic(target, output);
  ctx.stderr.write(`Wrote ${options.output}\n`);
}

import type { Context } from '../context.js';
import { UsageError } from '../errors.js';
import { buildReport } from '../report/build.js';
import type { Report } from '../report/schema.js';
import type { Session } from '../session/model.js';
import type { Style } from '../ui/style.js';
import { writeCommandOutput } from './output.js';

export interface ReportOptions {
  session?: string;
  format?: string;
  output?: string;
  force?: boolean;
}

const FORMATS = ['text', 'md', 'html', 'json'] as const;

export async function reportCommand(options: ReportOptions, ctx: Context): Promise<void> {
  const format = ctx.json ? 'json' : (options.format ?? 'text');
  if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format: expected ${FORMATS.join(', ')}, got "${format}"`);
  const id = ctx.sessions.resolve(options.session);
  const session = ctx.sessions.load(id);
  const report = buildReport(session);
  const output = await render(format, report, session, options.output ? (await import('../ui/style.js')).plainStyle : ctx.style, ctx.stdout.columns ?? 100);
  if (!options.output && format === 'text') await (await import('../ui/pager.js')).writePaged(output, ctx);
  else writeCommandOutput(output, options, ctx);
}

/** Each renderer is imported only for its own format. */
async function render(format: string, report: Report, session: Session, style: Style, width: number): Promise<string> {
  switch (format) {
    case 'json':
      return `${JSON.stringify(report, null, 2)}\n`;
    case 'md':
      return (await import('../report/markdown.js')).renderMarkdownReport(report, session);
    case 'html':
      return (await import('../report/html.js')).renderHtmlReport(report, session);
    default:
      return (await import('../report/text.js')).renderTextReport(report, session, style, Math.min(width, 120));
  }
}

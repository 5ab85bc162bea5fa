import type { Context } from '../context.js';
import { UsageError } from '../errors.js';
import { buildReport } from '../report/build.js';
import { SessionFileError } from '../session/store.js';
import { readHistory } from './history.js';
import { writeCommandOutput } from './output.js';

export interface ExportOptions {
  format?: string;
  output?: string;
  force?: boolean;
}

export const CSV_COLUMNS = ['session', 'date', 'kind', 'topic', 'question', 'phase', 'criterion', 'earned', 'possible', 'mark', 'grader'] as const;

/**
 * All history: JSON (every session's report, the documented contract) or CSV
 * with one row per graded criterion (a choice question is one row, criterion
 * `correct`), oldest first.
 */
export async function exportCommand(options: ExportOptions, ctx: Context): Promise<void> {
  const format = options.format ?? 'json';
  if (format !== 'json' && format !== 'csv') throw new UsageError(`--format: expected json or csv, got "${format}"`);
  const output = format === 'csv' ? exportCsv(ctx) : exportJson(ctx);
  writeCommandOutput(output, options, ctx);
}

function exportCsv(ctx: Context): string {
  const rows: string[][] = [[...CSV_COLUMNS]];
  for (const summary of readHistory(ctx).reverse()) {
    for (const result of summary.results) {
      if (!result.headline) continue;
      for (const criterion of result.headline.criteria) {
        rows.push([summary.id, result.answeredAt ?? summary.startedAt, summary.kind, result.topic, result.question, result.phase ?? '', criterion.id, String(criterion.earned), String(criterion.possible), criterion.mark, result.headline.by]);
      }
    }
  }
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

function exportJson(ctx: Context): string {
  const reports = [];
  for (const id of ctx.sessions.ids()) {
    try {
      reports.push(buildReport(ctx.sessions.load(id)));
    } catch (error) {
      if (!(error instanceof SessionFileError)) throw error;
      ctx.stderr.write(ctx.style.yellow(`warning: ${error.message}\n`));
    }
  }
  return `${JSON.stringify({ sessions: reports }, null, 2)}\n`;
}

/** RFC 4180: quote a field holding a comma, quote or line break; double any quotes. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

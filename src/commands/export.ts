import type { Context } from '../context.js';
import { UsageError } from '../errors.js';
import { buildReport } from '../report/build.js';
import { byStart, renderCriteriaCsv, type CsvSession } from '../report/csv.js';
import { readHistory } from './history.js';
import { writeCommandOutput } from './output.js';

export interface ExportOptions {
  format?: string;
  output?: string;
  force?: boolean;
}

/**
 * All history: JSON (every session's report, the documented contract) or CSV
 * with one row per graded criterion (a choice question is one row, criterion
 * `correct`). Both oldest first by start time; formatting (CSV quoting and
 * formula neutralising) lives in report/csv.ts.
 */
export async function exportCommand(options: ExportOptions, ctx: Context): Promise<void> {
  const format = options.format ?? 'json';
  if (format !== 'json' && format !== 'csv') throw new UsageError(`--format: expected json or csv, got "${format}"`);
  const output = format === 'csv' ? exportCsv(ctx) : exportJson(ctx);
  writeCommandOutput(output, options, ctx);
}

function exportCsv(ctx: Context): string {
  const sessions: CsvSession[] = readHistory(ctx).map((summary) => ({
    id: summary.id,
    startedAt: summary.startedAt,
    rows: summary.results.flatMap((result) => {
      const headline = result.headline;
      if (!headline) return [];
      const date = result.answeredAt ?? summary.startedAt;
      return headline.criteria.map((criterion) => ({
        session: summary.id,
        date,
        kind: summary.kind,
        topic: result.topic,
        question: result.question,
        phase: result.phase ?? '',
        criterion: criterion.id,
        earned: criterion.earned,
        possible: criterion.possible,
        mark: criterion.mark,
        grader: headline.by,
      }));
    }),
  }));
  return renderCriteriaCsv(sessions);
}

/** Every session's report (the documented contract) and, under `records`, the stored sessions themselves, which `coach import` reads back. */
function exportJson(ctx: Context): string {
  const reports = [];
  const records = [];
  for (const id of ctx.sessions.ids()) {
    const session = ctx.sessions.load(id);
    reports.push(buildReport(session));
    records.push(session);
  }
  reports.sort(byStart);
  records.sort(byStart);
  return `${JSON.stringify({ sessions: reports, records }, null, 2)}\n`;
}

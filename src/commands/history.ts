import type { Context } from '../context.js';
import { join } from 'node:path';
import { readSummaries, type SessionSummary } from '../session/summaries.js';
import { renderTable } from '../ui/table.js';
import { shorten } from '../ui/text.js';

export type HistoryEntry = Omit<SessionSummary, 'results' | 'fingerprint'>;

/** Every readable session, newest first; unreadable files are reported with their path and skipped. */
export function readHistory(ctx: Pick<Context, 'sessions' | 'stderr' | 'style' | 'paths'>, options: { withResults?: boolean } = {}): SessionSummary[] {
  return readSummaries(ctx.sessions, join(ctx.paths.dataDir, 'index'), (error) => ctx.stderr.write(ctx.style.yellow(`warning: ${error.message}\n`)), options).reverse();
}

export async function historyCommand(_options: Record<string, never>, ctx: Context): Promise<void> {
  const entries = readHistory(ctx, { withResults: false });
  if (ctx.json) {
    const sessions: HistoryEntry[] = entries.map(({ results: _results, fingerprint: _fingerprint, ...entry }) => entry);
    ctx.stdout.write(`${JSON.stringify({ sessions }, null, 2)}\n`);
    return;
  }
  if (entries.length === 0) {
    ctx.stdout.write('No sessions yet. Start one with: coach quiz\n');
    return;
  }
  const { style } = ctx;
  ctx.stdout.write(
    renderTable(
      entries,
      [
        { header: 'SESSION', cell: (entry) => entry.id, style: (text) => style.cyan(text) },
        { header: 'KIND', cell: (entry) => entry.kind },
        { header: 'STARTED', cell: (entry) => localTime(entry.startedAt) },
        { header: 'TOPICS', cell: (entry) => shorten(entry.topics.join(','), 32) },
        { header: 'DONE', cell: (entry) => `${entry.answered}/${entry.questions}`, align: 'right' },
        { header: 'SCORE', cell: (entry) => (entry.score.percent === null ? '-' : `${entry.score.percent}%`), align: 'right' },
        { header: 'STATUS', cell: (entry) => `${entry.status}${entry.pending > 0 ? ` (${entry.pending} to grade)` : ''}`, style: (text, entry) => (entry.status === 'in-progress' ? style.yellow(text) : text) },
      ],
      (text) => style.bold(text),
    ),
  );
}

function localTime(iso: string): string {
  const date = new Date(iso);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}


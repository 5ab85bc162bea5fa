import type { Context } from '../context.js';
import type { SessionSummary } from '../session/summaries.js';
import { wrapText } from '../text/layout.js';
import { localTime } from '../text/time.js';
import { writePaged } from '../ui/pager.js';
import { renderTable } from '../ui/table.js';
import { outputWidth } from '../ui/width.js';

/** A session in `coach history --json`: its summary without the per-question results. */
export type HistoryEntry = Omit<SessionSummary, 'results' | 'fingerprint'>;

/** Every session's summary, newest first, from the database's derived tables. */
export function readHistory(ctx: Pick<Context, 'sessions'>, options: { withResults?: boolean } = {}): SessionSummary[] {
  return ctx.sessions.summaries(options).reverse();
}

/** `coach history`: every session newest first, as a table fitted to the terminal (paged on a TTY), or JSON. */
export async function historyCommand(_options: Record<string, never>, ctx: Context): Promise<void> {
  if (ctx.json) {
    const sessions: HistoryEntry[] = readHistory(ctx, { withResults: false }).map(({ results: _results, fingerprint: _fingerprint, ...entry }) => entry);
    ctx.stdout.write(`${JSON.stringify({ sessions }, null, 2)}\n`);
    return;
  }
  const entries = ctx.sessions.historyRows();
  if (entries.length === 0) {
    ctx.stdout.write('No sessions yet. Start one with: coach quiz\n');
    return;
  }
  const { style } = ctx;
  const width = outputWidth(ctx);
  let text = renderTable(
      entries,
      [
        { header: 'SESSION', cell: (entry) => entry.id, style: (text) => style.cyan(text) },
        { header: 'KIND', cell: (entry) => entry.kind },
        // The session id starts with the date and time, so this column is the first to go when space is short.
        { header: 'STARTED', cell: (entry) => localTime(entry.startedAt).replace(/ \(.*\)$/, ''), optional: true },
        { header: 'TOPICS', cell: (entry) => entry.topics.join(','), shrink: true },
        { header: 'DONE', cell: (entry) => `${entry.answered}/${entry.questions}`, align: 'right' },
        { header: 'SCORE', cell: (entry) => (entry.percent === null ? '-' : `${entry.percent}%`), align: 'right' },
        { header: 'STATUS', cell: (entry) => `${entry.status}${toGrade(entry)}`, style: (text, entry) => (entry.status === 'in-progress' ? style.yellow(text) : text), shrink: true },
      ],
      (text) => style.bold(text),
      width,
  );
  const waiting = entries.filter((entry) => entry.pending + entry.ungraded > 0);
  if (waiting.length > 0) {
    const hint = `To grade what is waiting: coach grade SESSION (the model when one is configured, else --self), e.g. coach grade ${waiting[0]!.id}`;
    text += `\n${wrapText(hint, width).map((line) => style.dim(line)).join('\n')}\n`;
  }
  await writePaged(text, ctx);
}

/** " (2 to grade)", " (1 ungraded)", " (1 to grade, 1 ungraded)": pending and failed grades are counted apart. */
function toGrade(entry: Pick<SessionSummary, 'pending' | 'ungraded'>): string {
  const parts = [entry.pending > 0 ? `${entry.pending} to grade` : '', entry.ungraded > 0 ? `${entry.ungraded} ungraded` : ''].filter(Boolean);
  return parts.length > 0 ? ` (${parts.join(', ')})` : '';
}

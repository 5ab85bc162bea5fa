import type { Context } from '../context.js';
import { buildReport } from '../report/build.js';
import type { Session } from '../session/model.js';
import { SessionFileError } from '../session/store.js';
import { renderTable } from '../ui/table.js';
import { shorten } from '../ui/text.js';

export interface HistoryEntry {
  id: string;
  kind: Session['kind'];
  status: Session['status'];
  startedAt: string;
  finishedAt: string | null;
  topics: string[];
  questions: number;
  answered: number;
  score: { earned: number; possible: number; percent: number | null };
  verdict: string | null;
  pending: number;
}

/** Every readable session, newest first; unreadable files are reported with their path and skipped. */
export function readHistory(ctx: Pick<Context, 'sessions' | 'stderr' | 'style'>): HistoryEntry[] {
  const entries: HistoryEntry[] = [];
  for (const id of ctx.sessions.ids().reverse()) {
    let session: Session;
    try {
      session = ctx.sessions.load(id);
    } catch (error) {
      if (!(error instanceof SessionFileError)) throw error;
      ctx.stderr.write(ctx.style.yellow(`warning: ${error.message}\n`));
      continue;
    }
    const report = buildReport(session);
    entries.push({
      id,
      kind: session.kind,
      status: session.status,
      startedAt: session.startedAt,
      finishedAt: session.finishedAt,
      topics: session.topics,
      questions: session.questions.length,
      answered: report.questions.filter((question) => question.status === 'answered').length,
      score: report.score,
      verdict: report.verdict,
      pending: report.pending,
    });
  }
  return entries;
}

export async function historyCommand(_options: Record<string, never>, ctx: Context): Promise<void> {
  const entries = readHistory(ctx);
  if (ctx.json) {
    ctx.stdout.write(`${JSON.stringify({ sessions: entries }, null, 2)}\n`);
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


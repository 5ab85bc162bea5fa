import { hasHistory } from '../storage/presence.js';
import type { Context } from '../context.js';
import { countByType, type Loaded, type TopicOutline } from '../topics/model.js';
import { loadTopicOutlines } from '../topics/loader.js';
import { compareText } from '../topics/problems.js';
import { renderTable, type Column } from '../ui/table.js';
import { outputWidth } from '../ui/width.js';
import { reportTopicProblems } from './topicProblems.js';

export interface TopicsOptions {
  /** `coach topics --questions`: the question list of `coach questions` instead. */
  questions?: boolean;
}

export interface TopicSummary {
  id: string;
  title: string;
  summary: string | null;
  questions: number;
  counts: { choice: number; short: number; design: number };
  source: 'bundled' | string;
  /** Share of questions whose last grade is at least 80%; null without history. */
  mastery: number | null;
  /** Review cards due now (questions and interview phases). */
  due: number;
}

export function summarizeTopic({ topic, file, bundled }: Loaded<TopicOutline>, progress?: { mastery: number | null; due: number }): TopicSummary {
  return {
    id: topic.id,
    title: topic.title,
    summary: topic.summary ?? null,
    questions: topic.questions.length,
    counts: countByType(topic),
    source: bundled ? 'bundled' : file,
    mastery: progress?.mastery ?? null,
    due: progress?.due ?? 0,
  };
}

/**
 * Mastery and due reviews per topic, from history. With no sessions yet this
 * loads nothing (start-up stays fast for a new user).
 */
async function reviewProgress(topics: readonly TopicOutline[], base: Context): Promise<Map<string, { mastery: number | null; due: number }> | undefined> {
  if (!hasHistory(base.paths.dataDir)) return undefined;
  const [{ dueNow }, { scheduleOf }, { mastery }, { SessionStore }] = await Promise.all([import('./review.js'), import('../review/state.js'), import('../review/due.js'), import('../session/store.js')]);
  const sessions = new SessionStore(base.paths.dataDir, (message) => base.stderr.write(base.style.yellow(`warning: ${message}\n`)));
  const cards = scheduleOf(sessions);
  const due = dueNow(topics, { topics: [] }, { ...base, sessions }, cards);
  return new Map(topics.map((topic) => [topic.id, { mastery: mastery(topic, cards), due: due.filter((card) => card.topic === topic.id).length }]));
}

export async function topicsCommand(options: TopicsOptions, ctx: Context): Promise<void> {
  if (options.questions) return (await import('./questions.js')).questionsCommand({ topics: [] }, ctx);
  const { topics, problems } = await loadTopicOutlines(ctx.topicSources, { strict: ctx.strict });
  reportTopicProblems(problems, ctx);
  const progress = await reviewProgress(topics.map((loaded) => loaded.topic), ctx);
  const summaries = topics.map((loaded) => summarizeTopic(loaded, progress?.get(loaded.topic.id))).sort((a, b) => compareText(a.id, b.id));
  if (ctx.json) {
    ctx.stdout.write(`${JSON.stringify({ topics: summaries }, null, 2)}\n`);
    return;
  }
  const { style } = ctx;
  // A new user has no mastery or reviews yet, and bundled topics need no source: those columns would only say "-".
  const all: Column<TopicSummary>[] = [
        { header: 'ID', cell: (row) => row.id, style: (text) => style.cyan(text) },
        { header: 'TITLE', cell: (row) => row.title, shrink: true },
        { header: 'CHOICE', cell: (row) => String(row.counts.choice), align: 'right' },
        { header: 'SHORT', cell: (row) => String(row.counts.short), align: 'right' },
        { header: 'DESIGN', cell: (row) => String(row.counts.design), align: 'right' },
        { header: 'MASTERY', cell: (row) => (row.mastery === null ? '-' : `${row.mastery}%`), align: 'right', optional: true },
        { header: 'DUE', cell: (row) => (row.due === 0 ? '-' : String(row.due)), align: 'right', style: (text, row) => (row.due > 0 ? style.yellow(text) : text), optional: true },
        { header: 'SOURCE', cell: (row) => row.source, style: (text, row) => (row.source === 'bundled' ? style.dim(text) : text), shrink: true, optional: true },
  ];
  const columns = all.filter((column) => (['MASTERY', 'DUE'].includes(column.header) ? progress !== undefined : column.header === 'SOURCE' ? summaries.some((row) => row.source !== 'bundled') : true));
  ctx.stdout.write(renderTable(summaries, columns, (text) => style.bold(text), outputWidth(ctx)));
  const total = summaries.reduce((sum, row) => sum + row.questions, 0);
  ctx.stdout.write(style.dim(`\n${summaries.length} topics, ${total} questions. Try: coach quiz ${summaries[0]?.id ?? '<topic>'}\nQuestion ids: coach questions ${summaries[0]?.id ?? '<topic>'}\n`));
}

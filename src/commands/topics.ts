import type { Context } from '../context.js';
import { countByType, type Loaded, type TopicOutline } from '../topics/model.js';
import { loadTopicOutlines } from '../topics/loader.js';
import { compareText } from '../topics/problems.js';
import { renderTable } from '../ui/table.js';
import { reportTopicProblems } from './topicProblems.js';

export type TopicsOptions = Record<string, never>;

export interface TopicSummary {
  id: string;
  title: string;
  summary: string | null;
  questions: number;
  counts: { choice: number; short: number; design: number };
  source: 'bundled' | string;
}

export function summarizeTopic({ topic, file, bundled }: Loaded<TopicOutline>): TopicSummary {
  return {
    id: topic.id,
    title: topic.title,
    summary: topic.summary ?? null,
    questions: topic.questions.length,
    counts: countByType(topic),
    source: bundled ? 'bundled' : file,
  };
}

export async function topicsCommand(_options: TopicsOptions, ctx: Context): Promise<void> {
  const { topics, problems } = await loadTopicOutlines(ctx.topicSources, { strict: ctx.strict });
  reportTopicProblems(problems, ctx);
  const summaries = topics.map(summarizeTopic).sort((a, b) => compareText(a.id, b.id));
  if (ctx.json) {
    ctx.stdout.write(`${JSON.stringify({ topics: summaries }, null, 2)}\n`);
    return;
  }
  const { style } = ctx;
  ctx.stdout.write(
    renderTable(
      summaries,
      [
        { header: 'ID', cell: (row) => row.id, style: (text) => style.cyan(text) },
        { header: 'TITLE', cell: (row) => row.title },
        { header: 'CHOICE', cell: (row) => String(row.counts.choice), align: 'right' },
        { header: 'SHORT', cell: (row) => String(row.counts.short), align: 'right' },
        { header: 'DESIGN', cell: (row) => String(row.counts.design), align: 'right' },
        { header: 'SOURCE', cell: (row) => row.source, style: (text, row) => (row.source === 'bundled' ? style.dim(text) : text) },
      ],
      (text) => style.bold(text),
    ),
  );
  const total = summaries.reduce((sum, row) => sum + row.questions, 0);
  ctx.stdout.write(style.dim(`\n${summaries.length} topics, ${total} questions. Try: coach quiz ${summaries[0]?.id ?? '<topic>'}\n`));
}

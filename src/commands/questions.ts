import type { Context } from '../context.js';
import { UsageError } from '../errors.js';
import { assertKnownTopics } from '../session/select.js';
import { displayWidth, firstSentence, pad, reflow, truncate } from '../text/layout.js';
import { didYouMean } from '../text/suggest.js';
import { loadTopics } from '../topics/loader.js';
import { QUESTION_TYPES } from '../topics/schema.js';
import type { QuestionType, Topic } from '../topics/model.js';
import { writePaged } from '../ui/pager.js';
import { outputWidth } from '../ui/width.js';
import { reportTopicProblems } from './topicProblems.js';

export interface QuestionsOptions {
  topics: string[];
  type?: string;
}

/** One row of `coach questions`: what is needed to find a question and ask it. */
export interface QuestionRow {
  topic: string;
  id: string;
  type: QuestionType;
  difficulty: string;
  minutes: number | null;
  /** A design question's first sentence, else the prompt on one line (at most 200 columns): questions have no title field. */
  title: string;
  /** The command that asks it. */
  command: 'quiz' | 'interview';
}

/** Every question of the chosen topics (all by default), in topic-file order. */
export function questionRows(topics: readonly Topic[], filter: { topics: readonly string[]; types: readonly QuestionType[] }): QuestionRow[] {
  assertKnownTopics(topics, filter.topics);
  const chosen = filter.topics.length > 0 ? filter.topics.map((id) => topics.find((topic) => topic.id === id)!) : [...topics].sort((a, b) => (a.id < b.id ? -1 : 1));
  return chosen.flatMap((topic) =>
    topic.questions
      .filter((question) => filter.types.length === 0 || filter.types.includes(question.type))
      .map((question) => ({
        topic: topic.id,
        id: question.id,
        type: question.type,
        difficulty: question.difficulty,
        minutes: question.minutes ?? null,
        title: question.type === 'design' ? firstSentence(question.prompt, 200) : truncate(reflow(question.prompt), 200),
        command: question.type === 'design' ? ('interview' as const) : ('quiz' as const),
      })),
  );
}

/** `coach questions [topic...]` (and `coach topics --questions`): question ids with type, difficulty and title. */
export async function questionsCommand(options: QuestionsOptions, ctx: Context): Promise<void> {
  const types = parseTypes(options.type);
  const { topics: loaded, problems } = await loadTopics(ctx.topicSources, { strict: ctx.strict });
  reportTopicProblems(problems, ctx);
  const rows = questionRows(loaded.map((entry) => entry.topic), { topics: options.topics, types });
  if (ctx.json) {
    ctx.stdout.write(`${JSON.stringify({ questions: rows }, null, 2)}\n`);
    return;
  }
  const { style } = ctx;
  const width = outputWidth(ctx);
  const lines: string[] = [];
  for (const topic of [...new Set(rows.map((row) => row.topic))]) {
    const own = rows.filter((row) => row.topic === topic);
    lines.push(style.bold(truncate(`${topic} (${own.length} question${own.length === 1 ? '' : 's'})`, width)));
    const idWidth = Math.min(Math.max(...own.map((row) => displayWidth(row.id))), width - 20);
    for (const row of own) {
      const facts = `${row.type} · ${row.difficulty}`;
      const id = displayWidth(row.id) > idWidth ? row.id : pad(row.id, idWidth);
      lines.push(`  ${style.cyan(id)}  ${style.dim(facts)}`, `    ${truncate(row.title, width - 4)}`);
    }
    lines.push('');
  }
  let text = lines.join('\n');
  const design = rows.find((row) => row.type === 'design');
  const other = rows.find((row) => row.type !== 'design');
  const tries = [other ? `coach quiz ${other.topic}` : '', design ? `coach interview ${design.id}` : ''].filter(Boolean);
  text += `${style.dim(`${rows.length} question${rows.length === 1 ? '' : 's'}.`)}\n`;
  if (tries.length > 0) text += `${style.dim(`Try: ${tries.join('  or  ')}`)}\n`;
  await writePaged(text, ctx);
}

function parseTypes(value: string | undefined): QuestionType[] {
  if (value === undefined) return [];
  const types = value.split(',').map((type) => type.trim()).filter(Boolean);
  const unknown = types.find((type) => !(QUESTION_TYPES as readonly string[]).includes(type));
  if (unknown !== undefined || types.length === 0) throw new UsageError(`--type: expected ${QUESTION_TYPES.join(', ')} (comma-separated); got "${value}"${unknown ? didYouMean(unknown, QUESTION_TYPES) : ''}`);
  return types as QuestionType[];
}

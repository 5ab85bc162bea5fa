import { resolve } from 'node:path';
import type { Context } from '../context.js';
import { ExitCode } from '../errors.js';
import { llmSettings } from '../grading/llm/setup.js';
import type { Cards } from '../review/schedule.js';
import { dueCards, liveCardKeys, type DueCard, type TopicShape } from '../review/due.js';
import { scheduleOf } from '../review/state.js';
import { readAnswersFile } from '../session/answersFile.js';
import { assertKnownTopics, type Picked } from '../session/select.js';
import { loadTopics } from '../topics/loader.js';
import { renderTable } from '../ui/table.js';
import { outputWidth } from '../ui/width.js';
import { wrapText } from '../text/layout.js';
import { assertCanAsk, bindAnswers, chooseGrader, runQuestionSession } from './quiz.js';
import { parseGrader, parsePositiveInt } from './quizOptions.js';
import { reportTopicProblems } from './topicProblems.js';
import { dayStartsAt } from './studyDay.js';
import { describeNext, nextReview, offerCram, type NextReview } from './nothingDue.js';

export interface ReviewOptions {
  topics: string[];
  list?: boolean;
  limit?: string;
  again?: boolean;
  answers?: string;
  grader?: string;
}

/**
 * The questions spaced repetition says are due, weakest and most overdue first,
 * asked through the quiz flow; the answers become history, so the schedule
 * updates itself. `--list` prints them instead.
 */
export async function reviewCommand(options: ReviewOptions, ctx: Context): Promise<ExitCode> {
  const limit = options.limit === undefined ? 10 : parsePositiveInt(options.limit, '--limit');
  const { topics: loaded, problems } = await loadTopics(ctx.topicSources, { strict: ctx.strict });
  reportTopicProblems(problems, ctx);
  const topics = loaded.map((entry) => entry.topic);
  // A typo'd topic is the error to report, even where no terminal could ask anything.
  assertKnownTopics(topics, options.topics);
  if (!options.list && !options.answers) assertCanAsk(ctx, 'coach review');
  // Read even when nothing is due: a missing or unreadable answers file is the script's mistake to hear about.
  const raw = options.answers && !options.list ? readAnswersFile(resolve(ctx.cwd, options.answers), options.answers) : null;
  const cards = currentSchedule(ctx);
  const due = dueNow(topics, options, ctx, cards);
  const next = () => nextReview(topics, options.topics, cards, ctx);

  if (options.list) {
    printDue(due.slice(0, limit), due.length, ctx, due.length === 0 ? next() : null);
    return ExitCode.ok;
  }
  const askable = due.filter((card) => card.phase === null).slice(0, limit);
  const phases = due.filter((card) => card.phase !== null);
  if (phases.length > 0 && !ctx.json) {
    const questions = [...new Set(phases.map((card) => card.question))];
    ctx.stderr.write(ctx.style.dim(`${phases.length} interview phase${phases.length === 1 ? ' is' : 's are'} due too: coach interview ${questions[0]}${questions.length > 1 ? ` (and ${questions.length - 1} more)` : ''}\n`));
  }
  if (askable.length === 0) return offerCram(next(), options, ctx);
  const picked = askable.map((card): Picked => ({ topic: card.topic, question: topics.find((topic) => topic.id === card.topic)!.questions.find((question) => question.id === card.question)! }));
  const settings = llmSettings(ctx);
  const grader = chooseGrader(parseGrader(options.grader), settings);
  const bound = raw ? bindAnswers(topics, picked, raw, options.answers!) : null;
  return runQuestionSession({ kind: 'review', picked, seed: null, bound, settings: { flip: false, timeLimitSeconds: null, grader } }, ctx, settings);
}

/** The FSRS schedule replayed from history (through its cache in the database); cram sessions never enter it. */
export function currentSchedule(ctx: Pick<Context, 'sessions'>): Cards {
  return scheduleOf(ctx.sessions);
}

export function dueNow(topics: readonly TopicShape[], options: Pick<ReviewOptions, 'topics' | 'again'>, ctx: Context, cards: Cards = currentSchedule(ctx)): DueCard[] {
  return dueCards(cards, liveCardKeys(topics), { nowMs: ctx.clock.now(), topics: options.topics, again: options.again === true, dayStartsAt: dayStartsAt(ctx) });
}

function printDue(due: readonly DueCard[], total: number, ctx: Context, next: NextReview | null): void {
  if (ctx.json) {
    ctx.stdout.write(
      `${JSON.stringify(
        {
          due: due.map((card) => ({ topic: card.topic, question: card.question, phase: card.phase, dueAt: new Date(card.dueAtMs).toISOString(), overdueDays: card.overdueDays, lastScore: card.lastPercent, lastRating: card.lastRating, lastReviewedAt: card.lastReviewedAt, reviews: card.reviews })),
          total,
          ...(due.length === 0 ? { next: next && { topic: next.topic, question: next.question, phase: next.phase, dueAt: next.dueAt } } : {}),
        },
        null,
        2,
      )}\n`,
    );
    return;
  }
  if (due.length === 0) {
    const text = next ? `Nothing is due. ${describeNext(next)}` : 'Nothing is due. Answer some questions (coach quiz) and they will come back when they need to.';
    ctx.stdout.write(`${wrapText(text, outputWidth(ctx)).join('\n')}\n`);
    return;
  }
  const { style } = ctx;
  ctx.stdout.write(
    renderTable(
      due,
      [
        { header: 'QUESTION', cell: (card) => `${card.topic}/${card.question}${card.phase ? `#${card.phase}` : ''}`, style: (text) => style.cyan(text), shrink: true },
        { header: 'DUE', cell: (card) => (card.overdueDays > 0 ? `${card.overdueDays}d overdue` : card.ratedToday ? 'again today' : 'today') },
        { header: 'LAST SCORE', cell: (card) => (card.lastPercent === null ? '-' : `${card.lastPercent}%`), align: 'right' },
        { header: 'LAST RATING', cell: (card) => card.lastRating, optional: true },
        { header: 'REVIEWS', cell: (card) => String(card.reviews), align: 'right', optional: true },
      ],
      (text) => style.bold(text),
      outputWidth(ctx),
    ),
  );
  if (total > due.length) ctx.stdout.write(style.dim(`\n${total - due.length} more due (--limit ${total} to see them all).\n`));
}

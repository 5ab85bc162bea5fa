import { resolve } from 'node:path';
import type { Context } from '../context.js';
import { ExitCode } from '../errors.js';
import { llmSettings } from '../grading/llm/setup.js';
import { cramOrder, latestScores, type CramPick } from '../review/cram.js';
import { readAnswersFile } from '../session/answersFile.js';
import { matchingQuestions, type Picked } from '../session/select.js';
import { loadTopics } from '../topics/loader.js';
import { renderTable } from '../ui/table.js';
import { outputWidth } from '../ui/width.js';
import { wrapText } from '../text/layout.js';
import { readHistory } from './history.js';
import { assertCanAsk, bindAnswers, chooseGrader, runQuestionSession } from './quiz.js';
import { parsePositiveInt, planQuiz, type QuizOptions } from './quizOptions.js';
import { currentSchedule } from './review.js';
import { reportTopicProblems } from './topicProblems.js';

export interface CramOptions extends Omit<QuizOptions, 'count' | 'seed'> {
  limit?: string;
  list?: boolean;
}

/**
 * `coach cram`: the weakest and most-forgotten questions whatever is due
 * (src/review/cram.ts ranks them), asked through the quiz flow as a session of
 * kind "cram". The answers are history, reports and stats like any other; the
 * review schedule never replays them, so cramming leaves it exactly as it was.
 */
export async function cramCommand(options: CramOptions, ctx: Context): Promise<ExitCode> {
  const limit = options.limit === undefined ? 10 : parsePositiveInt(options.limit, '--limit');
  const plan = planQuiz({ ...options, tag: options.tag ?? [] }, () => 0);
  if (!options.list && !plan.answersFile) assertCanAsk(ctx, 'coach cram');
  const { topics: loaded, problems } = await loadTopics(ctx.topicSources, { strict: ctx.strict });
  reportTopicProblems(problems, ctx);
  const topics = loaded.map((entry) => entry.topic);
  const eligible = matchingQuestions(topics, plan.filters);
  const ranked = cramOrder(eligible.map((entry) => ({ topic: entry.topic, question: entry.question.id })), currentSchedule(ctx), latestScores(readHistory(ctx)), ctx.clock.now());
  const chosen = ranked.slice(0, limit);
  if (options.list) return printCram(chosen, ranked.length, ctx);
  // Read even when there is nothing to cram: a missing or unreadable answers file is the script's mistake to hear about.
  const raw = plan.answersFile ? readAnswersFile(resolve(ctx.cwd, plan.answersFile), plan.answersFile) : null;
  if (chosen.length === 0) {
    ctx.stdout.write(ctx.json ? `${JSON.stringify({ cram: [], total: 0 })}\n` : nothingToCram());
    return ExitCode.ok;
  }
  const byKey = new Map(eligible.map((entry) => [`${entry.topic}/${entry.question.id}`, entry]));
  const picked: Picked[] = chosen.map((pick) => byKey.get(pick.key)!);
  const settings = llmSettings(ctx);
  const grader = chooseGrader(plan.grader, settings);
  const bound = raw ? bindAnswers(topics, picked, raw, plan.answersFile!) : null;
  return runQuestionSession({ kind: 'cram', picked, seed: null, bound, settings: { flip: plan.flip, timeLimitSeconds: plan.timeLimitSeconds, grader } }, ctx, settings);
}

function nothingToCram(): string {
  return 'Nothing to cram yet: cram asks questions you have answered before, weakest first. Start with coach quiz.\n';
}

function printCram(picks: readonly CramPick[], total: number, ctx: Context): ExitCode {
  if (ctx.json) {
    ctx.stdout.write(`${JSON.stringify({ cram: picks.map(({ key: _key, ...pick }) => pick), total }, null, 2)}\n`);
    return ExitCode.ok;
  }
  if (picks.length === 0) {
    ctx.stdout.write(nothingToCram());
    return ExitCode.ok;
  }
  const { style } = ctx;
  ctx.stdout.write(
    renderTable(
      picks,
      [
        { header: 'QUESTION', cell: (pick) => pick.key, style: (text) => style.cyan(text), shrink: true },
        { header: 'LAST SCORE', cell: (pick) => `${pick.lastScore}%`, align: 'right' },
        { header: 'RECALL NOW', cell: (pick) => `${Math.round(pick.recallNow * 100)}%`, align: 'right' },
        { header: 'EXPECTED', cell: (pick) => `${Math.round(pick.expected)}%`, align: 'right' },
      ],
      (text) => style.bold(text),
      outputWidth(ctx),
    ),
  );
  const note = `Weakest first: expected = last score x predicted recall now.${total > picks.length ? ` ${total - picks.length} more (--limit ${total}).` : ''} Cramming never changes the review schedule.`;
  ctx.stdout.write(`\n${wrapText(note, outputWidth(ctx)).map((line) => style.dim(line)).join('\n')}\n`);
  return ExitCode.ok;
}

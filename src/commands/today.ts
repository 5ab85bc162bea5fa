import { resolve } from 'node:path';
import type { Context } from '../context.js';
import { ExitCode } from '../errors.js';
import { llmSettings } from '../grading/llm/setup.js';
import { readAnswersFile } from '../session/answersFile.js';
import type { Picked } from '../session/select.js';
import { loadTopics } from '../topics/loader.js';
import { planFor, type PlanOptions } from './plan.js';
import { assertCanAsk, bindAnswers, chooseGrader, runQuestionSession } from './quiz.js';
import { parseGrader } from './quizOptions.js';
import { reportTopicProblems } from './topicProblems.js';

export interface TodayOptions extends Omit<PlanOptions, 'format' | 'today'> {
  answers?: string;
  grader?: string;
}

/**
 * `coach today` (also `coach plan --today`): today's planned questions as one
 * session through the quiz flow. Its kind is "review": its answers feed the
 * schedule, as the plan's due reviews must. A planned mock interview is not
 * started here (it is timed and phase by phase): it is named, to run with
 * `coach interview`.
 */
export async function todayCommand(options: TodayOptions, ctx: Context): Promise<ExitCode> {
  if (!options.answers) assertCanAsk(ctx, 'coach today');
  const plan = await planFor(options, ctx);
  const today = plan.days[0]!;
  const mocks = today.items.filter((item) => item.type === 'design');
  const questions = today.items.filter((item) => item.type !== 'design');
  const say = (text: string) => (ctx.json ? ctx.stderr : ctx.stdout).write(text);
  for (const mock of mocks) say(ctx.style.dim(`Also today: a ${mock.minutes}-minute mock interview: coach interview ${mock.topic}/${mock.question}\n`));
  if (questions.length === 0) {
    if (ctx.json) ctx.stdout.write(`${JSON.stringify({ today: [], mocks: mocks.map((mock) => `${mock.topic}/${mock.question}`) })}\n`);
    else if (today.budgetMinutes === 0) say(`Today's ${plan.minutesPerDay} minutes are done (${plan.minutesDoneToday} min answered today). Tomorrow's plan: coach plan\n`);
    else if (mocks.length === 0) say('Nothing is planned for today. coach plan shows the days ahead; coach cram asks your weakest questions.\n');
    return ExitCode.ok;
  }
  const { topics: loaded, problems } = await loadTopics(ctx.topicSources, { strict: ctx.strict });
  reportTopicProblems(problems, ctx);
  const topics = loaded.map((entry) => entry.topic);
  const picked: Picked[] = questions.map((item) => ({ topic: item.topic, question: topics.find((topic) => topic.id === item.topic)!.questions.find((question) => question.id === item.question)! }));
  const settings = llmSettings(ctx);
  const grader = chooseGrader(parseGrader(options.grader), settings);
  const bound = options.answers ? bindAnswers(topics, picked, readAnswersFile(resolve(ctx.cwd, options.answers), options.answers), options.answers) : null;
  return runQuestionSession({ kind: 'review', picked, seed: null, bound, settings: { flip: false, timeLimitSeconds: null, grader } }, ctx, settings);
}

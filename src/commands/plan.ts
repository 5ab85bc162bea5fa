import type { Context } from '../context.js';
import { configPath } from '../config/settings.js';
import { readConfigFile } from '../config/configFile.js';
import { ExitCode, UsageError, UserError } from '../errors.js';
import { buildPlan, type Plan } from '../plan/plan.js';
import type { PlanTopic } from '../plan/candidates.js';
import { dayStartMs, daysBetween, describeDay, formatDay, parseDay, studyDayOf } from '../review/day.js';
import { cardKey } from '../review/schedule.js';
import { assertKnownTopics } from '../session/select.js';
import { loadTopicOutlines } from '../topics/loader.js';
import { readHistory } from './history.js';
import { parsePositiveInt } from './quizOptions.js';
import { currentSchedule } from './review.js';
import { dayStartsAt } from './studyDay.js';
import { reportTopicProblems } from './topicProblems.js';

export interface PlanOptions {
  topics: string[];
  until?: string;
  minutes?: string;
  retention?: string;
  format?: string;
  /** Start today's items instead of printing the plan (coach today), with its --answers and --grader. */
  today?: boolean;
  answers?: string;
  grader?: string;
}

export const DEFAULT_PLAN_MINUTES = 30;
export const DEFAULT_RETENTION = 0.9;

/**
 * `coach plan`: a day-by-day plan from today to the interview day (buildPlan in
 * src/plan/plan.ts holds the rule), as text, Markdown or JSON.
 */
export async function planCommand(options: PlanOptions, ctx: Context): Promise<ExitCode> {
  if (options.today) {
    if (options.format !== undefined) throw new UsageError('--today starts a session; --format is for printing the plan');
    const { today: _today, format: _format, ...rest } = options;
    return (await import('./today.js')).todayCommand(rest, ctx);
  }
  if (options.answers !== undefined || options.grader !== undefined) throw new UsageError('--answers and --grader go with --today (or coach today)');
  const format = ctx.json ? 'json' : (options.format ?? 'text');
  if (!['text', 'md', 'json'].includes(format)) throw new UsageError(`--format: expected text, md or json, got "${options.format}"`);
  const plan = await planFor(options, ctx);
  if (format === 'json') ctx.stdout.write(`${JSON.stringify({ schemaVersion: 1, ...plan }, null, 2)}\n`);
  else if (format === 'md') ctx.stdout.write((await import('../plan/render.js')).renderPlanMarkdown(plan));
  else ctx.stdout.write((await import('../plan/render.js')).renderPlanText(plan, ctx.style));
  return ExitCode.ok;
}

/** Checks the options, reads topics and history, and builds the plan (shared with `coach today`). */
export async function planFor(options: PlanOptions, ctx: Context): Promise<Plan & { topics: string[] }> {
  const config = readConfigFile(configPath(ctx.paths.configDir));
  const startsAt = dayStartsAt(ctx);
  const nowMs = ctx.clock.now();
  const today = studyDayOf(nowMs, startsAt);
  const untilText = options.until ?? config.plan?.until;
  if (untilText === undefined) throw new UsageError('when is the interview? --until YYYY-MM-DD (or save it: coach config set plan.until YYYY-MM-DD)');
  const until = parseDay(untilText);
  if (!until) throw new UsageError(`--until: expected a date as YYYY-MM-DD, got "${untilText}"`);
  const left = daysBetween(today, until);
  if (left < 0) throw new UsageError(`--until ${untilText} is in the past (today is ${formatDay(today)}); give the interview's date`);
  if (left === 0) throw new UserError(`the interview is today (${describeDay(today)}): no days left to plan. A warm-up: coach cram --limit 5`);
  const minutes = options.minutes === undefined ? (config.plan?.minutes ?? DEFAULT_PLAN_MINUTES) : parsePositiveInt(options.minutes, '--minutes');
  const retention = options.retention === undefined ? DEFAULT_RETENTION : parseRetention(options.retention);

  const { topics: loaded, problems } = await loadTopicOutlines(ctx.topicSources, { strict: ctx.strict });
  reportTopicProblems(problems, ctx);
  const all = loaded.map((entry) => entry.topic);
  assertKnownTopics(all, options.topics);
  const topics: PlanTopic[] = all.filter((topic) => options.topics.length === 0 || options.topics.includes(topic.id));
  if (topics.every((topic) => topic.questions.length === 0)) {
    throw new UserError(options.topics.length > 0 ? `no questions in ${options.topics.join(', ')}: nothing to plan (coach topics lists what there is)` : 'the question bank is empty: nothing to plan. Add topic files with --topics DIR (coach lint checks them)');
  }
  const cards = currentSchedule(ctx);
  const minutesDoneToday = minutesAnswered(ctx, topics, dayStartMs(today, startsAt));
  const plan = buildPlan({ nowMs, until, minutesPerDay: minutes, retention, dayStartsAt: startsAt, topics, cards, minutesDoneToday });
  return { ...plan, topics: topics.map((topic) => topic.id) };
}

function parseRetention(value: string): number {
  const number = Number(value.trim().replace(/%$/, ''));
  const share = value.trim().endsWith('%') ? number / 100 : number;
  if (!Number.isFinite(share) || share <= 0 || share >= 1) throw new UsageError(`--retention: expected a recall target between 0 and 1 (e.g. 0.9 or 90%), got "${value}"`);
  return share;
}

/**
 * Minutes of questions answered since the study day began, by each question's
 * `minutes` (a design phase: its share of the question's), so the plan's unit
 * is the same for planned and done work. Cram answers count: time is time.
 */
function minutesAnswered(ctx: Context, topics: readonly PlanTopic[], sinceMs: number): number {
  const lengths = new Map<string, number>();
  for (const topic of topics) {
    for (const question of topic.questions) {
      if (question.type === 'design') for (const phase of question.phases ?? []) lengths.set(cardKey(topic.id, question.id, phase.id), question.minutes / Math.max(1, question.phases!.length));
      else lengths.set(cardKey(topic.id, question.id, null), question.minutes);
    }
  }
  let total = 0;
  for (const summary of readHistory(ctx)) {
    for (const result of summary.results) {
      if (result.answeredAt && Date.parse(result.answeredAt) >= sinceMs) total += lengths.get(cardKey(result.topic, result.question, result.phase)) ?? 0;
    }
  }
  return Math.round(total);
}

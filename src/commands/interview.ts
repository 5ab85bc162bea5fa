import { resolve } from 'node:path';
import type { Context } from '../context.js';
import { ExitCode, UsageError } from '../errors.js';
import { phaseBudgets } from '../interview/budgets.js';
import { DEFAULT_PROBES } from '../interview/probes.js';
import { runScriptedInterview } from '../interview/scripted.js';
import { bindAnswerAt, keyProblem, resolveAnswerKey, type RawAnswers, type ScriptedAnswer } from '../session/answers.js';
import { readAnswersFile } from '../session/answersFile.js';
import { createSession } from '../session/record.js';
import { assertKnownTopics, resolveQuestionId, type Picked } from '../session/select.js';
import { loadTopics } from '../topics/loader.js';
import type { Topic } from '../topics/model.js';
import { DIFFICULTIES } from '../topics/schema.js';
import { assertCanAsk, chooseGrader, uniqueSessionId } from './quiz.js';
import { parseGrader } from './quizOptions.js';
import { llmSettings } from '../grading/llm/setup.js';
import { gradeSessionWithModel } from './llmGrading.js';
import { runClaimed } from './interactiveRun.js';
import { printSessionOutcome } from './sessionOutcome.js';
import { reportTopicProblems } from './topicProblems.js';
import { firstSentence } from '../text/layout.js';
import { didYouMean } from '../text/suggest.js';
import { outputWidth } from '../ui/width.js';

export interface InterviewOptions {
  question?: string;
  minutes?: string;
  answers?: string;
  topic?: string;
  difficulty?: string;
  grader?: string;
  probes?: string;
}

export async function interviewCommand(options: InterviewOptions, ctx: Context): Promise<ExitCode> {
  const minutes = options.minutes === undefined ? undefined : parseMinutes(options.minutes);
  const probes = options.probes === undefined ? DEFAULT_PROBES : parseProbes(options.probes);
  const settings = llmSettings(ctx);
  const grader = chooseGrader(parseGrader(options.grader), settings);
  const { topics: loaded, problems } = await loadTopics(ctx.topicSources, { strict: ctx.strict });
  reportTopicProblems(problems, ctx);
  const topics = loaded.map((entry) => entry.topic);
  // Usage errors (a typo'd id, topic or difficulty) come before the terminal check, so they are what a script sees.
  if (options.question) designQuestion(topics, options.question);
  const designs = options.question ? [] : designChoices(topics, options);
  if (!options.answers) assertCanAsk(ctx, 'coach interview');

  const raw = options.answers ? readAnswersFile(resolve(ctx.cwd, options.answers), options.answers) : null;
  const fileKey = !options.question && raw && raw.size === 1 ? [...raw.keys()][0] : undefined;
  const picked = options.question
    ? designQuestion(topics, options.question)
    : fileKey !== undefined
      ? designQuestionAtKey(topics, raw!, fileKey, options.answers!)
      : await pickDesignQuestion(designs, minutes, ctx);

  let scripted: Extract<ScriptedAnswer, { type: 'design' }> | undefined;
  if (raw) {
    for (const key of raw.keys()) {
      const target = resolveAnswerKey(topics, raw, key, options.answers!);
      if (target.topic !== picked.topic || target.question.id !== picked.question.id) throw keyProblem(raw, key, options.answers!, `"${key}" is not the question of this interview (${picked.question.id})`);
      scripted = bindAnswerAt(raw, key, picked.question, options.answers!) as typeof scripted;
    }
  }

  const session = createSession({ id: uniqueSessionId(ctx), kind: 'interview', nowMs: ctx.clock.now(), seed: null, picked: [picked], settings: { flip: false, timeLimitSeconds: null, scripted: raw !== null, grader, probes } });
  const question = picked.question.type === 'design' ? picked.question : undefined;
  const budgets = phaseBudgets(question!.phases.map((phase) => phase.minutes), minutes);
  session.questions[0]!.phases!.forEach((record, index) => (record.budgetSeconds = budgets[index]!));
  ctx.sessions.save(session);

  if (raw) {
    await runScriptedInterview(session, scripted, { clock: ctx.clock, save: (updated) => ctx.sessions.save(updated) });
    const outcome = grader === 'llm' ? await gradeSessionWithModel(session, ctx, settings, { onlyPending: true }) : { failed: [] };
    printSessionOutcome(session, ctx);
    return outcome.failed.length > 0 ? ExitCode.failure : ExitCode.ok;
  }
  const { runInteractiveSession } = await import('./interactiveSession.js');
  return runClaimed(ctx, session.id, () => runInteractiveSession(session, ctx));
}

function designQuestion(topics: readonly Topic[], reference: string): Picked {
  const picked = resolveQuestionId(topics, reference);
  if (picked.question.type !== 'design') {
    throw new UsageError(`${picked.topic}/${picked.question.id} is a ${picked.question.type} question, which coach quiz asks (e.g. coach quiz ${picked.topic}); coach interview runs design questions (coach questions --type design lists them)`);
  }
  return picked;
}

/** designQuestion for the one key of an answers file: a problem with it is placed at the key. */
function designQuestionAtKey(topics: readonly Topic[], raw: RawAnswers, key: string, file: string): Picked {
  try {
    return designQuestion(topics, key);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    throw keyProblem(raw, key, file, error.message);
  }
}

/** The design questions the picker offers, after checking --topic and --difficulty. */
function designChoices(topics: readonly Topic[], options: InterviewOptions): Picked[] {
  if (options.difficulty !== undefined && !(DIFFICULTIES as readonly string[]).includes(options.difficulty)) throw new UsageError(`--difficulty: expected ${DIFFICULTIES.join(', ')}, got "${options.difficulty}"${didYouMean(options.difficulty, DIFFICULTIES)}`);
  if (options.topic !== undefined) assertKnownTopics(topics, [options.topic]);
  const designs = topics
    .filter((topic) => options.topic === undefined || topic.id === options.topic)
    .flatMap((topic) => topic.questions.filter((question) => question.type === 'design' && (options.difficulty === undefined || question.difficulty === options.difficulty)).map((question) => ({ topic: topic.id, question })));
  if (designs.length === 0) throw new UsageError('no design question matches; try without --topic or --difficulty (coach questions --type design lists them)');
  return designs;
}

async function pickDesignQuestion(designs: readonly Picked[], minutes: number | undefined, ctx: Context): Promise<Picked> {
  if (ctx.json || !ctx.interactive) throw new UsageError('name the design question: coach interview <question> --answers FILE');
  const { createPrompter } = await import('../ui/prompter.js');
  const ask = await createPrompter(ctx);
  const width = outputWidth(ctx);
  return ask.pick(
    'Which scenario?',
    designs.map((entry) => ({ name: scenarioLabel(entry, minutes, width - 4), value: entry, description: `${entry.topic}/${entry.question.id}` })),
  );
}

/**
 * One picker line: the scenario's title (its prompt's first sentence, cut at a
 * word), difficulty and how long it will last — scaled by --minutes when given.
 */
export function scenarioLabel(entry: Picked, minutes: number | undefined, width: number): string {
  const question = entry.question;
  const total = question.type === 'design' ? phaseBudgets(question.phases.map((phase) => phase.minutes), minutes).reduce((sum, seconds) => sum + seconds, 0) / 60 : (question.minutes ?? 0);
  const facts = ` · ${question.difficulty} · ${Number.isInteger(total) ? total : total.toFixed(1)} min`;
  return `${firstSentence(question.prompt, Math.max(20, width - facts.length))}${facts}`;
}

function parseProbes(value: string): number {
  if (!/^\d+$/.test(value.trim()) || Number(value) > 20) throw new UsageError(`--probes: expected a whole number of follow-ups per phase from 0 to 20, got "${value}"`);
  return Number(value);
}

function parseMinutes(value: string): number {
  const minutes = Number(value);
  if (!/^\d+(\.\d+)?$/.test(value.trim()) || minutes <= 0 || minutes > 600) throw new UsageError(`--minutes: expected a number of minutes (e.g. 30), got "${value}"`);
  return minutes;
}

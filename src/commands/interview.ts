import { resolve } from 'node:path';
import type { Context } from '../context.js';
import { ExitCode, UsageError } from '../errors.js';
import { phaseBudgets } from '../interview/budgets.js';
import { DEFAULT_PROBES } from '../interview/probes.js';
import { runScriptedInterview } from '../interview/scripted.js';
import { bindAnswer, type ScriptedAnswer } from '../session/answers.js';
import { readAnswersFile } from '../session/answersFile.js';
import { createSession } from '../session/record.js';
import { resolveQuestionId, type Picked } from '../session/select.js';
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
import { shorten } from '../ui/text.js';

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
  if (!options.answers) assertCanAsk(ctx, 'coach interview');
  const settings = llmSettings(ctx);
  const grader = chooseGrader(parseGrader(options.grader), settings);
  const { topics: loaded, problems } = await loadTopics(ctx.topicSources, { strict: ctx.strict });
  reportTopicProblems(problems, ctx);
  const topics = loaded.map((entry) => entry.topic);

  const raw = options.answers ? readAnswersFile(resolve(ctx.cwd, options.answers), options.answers) : null;
  const reference = options.question ?? (raw && raw.size === 1 ? [...raw.keys()][0] : undefined);
  const picked = reference ? designQuestion(topics, reference) : await pickDesignQuestion(topics, options, ctx);

  let scripted: Extract<ScriptedAnswer, { type: 'design' }> | undefined;
  if (raw) {
    for (const [key, value] of raw) {
      const target = resolveQuestionId(topics, key);
      if (target.topic !== picked.topic || target.question.id !== picked.question.id) throw new UsageError(`${options.answers}: "${key}" is not the question of this interview (${picked.question.id})`);
      scripted = bindAnswer(picked.question, value, `${options.answers}: ${key}`) as typeof scripted;
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
  if (picked.question.type !== 'design') throw new UsageError(`${picked.question.id} is a ${picked.question.type} question; ask it with coach quiz --answers, or pick a design question (coach interview without an id lists them)`);
  return picked;
}

async function pickDesignQuestion(topics: readonly Topic[], options: InterviewOptions, ctx: Context): Promise<Picked> {
  if (options.difficulty !== undefined && !(DIFFICULTIES as readonly string[]).includes(options.difficulty)) throw new UsageError(`--difficulty: expected ${DIFFICULTIES.join(', ')}, got "${options.difficulty}"`);
  if (options.topic !== undefined && !topics.some((topic) => topic.id === options.topic)) throw new UsageError(`unknown topic "${options.topic}"`);
  const designs = topics
    .filter((topic) => options.topic === undefined || topic.id === options.topic)
    .flatMap((topic) => topic.questions.filter((question) => question.type === 'design' && (options.difficulty === undefined || question.difficulty === options.difficulty)).map((question) => ({ topic: topic.id, question })));
  if (designs.length === 0) throw new UsageError('no design question matches; try without --topic or --difficulty');
  if (ctx.json || !ctx.interactive) throw new UsageError('name the design question: coach interview <question> --answers FILE');
  const { createPrompter } = await import('../ui/prompter.js');
  const ask = await createPrompter(ctx);
  return ask.pick(
    'Which scenario?',
    designs.map((entry) => ({ name: `${firstLine(entry.question.prompt)}`, value: entry, description: `${entry.topic}/${entry.question.id} · ${entry.question.difficulty} · ${entry.question.minutes} min` })),
  );
}

function firstLine(text: string): string {
  return shorten(text.trim().split('\n')[0]!, 90);
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

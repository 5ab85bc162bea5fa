import { resolve } from 'node:path';
import type { Context } from '../context.js';
import { ExitCode, UsageError } from '../errors.js';
import { bindAnswerAt, keyProblem, resolveAnswerKey, type RawAnswers, type ScriptedAnswer } from '../session/answers.js';
import { readAnswersFile } from '../session/answersFile.js';
import { newSessionId } from '../session/ids.js';
import type { Session } from '../session/model.js';
import { createSession } from '../session/record.js';
import { runScriptedQuiz } from '../session/scripted.js';
import { assertKnownTopics, matchingQuestions, shuffle, seededRandom, type Picked } from '../session/select.js';
import { loadTopics } from '../topics/loader.js';
import type { Topic } from '../topics/model.js';
import { planQuiz, type QuizOptions, type QuizPlan } from './quizOptions.js';
import { runClaimed } from './interactiveRun.js';
import { printSessionOutcome } from './sessionOutcome.js';
import { reportTopicProblems } from './topicProblems.js';
import { llmSettings } from '../grading/llm/setup.js';
import type { LlmSettings } from '../config/settings.js';
import { assertLlmConfigured, gradeSessionWithModel } from './llmGrading.js';

export type { QuizOptions };

/** `coach quiz`: picks questions (or takes them from --answers), runs them in the terminal or from the file, grades and saves; resolves with the exit code. */
export async function quizCommand(options: QuizOptions, ctx: Context): Promise<ExitCode> {
  const plan = planQuiz(options, () => Math.floor(Math.random() * 0x100000000));
  const settings = llmSettings(ctx);
  const grader = chooseGrader(plan.grader, settings);
  const { topics: loaded, problems } = await loadTopics(ctx.topicSources, { strict: ctx.strict });
  reportTopicProblems(problems, ctx);
  const topics = loaded.map((entry) => entry.topic);
  // A typo'd topic is the error to report, even where no terminal could ask anything.
  assertKnownTopics(topics, plan.filters.topics);
  if (!plan.answersFile) assertCanAsk(ctx, 'coach quiz');
  if (!plan.answersFile && plan.filters.topics.length === 0) plan.filters.topics = await pickTopics(topics, ctx);

  const answersPath = plan.answersFile ? resolve(ctx.cwd, plan.answersFile) : null;
  const rawAnswers = answersPath ? readAnswersFile(answersPath, plan.answersFile!) : null;
  const notices: string[] = [];
  const { picked, seed } = chooseQuestions(topics, plan, rawAnswers, notices);
  for (const notice of notices) ctx.stderr.write(`${ctx.style.yellow(notice)}\n`);
  if (picked.length === 0) throw new UsageError('no questions match; loosen --difficulty, --tag or --type, or pick other topics (coach topics)');
  const bound = rawAnswers ? bindAnswers(topics, picked, rawAnswers, plan.answersFile!) : null;
  return runQuestionSession({ kind: 'quiz', picked, seed, bound, settings: { flip: plan.flip, timeLimitSeconds: plan.timeLimitSeconds, grader } }, ctx, settings);
}

/**
 * The part a quiz and a review share: create and save the session, then run it
 * from the answers file or in the terminal, grading with the model if chosen.
 */
export async function runQuestionSession(
  plan: { kind: 'quiz' | 'review' | 'cram'; picked: readonly Picked[]; seed: number | null; bound: Map<number, ScriptedAnswer> | null; settings: Omit<Session['settings'], 'scripted'> },
  ctx: Context,
  llm: LlmSettings,
): Promise<ExitCode> {
  const session = createSession({ id: uniqueSessionId(ctx), kind: plan.kind, nowMs: ctx.clock.now(), seed: plan.seed, picked: plan.picked, settings: { ...plan.settings, scripted: plan.bound !== null } });
  ctx.sessions.save(session);
  if (plan.bound) {
    runScriptedQuiz(session, plan.bound, { clock: ctx.clock, save: (updated: Session) => ctx.sessions.save(updated) });
    const outcome = plan.settings.grader === 'llm' ? await gradeSessionWithModel(session, ctx, llm, { onlyPending: true }) : { failed: [] };
    printSessionOutcome(session, ctx);
    return outcome.failed.length > 0 ? ExitCode.failure : ExitCode.ok;
  }
  const { runInteractiveSession } = await import('./interactiveSession.js');
  return runClaimed(ctx, session.id, () => runInteractiveSession(session, ctx));
}

/** No topic on the command line: let the candidate choose (none chosen means all). */
async function pickTopics(topics: readonly Topic[], ctx: Context): Promise<string[]> {
  const { createPrompter } = await import('../ui/prompter.js');
  const ask = await createPrompter(ctx);
  const options = [...topics].sort((a, b) => (a.id < b.id ? -1 : 1)).map((topic) => ({ name: `${topic.title} (${topic.id})`, value: topic.id }));
  return ask.pickMany('Which topics? (space to select, Enter to start; none selected means all)', options);
}

/** Default: the model when one is configured, else the candidate. Asking for llm without one is an error. */
export function chooseGrader(requested: 'self' | 'llm' | null, settings: LlmSettings): 'self' | 'llm' {
  if (requested === 'llm') assertLlmConfigured(settings);
  return requested ?? (settings.configured ? 'llm' : 'self');
}

/**
 * Refuses (one usage line) a command that must ask in a terminal when there is
 * none, or when --json wants a scripted run. `byScript` says how the same
 * thing runs without a terminal, for commands that take `--answers FILE`
 * (the default); commands without that option (`resume`, `grade --self`)
 * pass their own advice, so no message suggests an option the command lacks.
 */
export function assertCanAsk(ctx: Pick<Context, 'json' | 'interactive'>, command: string, byScript: { answers: true } | { answers: false; advice: string } = { answers: true }): void {
  if (byScript.answers) {
    if (ctx.json) throw new UsageError(`--json needs a scripted run: ${command} ... --answers FILE --json`);
    if (!ctx.interactive) throw new UsageError(`${command} asks questions in a terminal, and this is not one; run it by script with --answers FILE`);
    return;
  }
  if (ctx.json) throw new UsageError(`${command} asks questions in a terminal and has no --json output; ${byScript.advice}`);
  if (!ctx.interactive) throw new UsageError(`${command} asks questions in a terminal, and this is not one; ${byScript.advice}`);
}

/**
 * With an answers file and no topic, the session is exactly the questions the
 * file names, in file order; otherwise the usual seeded selection.
 */
function chooseQuestions(topics: readonly Topic[], plan: QuizPlan, raw: RawAnswers | null, notices: string[]): { picked: Picked[]; seed: number | null } {
  if (raw && plan.filters.topics.length === 0) {
    // The file chooses the questions: an empty one chooses none, which is the file's fault, not the filters'.
    if (raw.size === 0) {
      const at = raw.locate([], false) ?? { line: 1, col: 1 };
      throw new UsageError(`${plan.answersFile}:${at.line}:${at.col}  holds no answers: write one entry per question, "<question id>: <answer>" (coach questions lists the ids)`);
    }
    const file = plan.answersFile!;
    const keys = [...raw.keys()];
    const picked = keys.map((key) => resolveAnswerKey(topics, raw, key, file));
    const design = picked.findIndex((entry) => entry.question.type === 'design');
    if (design !== -1) throw keyProblem(raw, keys[design]!, file, `${picked[design]!.question.id} is a design question; run it with coach interview ${picked[design]!.question.id} --answers FILE`);
    return { picked, seed: null };
  }
  const matching = matchingQuestions(topics, plan.filters);
  const count = plan.count ?? (raw ? matching.length : 10);
  if (plan.count !== null && plan.count > matching.length && matching.length > 0) {
    notices.push(`--count ${plan.count}: only ${matching.length} question${matching.length === 1 ? '' : 's'} match${matching.length === 1 ? 'es' : ''} the topics and filters, so the quiz has ${matching.length}.`);
  }
  return { picked: shuffle(matching, seededRandom(plan.seed!)).slice(0, count), seed: plan.seed };
}

/**
 * The answers file's entries bound to the picked questions, by index in `picked`.
 * Throws a UsageError, placed at the key, for an id that names no question or
 * one outside this selection, and for a value that does not fit its question.
 */
export function bindAnswers(topics: readonly Topic[], picked: readonly Picked[], raw: RawAnswers, file: string): Map<number, ScriptedAnswer> {
  const bound = new Map<number, ScriptedAnswer>();
  for (const key of raw.keys()) {
    const target = resolveAnswerKey(topics, raw, key, file);
    const index = picked.findIndex((entry) => entry.topic === target.topic && entry.question.id === target.question.id);
    if (index === -1) throw keyProblem(raw, key, file, `"${key}" is not in this quiz's selection (drop it, or change the topics and filters)`);
    bound.set(index, bindAnswerAt(raw, key, picked[index]!.question, file));
  }
  return bound;
}

/** A new session id (ids.ts) that no stored session has. */
export function uniqueSessionId(ctx: Pick<Context, 'clock' | 'sessions'>): string {
  const existing = new Set(ctx.sessions.ids());
  for (;;) {
    const id = newSessionId(ctx.clock.now());
    if (!existing.has(id)) return id;
  }
}

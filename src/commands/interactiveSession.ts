import type { Context } from '../context.js';
import type { ExitCode } from '../errors.js';
import type { Session } from '../session/model.js';
import type { ModelGrader, RunnerDeps } from '../session/runner/ports.js';
import { printSessionOutcome } from './sessionOutcome.js';

/**
 * Runs a quiz, review or interview session in the terminal: the session runner
 * with its ports bound to the context (terminal screen, session store, model).
 * Prints the outcome when the session finishes.
 */
export async function runInteractiveSession(session: Session, ctx: Context): Promise<ExitCode> {
  const [{ createPrompter }, { terminalSessionScreen }] = await Promise.all([import('../ui/prompter.js'), import('../ui/sessionScreen.js')]);
  const screen = terminalSessionScreen(ctx, await createPrompter(ctx));
  const deps: RunnerDeps = { clock: ctx.clock, sessions: ctx.sessions, screen, modelGrader: lazyModelGrader(ctx) };
  let outcome;
  if (session.kind === 'interview') {
    const { runInterviewSession } = await import('../session/runner/interview.js');
    const interviewerModel = session.settings.grader === 'llm' ? await (await import('../grading/llm/setup.js')).createInterviewerModel(ctx) : null;
    const gradeWithModel = async () => {
      const [{ llmSettings }, { gradeSessionWithModel }] = await Promise.all([import('../grading/llm/setup.js'), import('./llmGrading.js')]);
      await gradeSessionWithModel(session, ctx, llmSettings(ctx), { onlyPending: true });
    };
    outcome = await runInterviewSession(session, { ...deps, interviewerModel, gradeWithModel });
  } else {
    const { runQuizSession } = await import('../session/runner/quiz.js');
    outcome = await runQuizSession(session, deps);
  }
  if (outcome.finished) printSessionOutcome(session, ctx);
  return outcome.exitCode;
}

/** The grader is built on first use, so a quiz of choice questions never loads openai. */
export function lazyModelGrader(ctx: Context): () => Promise<ModelGrader> {
  let grader: Promise<ModelGrader> | undefined;
  return () => {
    grader ??= import('../grading/llm/setup.js').then((setup) => setup.createLlmGrader(ctx, setup.llmSettings(ctx)));
    return grader;
  };
}

import type { Context } from '../context.js';
import { UserError } from '../errors.js';
import { gradeTargets, gradeWithModel, type GradingOutcome } from '../grading/gradeSession.js';
import type { LlmSettings } from '../config/settings.js';
import type { Session } from '../session/model.js';
import { withProgress } from '../ui/progress.js';
import { stripControl } from '../text/controlChars.js';

export function assertLlmConfigured(settings: LlmSettings): void {
  if (!settings.configured) {
    throw new UserError('no LLM is configured: set OPENAI_API_KEY (OpenAI), or OPENAI_BASE_URL for a local OpenAI-compatible server such as Ollama (README "LLM grading")');
  }
}

/**
 * Grades a session's answers with the configured model, saving after each grade.
 * Failures leave the session intact and are reported one line each.
 */
export async function gradeSessionWithModel(session: Session, ctx: Context, settings: LlmSettings, options: { onlyPending: boolean }): Promise<GradingOutcome> {
  const targets = gradeTargets(session, options);
  if (targets.length === 0) return { graded: 0, failed: [] };
  const { createLlmGrader } = await import('../grading/llm/setup.js');
  const grader = await createLlmGrader(ctx, settings);
  const outcome = await withProgress(ctx, `Grading 0/${targets.length} with ${settings.model}`, (update) =>
    gradeWithModel(targets, grader, {
      concurrency: settings.concurrency,
      save: () => ctx.sessions.save(session),
      onProgress: (done, total) => update(`Grading ${done}/${total} with ${settings.model}`),
    }),
  );
  for (const failure of outcome.failed) {
    ctx.stderr.write(ctx.style.yellow(`ungraded ${stripControl(failure.label)}: ${stripControl(failure.reason)}\n`));
  }
  if (outcome.failed.length > 0) ctx.stderr.write(`The session is saved. Grade these later with coach grade ${session.id} --llm, or yourself with coach grade ${session.id} --self.\n`);
  return outcome;
}

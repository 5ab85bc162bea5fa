import type { Context } from '../context.js';
import { UserError, type ExitCode } from '../errors.js';
import { runClaimed } from './interactiveRun.js';
import { assertCanAsk } from './quiz.js';

export interface ResumeOptions {
  session?: string;
}

/** Continues an in-progress session where it stopped (default: the latest in-progress one). */
export async function resumeCommand(options: ResumeOptions, ctx: Context): Promise<ExitCode> {
  assertCanAsk(ctx, 'coach resume', { answers: false, advice: 'run it in a terminal (a session cannot be continued by script; coach quiz --answers FILE runs a new one)' });
  const id = ctx.sessions.resolve(options.session, (session) => session.status === 'in-progress');
  return runClaimed(ctx, id, () => resumeClaimed(id, ctx));
}

async function resumeClaimed(id: string, ctx: Context): Promise<ExitCode> {
  // Loaded after the claim, so it includes everything the previous run saved.
  const session = ctx.sessions.load(id);
  if (session.status === 'finished') throw new UserError(`session ${id} is finished; nothing to resume (coach report ${id} shows it)`);
  const progress =
    session.kind === 'interview'
      ? `${session.questions[0]!.phases!.filter((phase) => phase.status !== 'unasked').length} of ${session.questions[0]!.phases!.length} phases done`
      : `${session.questions.filter((item) => item.status !== 'unasked').length} of ${session.questions.length} questions done`;
  ctx.stdout.write(ctx.style.dim(`Resuming ${session.kind} ${id}: ${progress}.\n\n`));
  return (await import('./interactiveSession.js')).runInteractiveSession(session, ctx);
}

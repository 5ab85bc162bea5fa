import type { Context } from '../context.js';

/**
 * Runs an interactive session while holding its claim (see SessionStore.claim):
 * a second interactive run of the same session, from another terminal, is
 * refused with one line naming this process. The claim is released however
 * the run ends; a crash leaves a claim that the next run takes over.
 */
export async function runClaimed<T>(ctx: Pick<Context, 'sessions'>, sessionId: string, run: () => Promise<T>): Promise<T> {
  ctx.sessions.claim(sessionId);
  try {
    return await run();
  } finally {
    ctx.sessions.release(sessionId);
  }
}

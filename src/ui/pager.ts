import { spawn } from 'node:child_process';
import type { Context } from '../context.js';

/**
 * Long terminal output goes through a pager, as git does: $COACH_PAGER, else
 * $PAGER, else `less -FRX` (quit if it fits one screen, keep colours, leave the
 * text on screen). Only when stdout is a terminal and the text is longer than
 * the screen; a pager set to "" or "cat" means none. If the pager cannot be
 * started, the text is written straight out instead.
 */
export async function writePaged(text: string, ctx: Pick<Context, 'stdout' | 'env' | 'json'>, rows = terminalRows(ctx)): Promise<void> {
  const command = pagerCommand(ctx.env);
  const lines = text.split('\n').length - 1;
  if (!ctx.stdout.isTTY || ctx.json || command === null || lines < rows) {
    ctx.stdout.write(text);
    return;
  }
  const started = await runPager(command, text, ctx.env);
  if (!started) ctx.stdout.write(text);
}

/** The pager to run, or null for none. */
export function pagerCommand(env: NodeJS.ProcessEnv | Record<string, string | undefined>): string | null {
  const chosen = env.COACH_PAGER ?? env.PAGER ?? 'less -FRX';
  return chosen.trim() === '' || chosen.trim() === 'cat' ? null : chosen;
}

function terminalRows(ctx: Pick<Context, 'stdout'>): number {
  const rows = (ctx.stdout as { rows?: number }).rows;
  return typeof rows === 'number' && rows > 0 ? rows : 24;
}

/** Resolves true once the pager exits, false when it could not be started. */
function runPager(command: string, text: string, env: Record<string, string | undefined>): Promise<boolean> {
  return new Promise((resolve) => {
    // LESS=FRX when unset, as git does, so a bare `less` in $PAGER behaves the same.
    const child = spawn(command, { shell: true, stdio: ['pipe', 'inherit', 'inherit'], env: { LESS: 'FRX', ...env } as NodeJS.ProcessEnv });
    let spawned = true;
    child.on('error', () => {
      spawned = false;
      resolve(false);
    });
    child.stdin.on('error', (error: NodeJS.ErrnoException) => {
      // The reader quit the pager before reading everything: that is their choice, not a failure.
      if (error.code !== 'EPIPE') throw error;
    });
    child.on('close', (code) => resolve(spawned && code !== 127));
    child.stdin.end(text);
  });
}

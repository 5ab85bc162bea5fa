import type { Context } from '../context.js';

/** An ora spinner on a terminal (stderr), nothing with --json or in a pipe. */
export async function withProgress<T>(ctx: Pick<Context, 'stderr' | 'json'>, text: string, run: (update: (text: string) => void) => Promise<T>): Promise<T> {
  if (ctx.json || ctx.stderr.isTTY !== true) return run(() => undefined);
  const { default: ora } = await import('ora');
  const spinner = ora({ text, stream: ctx.stderr as NodeJS.WritableStream }).start();
  try {
    const result = await run((next) => (spinner.text = next));
    spinner.stop();
    return result;
  } catch (error) {
    spinner.stop();
    throw error;
  }
}

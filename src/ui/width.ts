import type { Context } from '../context.js';

/** Assumed when the output is not a terminal and COLUMNS does not say. */
export const DEFAULT_WIDTH = 80;

/**
 * The width to lay output out for, in display columns: the terminal's when
 * stdout is one, else $COLUMNS when set (as shells export it), else 80.
 */
export function outputWidth(ctx: Pick<Context, 'stdout' | 'env'>): number {
  if (ctx.stdout.isTTY && ctx.stdout.columns && ctx.stdout.columns > 0) return ctx.stdout.columns;
  const fromEnv = Number(ctx.env.COLUMNS);
  return Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : DEFAULT_WIDTH;
}

import type { ChalkInstance } from 'chalk';
import type { ColorLevel } from './colors.js';

/**
 * Styling for everything we print. chalk costs ~20 ms to import, which start-up
 * cannot afford when colour is off anyway (pipes, --json, NO_COLOR): then a
 * chainable pass-through stands in for it.
 */
export type Style = ChalkInstance;

export async function createStyle(level: ColorLevel): Promise<Style> {
  if (level === 0) return plainStyle;
  const { Chalk } = await import('chalk');
  return new Chalk({ level });
}

const passThrough = (...text: unknown[]) => text.join(' ');

export const plainStyle: Style = new Proxy(passThrough, {
  // `then` must stay undefined, or `await createStyle(0)` would treat the proxy as a promise.
  get: (_target, property) => (property === 'then' ? undefined : property === 'level' ? 0 : plainStyle),
}) as unknown as Style;

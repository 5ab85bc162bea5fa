import type { ColorLevel } from './colors.js';
import { plainStyle, type Style } from '../text/style.js';

export { plainStyle, type Style };

/**
 * The style for this run: chalk costs ~20 ms to import, which start-up
 * cannot afford when colour is off anyway (pipes, --json, NO_COLOR): then the
 * pass-through `plainStyle` stands in for it.
 */
export async function createStyle(level: ColorLevel): Promise<Style> {
  if (level === 0) return plainStyle;
  const { Chalk } = await import('chalk');
  return new Chalk({ level });
}

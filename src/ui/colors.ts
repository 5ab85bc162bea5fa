/**
 * Colour is decided once, at start-up, from flags and environment, then handed to
 * everything that prints. chalk alone would ignore NO_COLOR on a TTY.
 */
export type ColorLevel = 0 | 1 | 2 | 3;

export interface ColorInputs {
  colorFlag: boolean; // false when --no-color was given
  json: boolean;
  env: Record<string, string | undefined>;
  isTTY: boolean;
}

export function decideColorLevel({ colorFlag, json, env, isTTY }: ColorInputs): ColorLevel {
  if (!colorFlag || json) return 0;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return 0;
  const force = env.FORCE_COLOR;
  if (force !== undefined) {
    if (force === '0' || force === 'false') return 0;
    if (force === '' || force === 'true' || force === '1') return 1;
    const level = Number(force);
    if (level === 2 || level === 3) return level;
    return 1;
  }
  if (!isTTY || env.TERM === 'dumb') return 0;
  return env.COLORTERM === 'truecolor' || env.COLORTERM === '24bit' ? 3 : 2;
}

import { expect, test } from 'vitest';
import { decideColorLevel } from '../../src/ui/colors.js';

test.each([
  ['TTY, nothing set', { colorFlag: true, json: false, env: {}, isTTY: true }, 2],
  ['TTY truecolor', { colorFlag: true, json: false, env: { COLORTERM: 'truecolor' }, isTTY: true }, 3],
  ['pipe', { colorFlag: true, json: false, env: {}, isTTY: false }, 0],
  ['--no-color on a TTY', { colorFlag: false, json: false, env: {}, isTTY: true }, 0],
  ['NO_COLOR on a TTY', { colorFlag: true, json: false, env: { NO_COLOR: '1' }, isTTY: true }, 0],
  ['empty NO_COLOR is ignored', { colorFlag: true, json: false, env: { NO_COLOR: '' }, isTTY: true }, 2],
  ['FORCE_COLOR on a pipe', { colorFlag: true, json: false, env: { FORCE_COLOR: '1' }, isTTY: false }, 1],
  ['FORCE_COLOR=3', { colorFlag: true, json: false, env: { FORCE_COLOR: '3' }, isTTY: false }, 3],
  ['FORCE_COLOR=0 on a TTY', { colorFlag: true, json: false, env: { FORCE_COLOR: '0' }, isTTY: true }, 0],
  ['NO_COLOR beats FORCE_COLOR', { colorFlag: true, json: false, env: { NO_COLOR: '1', FORCE_COLOR: '1' }, isTTY: true }, 0],
  ['--json beats FORCE_COLOR', { colorFlag: true, json: true, env: { FORCE_COLOR: '1' }, isTTY: true }, 0],
  ['TERM=dumb', { colorFlag: true, json: false, env: { TERM: 'dumb' }, isTTY: true }, 0],
] as const)('%s', (_name, inputs, level) => {
  expect(decideColorLevel({ ...inputs, env: { ...inputs.env } })).toBe(level);
});

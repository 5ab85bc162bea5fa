import {
  createPrompt,
  isDownKey,
  isEnterKey,
  isSpaceKey,
  isUpKey,
  makeTheme,
  useKeypress,
  usePrefix,
  useState,
} from '@inquirer/core';
import { HIDE_CURSOR, indentFollowingLines, indexForLetter, letterFor, wrapIndex } from './format.js';
import { fitMenu, type ScreenSize } from './fit.js';
import { useEverySecond } from './use-every-second.js';
import { useIgnoreEndOfInput } from './use-ignore-end-of-input.js';

export interface ChoiceConfig {
  message: string;
  /** Called on every render (at least once a second), so it can show live timers. */
  header?: () => string;
  /** Shown as a), b), … in this order; the letters are what answers refer to, so never reordered. */
  options: string[];
  multiple: boolean;
  /** Polled once a second; when it returns true the prompt submits what is picked so far. */
  deadline?: () => boolean;
  /** The terminal's size, read on every draw; the screen is fitted to it (fit.ts). Default 80×24. */
  size?: () => ScreenSize;
}

export interface ChoiceAnswer {
  /** Indexes into `options`, ascending. */
  picked: number[];
  via: 'answered' | 'skipped' | 'timeout';
}

const SKIP_LABEL = 'skip this question';
const NOTHING_PICKED = 'pick at least one option, or choose skip';

export const choiceInput = createPrompt<ChoiceAnswer, ChoiceConfig>((config, done) => {
  const { options, multiple } = config;
  const theme = makeTheme({});
  const [status, setStatus] = useState<'idle' | 'done'>('idle');
  // Positions 0…options.length-1 are options; options.length is the skip entry.
  const [cursor, setCursor] = useState(0);
  const [toggled, setToggled] = useState<number[]>([]);
  const [error, setError] = useState<string | undefined>(undefined);
  const [answer, setAnswer] = useState<ChoiceAnswer | undefined>(undefined);
  const prefix = usePrefix({ status, theme });
  useIgnoreEndOfInput();
  const skipPosition = options.length;

  function finish(result: ChoiceAnswer) {
    setAnswer(result);
    setStatus('done');
    done(result);
  }

  function toggle(index: number) {
    setToggled(toggled.includes(index) ? toggled.filter((i) => i !== index) : [...toggled, index].sort((a, b) => a - b));
    setError(undefined);
  }

  useKeypress((key, rl) => {
    if (status !== 'idle') return;
    // Typed letters pile up in readline's line; keep it empty, as @inquirer/select does.
    rl.clearLine(0);
    // Ctrl+letter is not a letter: Ctrl+D (ignored) must not jump to option d.
    const lettered = key.ctrl ? undefined : indexForLetter(key.name, options.length);
    if (isEnterKey(key)) {
      if (cursor === skipPosition) finish({ picked: [], via: 'skipped' });
      else if (!multiple) finish({ picked: [cursor], via: 'answered' });
      else if (toggled.length > 0) finish({ picked: toggled, via: 'answered' });
      else setError(NOTHING_PICKED);
    } else if (isUpKey(key) || isDownKey(key)) {
      setCursor(wrapIndex(cursor, isUpKey(key) ? -1 : 1, options.length + 1));
    } else if (lettered !== undefined) {
      setCursor(lettered);
      if (multiple) toggle(lettered);
    } else if (multiple && isSpaceKey(key) && cursor !== skipPosition) {
      toggle(cursor);
    }
  });

  useEverySecond(() => {
    if (status === 'idle' && config.deadline?.()) finish({ picked: multiple ? toggled : [], via: 'timeout' });
  });

  const message = `${prefix} ${theme.style.message(config.message, status)}`;
  if (status === 'done' && answer) return `${message} ${theme.style.answer(describeChoice(answer))}`;

  const row = (active: boolean, text: string) => (active ? theme.style.highlight(`❯ ${text}`) : `  ${text}`);
  const rows = options.map((option, index) => {
    const box = multiple ? (toggled.includes(index) ? '[x] ' : '[ ] ') : '';
    const label = `${box}${letterFor(index)}) `;
    return row(index === cursor, label + indentFollowingLines(option, ' '.repeat(label.length + 2)));
  });
  rows.push(row(cursor === skipPosition, theme.style.help(SKIP_LABEL)));

  const lastLetter = letterFor(options.length - 1);
  const hint = multiple
    ? `↑↓ move · a-${lastLetter} or Space: toggle · Enter: submit`
    : `↑↓ or a-${lastLetter}: move · Enter: submit`;
  const screen = fitMenu(
    { header: config.header?.(), message, items: rows, focus: cursor, bottom: [theme.style.help(hint), error === undefined ? undefined : theme.style.error(error)] },
    config.size?.() ?? { columns: 80, rows: 24 },
    theme.style.help,
  );
  return [screen.content, screen.bottom + HIDE_CURSOR];
});

/** The answer as the line left in the scrollback says it: letters, `skipped`, or `time's up (a)`. */
export function describeChoice(answer: ChoiceAnswer): string {
  if (answer.via === 'skipped') return 'skipped';
  const letters = answer.picked.map(letterFor).join(', ');
  return answer.via === 'timeout' ? `time's up${letters ? ` (${letters})` : ''}` : letters;
}

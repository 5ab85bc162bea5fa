import { createPrompt, isDownKey, isEnterKey, isSpaceKey, isUpKey, makeTheme, useKeypress, usePrefix, useState, type KeypressEvent } from '@inquirer/core';
import { fitMenu, type ScreenSize } from './fit.js';
import { HIDE_CURSOR, wrapIndex } from './format.js';
import { useIgnoreEndOfInput } from './use-ignore-end-of-input.js';

/**
 * The plain menus outside a question: "Press Enter to …", pick one, pick many.
 * They replace @inquirer's input/select/checkbox, whose readline closes on
 * Ctrl+D and leaves the prompt unanswered: here Ctrl+D does nothing (as in
 * every menu-like prompt) and Ctrl+C interrupts. Frames are fitted to the
 * terminal (fit.ts), so a long list scrolls around the cursor instead of
 * spilling into the scrollback.
 */
export interface PressEnterConfig {
  message: string;
}

export const pressEnterInput = createPrompt<void, PressEnterConfig>((config, done) => {
  // A menu of one entry: Enter finishes, ↑↓ have nowhere to go.
  const { theme, status, line } = useMenu(config.message, 1, () => done());
  return status === 'done' ? line : [line, theme.style.help('Enter: continue · Ctrl+C: quit') + HIDE_CURSOR];
});

export interface PickConfig<T> {
  message: string;
  options: { name: string; value: T; description?: string }[];
  size?: () => ScreenSize;
}

export interface PickManyConfig<T> {
  message: string;
  options: { name: string; value: T }[];
  size?: () => ScreenSize;
}

/**
 * What both list menus share: the theme, the idle/done status, a cursor that
 * ↑↓ move (wrapping at the ends), Enter to finish with `finish(cursor)`,
 * Ctrl+D ignored; any other key goes to `onKey`. `line` is the styled
 * question line.
 */
function useMenu(message: string, count: number, finish: (cursor: number) => void, onKey?: (key: KeypressEvent, cursor: number) => void) {
  const theme = makeTheme({});
  const [status, setStatus] = useState<'idle' | 'done'>('idle');
  const [cursor, setCursor] = useState(0);
  const prefix = usePrefix({ status, theme });
  useIgnoreEndOfInput();
  useKeypress((key, rl) => {
    if (status !== 'idle') return;
    rl.clearLine(0);
    if (isEnterKey(key)) {
      setStatus('done');
      finish(cursor);
    } else if (isUpKey(key) || isDownKey(key)) {
      setCursor(wrapIndex(cursor, isUpKey(key) ? -1 : 1, count));
    } else {
      onKey?.(key, cursor);
    }
  });
  return { theme, status, cursor, line: `${prefix} ${theme.style.message(message, status)}` };
}

function pickPrompt<T>(config: PickConfig<T>, done: (value: T) => void): string | [string, string] {
  const { options } = config;
  const { theme, status, cursor, line: message } = useMenu(config.message, options.length, (at) => done(options[at]!.value));
  if (status === 'done') return `${message} ${theme.style.answer(options[cursor]!.name)}`;
  const items = options.map((option, index) => (index === cursor ? theme.style.highlight(`❯ ${option.name}`) : `  ${option.name}`));
  const description = options[cursor]?.description;
  const screen = fitMenu(
    { message, items, focus: cursor, bottom: [description === undefined ? undefined : theme.style.help(description), theme.style.help('↑↓ move · Enter: choose')] },
    config.size?.() ?? { columns: 80, rows: 24 },
    theme.style.help,
  );
  return [screen.content, screen.bottom + HIDE_CURSOR];
}

function pickManyPrompt<T>(config: PickManyConfig<T>, done: (value: T[]) => void): string | [string, string] {
  const { options } = config;
  const [ticked, setTicked] = useState<number[]>([]);
  const { theme, status, cursor, line: message } = useMenu(
    config.message,
    options.length,
    () => done(ticked.map((index) => options[index]!.value)),
    (key, at) => {
      if (isSpaceKey(key)) setTicked(ticked.includes(at) ? ticked.filter((index) => index !== at) : [...ticked, at].sort((a, b) => a - b));
    },
  );
  if (status === 'done') return `${message} ${theme.style.answer(ticked.map((index) => options[index]!.name).join(', '))}`;
  const items = options.map((option, index) => {
    const line = `${ticked.includes(index) ? '◉' : '◯'} ${option.name}`;
    return index === cursor ? theme.style.highlight(`❯ ${line}`) : `  ${line}`;
  });
  const screen = fitMenu(
    { message, items, focus: cursor, bottom: [theme.style.help('↑↓ move · Space: select · Enter: submit')] },
    config.size?.() ?? { columns: 80, rows: 24 },
    theme.style.help,
  );
  return [screen.content, screen.bottom + HIDE_CURSOR];
}

/** One of `options`, by ↑↓ and Enter; resolves with its value. */
export const pickInput = createPrompt(pickPrompt) as <T>(config: PickConfig<T>, context?: Parameters<ReturnType<typeof createPrompt>>[1]) => Promise<T>;

/** Any of `options` (Space ticks), in list order; resolves with their values. */
export const pickManyInput = createPrompt(pickManyPrompt) as <T>(config: PickManyConfig<T>, context?: Parameters<ReturnType<typeof createPrompt>>[1]) => Promise<T[]>;

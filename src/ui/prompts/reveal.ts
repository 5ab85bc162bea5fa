import { createPrompt, isEnterKey, makeTheme, useKeypress, usePrefix, useState } from '@inquirer/core';
import { HIDE_CURSOR } from './format.js';
import { fitMenu, type ScreenSize } from './fit.js';
import { useEverySecond } from './use-every-second.js';
import { useIgnoreEndOfInput } from './use-ignore-end-of-input.js';

export interface RevealConfig {
  message: string;
  /** Called on every render (at least once a second), so the clock runs while the candidate thinks. */
  header?: () => string;
  hint: string;
  /** Polled once a second; when it returns true the prompt ends with `timeout`. */
  deadline?: () => boolean;
  /** The terminal's size, read on every draw; the screen is fitted to it (fit.ts). Default 80×24. */
  size?: () => ScreenSize;
}

export interface RevealAnswer {
  via: 'revealed' | 'timeout';
}

/** Flip mode's "think, then press Enter": the question under a live clock, ended by Enter or the time limit. */
export const revealInput = createPrompt<RevealAnswer, RevealConfig>((config, done) => {
  const theme = makeTheme({});
  const [status, setStatus] = useState<'idle' | RevealAnswer['via']>('idle');
  const prefix = usePrefix({ status: status === 'idle' ? 'idle' : 'done', theme });
  useIgnoreEndOfInput();

  function finish(via: RevealAnswer['via']) {
    setStatus(via);
    done({ via });
  }

  useKeypress((key, rl) => {
    if (status !== 'idle') return;
    rl.clearLine(0);
    if (isEnterKey(key)) finish('revealed');
  });

  useEverySecond(() => {
    if (status === 'idle' && config.deadline?.()) finish('timeout');
  });

  const message = `${prefix} ${theme.style.message(config.message, status === 'idle' ? 'idle' : 'done')}`;
  if (status === 'timeout') return `${message}\n${theme.style.error("⏱ Time's up.")}`;
  if (status === 'revealed') return message;
  const screen = fitMenu({ header: config.header?.(), message, items: [], focus: 0, bottom: [theme.style.help(config.hint)] }, config.size?.() ?? { columns: 80, rows: 24 }, theme.style.help);
  return [screen.content, screen.bottom + HIDE_CURSOR];
});

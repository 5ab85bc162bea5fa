import { createPrompt, isEnterKey, makeTheme, useKeypress, usePrefix, useState } from '@inquirer/core';
import { HIDE_CURSOR, joinLines } from './format.js';
import { useEverySecond } from './use-every-second.js';
import { useIgnoreEndOfInput } from './use-ignore-end-of-input.js';

export interface RevealConfig {
  message: string;
  /** Called on every render (at least once a second), so the clock runs while the candidate thinks. */
  header?: () => string;
  hint: string;
  /** Polled once a second; when it returns true the prompt ends with `timeout`. */
  deadline?: () => boolean;
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
  return [joinLines([config.header?.(), message]), theme.style.help(config.hint) + HIDE_CURSOR];
});

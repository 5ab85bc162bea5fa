import { useEffect, useRef, type KeypressEvent } from '@inquirer/core';

/**
 * Like useKeypress, but runs before readline sees the key.
 *
 * Needed for Ctrl+D: on an empty line readline treats it as end of input and closes
 * itself, which tears down every hook (useKeypress handlers included) before they run,
 * leaving the prompt unanswered forever.
 */
export function useKeypressBeforeReadline(handler: (key: KeypressEvent) => void): void {
  const latest = useRef(handler);
  latest.current = handler;

  useEffect((rl) => {
    const onKeypress = (_input: unknown, key: KeypressEvent | undefined) => {
      if (key) latest.current(key);
    };
    rl.input.prependListener('keypress', onKeypress);
    return () => {
      rl.input.removeListener('keypress', onKeypress);
    };
  }, []);
}

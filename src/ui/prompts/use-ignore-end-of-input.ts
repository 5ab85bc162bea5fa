import { useEffect } from '@inquirer/core';

/**
 * Makes Ctrl+D do nothing in a menu-like prompt. Readline treats Ctrl+D on an
 * empty line as end of input and closes itself, which would leave the prompt
 * unanswered until the process exits (exit 130). Our listener runs before
 * readline's and gives it one character to delete instead, so the line stays
 * empty and the prompt keeps going (node's `_ttyWrite`: Ctrl+D on a non-empty
 * line deletes forward).
 */
export function useIgnoreEndOfInput(): void {
  useEffect((rl) => {
    const editable = rl as unknown as { line: string; cursor: number };
    const onKeypress = (_input: unknown, key: { ctrl?: boolean; name?: string } | undefined) => {
      if (key?.ctrl && key.name === 'd' && editable.line.length === 0) {
        editable.line = ' ';
        editable.cursor = 0;
      }
    };
    rl.input.prependListener('keypress', onKeypress);
    return () => {
      rl.input.removeListener('keypress', onKeypress);
    };
  }, []);
}

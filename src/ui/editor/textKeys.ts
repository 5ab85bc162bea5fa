import type { KeyName } from './keys.js';
import * as edit from './textBuffer.js';

/**
 * The keys that only edit the text or move the cursor within it (Enter,
 * Backspace, Delete, word and line deletes, ← →, word jumps, Home, End): the
 * state after the key, or undefined for any other key (submit, interrupt,
 * $EDITOR, redraw, ↑ ↓ and the page keys, which need the screen layout).
 * Moves go by grapheme and word boundary (textBuffer.ts).
 */
export function editByKey(state: edit.TextState, name: KeyName): edit.TextState | undefined {
  const { text, cursor } = state;
  switch (name) {
    case 'enter':
      return edit.insertText(state, '\n');
    case 'backspace':
      return edit.deleteBackward(state);
    case 'delete':
      return edit.deleteForward(state);
    case 'delete-word':
      return edit.deleteWordBackward(state);
    case 'delete-line-start':
      return edit.deleteToLineStart(state);
    case 'left':
      return edit.moveTo(state, edit.previousBoundary(text, cursor));
    case 'right':
      return edit.moveTo(state, edit.nextBoundary(text, cursor));
    case 'word-left':
      return edit.moveTo(state, edit.wordStartBefore(text, cursor));
    case 'word-right':
      return edit.moveTo(state, edit.wordEndAfter(text, cursor));
    case 'home':
      return edit.moveTo(state, edit.lineStart(text, cursor));
    case 'end':
      return edit.moveTo(state, edit.lineEnd(text, cursor));
    default:
      return undefined;
  }
}

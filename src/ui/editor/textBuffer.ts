/**
 * The answer being typed: one string and a cursor (a UTF-16 offset that always
 * sits on a grapheme boundary). Every edit is one string splice, so a paste of
 * any length costs time linear in the text, and the cursor moves by grapheme
 * (`Intl.Segmenter`): backspace never splits a flag, a ZWJ family or 👩‍💻.
 * Pure functions: each returns a new state.
 */
export interface TextState {
  readonly text: string;
  /** Offset into `text`, on a grapheme boundary. */
  readonly cursor: number;
}

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** A state holding `text` with the cursor at its end (how a draft reopens). */
export function stateAtEnd(text: string): TextState {
  return { text, cursor: text.length };
}

export function insertText(state: TextState, inserted: string): TextState {
  if (inserted === '') return state;
  const { text, cursor } = state;
  return { text: text.slice(0, cursor) + inserted + text.slice(cursor), cursor: cursor + inserted.length };
}

/** Start of the line the offset is on. */
export function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** End of the line the offset is on (the offset of its `\n`, or the text's length). */
export function lineEnd(text: string, offset: number): number {
  const end = text.indexOf('\n', offset);
  return end === -1 ? text.length : end;
}

/**
 * Grapheme boundaries of the line around `offset`, as absolute offsets, both
 * ends included. Graphemes never span a line feed, so one line is enough context.
 */
function boundaries(text: string, offset: number): number[] {
  const start = lineStart(text, offset);
  const end = lineEnd(text, offset);
  const result: number[] = [];
  for (const { index } of segmenter.segment(text.slice(start, end))) result.push(start + index);
  result.push(end);
  return result;
}

/** The grapheme boundary before `offset` (a line feed counts as one grapheme). */
export function previousBoundary(text: string, offset: number): number {
  if (offset <= 0) return 0;
  const start = lineStart(text, offset);
  if (offset === start) return offset - 1;
  const all = boundaries(text, offset);
  let previous = start;
  for (const boundary of all) {
    if (boundary >= offset) break;
    previous = boundary;
  }
  return previous;
}

/** The grapheme boundary after `offset`. */
export function nextBoundary(text: string, offset: number): number {
  if (offset >= text.length) return text.length;
  if (text[offset] === '\n') return offset + 1;
  return boundaries(text, offset).find((boundary) => boundary > offset) ?? text.length;
}

export function deleteBackward(state: TextState): TextState {
  const from = previousBoundary(state.text, state.cursor);
  return { text: state.text.slice(0, from) + state.text.slice(state.cursor), cursor: from };
}

export function deleteForward(state: TextState): TextState {
  const to = nextBoundary(state.text, state.cursor);
  return { text: state.text.slice(0, state.cursor) + state.text.slice(to), cursor: state.cursor };
}

/** Deletes back to the start of the previous word (Ctrl+W, Alt+Backspace). */
export function deleteWordBackward(state: TextState): TextState {
  const from = wordStartBefore(state.text, state.cursor);
  return { text: state.text.slice(0, from) + state.text.slice(state.cursor), cursor: from };
}

/** Deletes back to the start of the line (Ctrl+U). */
export function deleteToLineStart(state: TextState): TextState {
  const start = lineStart(state.text, state.cursor);
  const from = start === state.cursor ? previousBoundary(state.text, state.cursor) : start;
  return { text: state.text.slice(0, from) + state.text.slice(state.cursor), cursor: from };
}

export function moveTo(state: TextState, cursor: number): TextState {
  return { text: state.text, cursor: Math.max(0, Math.min(cursor, state.text.length)) };
}

export function wordStartBefore(text: string, offset: number): number {
  let at = offset;
  while (at > 0 && /\s/.test(text[at - 1]!)) at -= 1;
  while (at > 0 && !/\s/.test(text[at - 1]!)) at -= 1;
  return at;
}

export function wordEndAfter(text: string, offset: number): number {
  let at = offset;
  while (at < text.length && /\s/.test(text[at]!)) at += 1;
  while (at < text.length && !/\s/.test(text[at]!)) at += 1;
  return at;
}

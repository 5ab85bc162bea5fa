import wrapAnsi from 'wrap-ansi';
import { layoutText, type Layout, type LineWrapper } from './layout.js';
import type { TextState } from './textBuffer.js';
import { GUTTER } from '../prompts/format.js';

/**
 * One screenful of the answer prompt, composed as plain data: the header, the
 * question, the rows of the answer around the cursor, the hint. Everything is
 * measured in screen rows after wrapping by display width, and the frame never
 * has more rows than the terminal, so drawing it never scrolls anything into
 * the scrollback. Each line is at most `columns - 1` cells wide, so nothing
 * ever lands in the last column (where terminals defer the wrap).
 */
export interface FrameInput {
  columns: number;
  rows: number;
  header?: string;
  message: string;
  hint: string;
  error?: string;
  state: TextState;
  /** First answer row shown last time, so the view only scrolls when the cursor leaves it. */
  scrollTop: number;
  dim: (text: string) => string;
}

export interface Frame {
  lines: string[];
  /** Zero-based screen position of the cursor. */
  cursorRow: number;
  cursorColumn: number;
  scrollTop: number;
  /** Answer rows on screen: what Page Up / Page Down move by. */
  pageRows: number;
  layout: Layout;
}

/** What an unknown terminal size (0×0, or not a terminal) is taken to be. */
export const FALLBACK_SIZE = { columns: 80, rows: 24 } as const;

/** The terminal's size, or 80×24 when it reports none. */
export function screenSize(output: { columns?: number; rows?: number }): { columns: number; rows: number } {
  const columns = output.columns && output.columns > 0 ? output.columns : FALLBACK_SIZE.columns;
  const rows = output.rows && output.rows > 0 ? output.rows : FALLBACK_SIZE.rows;
  return { columns, rows };
}

// The question and hint are the same on every frame and the header changes once a second:
// wrap-ansi is the costly part of a keystroke's frame, so its results are kept.
const wrapCache = new Map<string, string[]>();

function wrapped(text: string | undefined, width: number): string[] {
  if (text === undefined || text === '') return [];
  const key = `${width}\u0000${text}`;
  let rows = wrapCache.get(key);
  if (!rows) {
    rows = wrapAnsi(text, width, { hard: true }).split('\n');
    if (wrapCache.size > 200) wrapCache.clear();
    wrapCache.set(key, rows);
  }
  return [...rows];
}

export function composeFrame(input: FrameInput, wrapper: LineWrapper): Frame {
  const width = Math.max(2, input.columns - 1);
  const textWidth = Math.max(1, width - GUTTER.length);
  const total = Math.max(1, input.rows);
  const header = wrapped(input.header, width).slice(0, 2);
  const hint = wrapped(input.hint, width).slice(0, total >= 12 ? 2 : 1);
  const error = wrapped(input.error, width).slice(0, 1);
  let message = wrapped(input.message, width);

  // The answer keeps at least three rows where it can; what gives way first is
  // the error, then the hint's second row, the question's tail, the header's second row.
  const minAnswer = Math.min(3, total);
  const fixed = () => header.length + hint.length + error.length;
  while (fixed() + minAnswer + Math.min(1, message.length) > total && fixed() > 0) {
    if (error.length > 0) error.pop();
    else if (hint.length > 1) hint.pop();
    else if (header.length > 1) header.pop();
    else if (hint.length > 0) hint.pop();
    else header.pop();
  }
  const messageRoom = Math.max(0, total - fixed() - minAnswer);
  if (message.length > messageRoom) {
    message = message.slice(0, messageRoom);
    if (messageRoom > 0) message[messageRoom - 1] = input.dim('… (the question continues; it is shown again after you submit)').slice(0, width * 4);
    message = message.map((line) => wrapped(line, width)[0] ?? '');
  }
  const area = Math.max(1, total - fixed() - message.length);

  const layout = layoutText(input.state.text, input.state.cursor, textWidth, wrapper);
  const count = layout.rows.length;
  const folding = count > area && area >= 3;
  const pageRows = folding ? area - 2 : area;
  let top = Math.min(input.scrollTop, Math.max(0, count - pageRows));
  if (layout.cursorRow < top) top = layout.cursorRow;
  if (layout.cursorRow >= top + pageRows) top = layout.cursorRow - pageRows + 1;
  top = Math.max(0, top);

  const gutter = input.dim(GUTTER);
  const answer: string[] = [];
  const fit = (line: string) => wrapped(line, width)[0] ?? '';
  if (folding) answer.push(fit(input.dim(top > 0 ? `${GUTTER}… ${top} earlier row${top === 1 ? '' : 's'} (Ctrl+E shows all)` : GUTTER.trimEnd())));
  for (const row of layout.rows.slice(top, top + pageRows)) answer.push(gutter + input.state.text.slice(row.start, row.end).replace(/\t/g, ' '));
  const below = count - top - pageRows;
  if (folding) answer.push(fit(input.dim(below > 0 ? `${GUTTER}… ${below} more row${below === 1 ? '' : 's'}` : GUTTER.trimEnd())));

  const lines = [...header, ...message, ...answer, ...hint, ...error];
  const cursorRow = header.length + message.length + (folding ? 1 : 0) + (layout.cursorRow - top);
  return { lines, cursorRow, cursorColumn: GUTTER.length + layout.cursorColumn, scrollTop: top, pageRows, layout };
}

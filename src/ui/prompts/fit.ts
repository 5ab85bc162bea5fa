import wrapAnsi from 'wrap-ansi';
import { screenSize } from '../editor/viewport.js';

/**
 * One screenful of a menu-like prompt (choice, checklist, reveal) that is shown
 * while a session is open: the live header, the question, the items, and the
 * hint at the bottom. Like the answer editor's frame (viewport.ts), it is
 * measured in screen rows after wrapping by display width (wrap-ansi), and never
 * has more rows than the terminal, so a redraw never scrolls anything into the
 * scrollback; the item under the cursor is always on screen.
 */
export interface MenuScreen {
  header?: string;
  /** The question (and anything else above the items). */
  message: string;
  /** One entry per item; an item may wrap or hold several lines. */
  items: readonly string[];
  /** The item to keep visible (the cursor's). */
  focus: number;
  /** Below the items: the hint, then an error if any. */
  bottom: readonly (string | undefined)[];
}

/** The terminal's size as the prompts see it (80×24 when it reports none). */
export interface ScreenSize {
  columns: number;
  rows: number;
}

export function sizeOf(output: { columns?: number; rows?: number }): ScreenSize {
  return screenSize(output);
}

function wrapRows(text: string | undefined, width: number): string[] {
  if (text === undefined || text === '') return [];
  return wrapAnsi(text, width, { hard: true, trim: false }).split('\n');
}

/**
 * The screen's rows: `content` (header, question, items) and `bottom` (hint,
 * error), joined by @inquirer's screen manager with one line break. Their rows
 * add up to at most `rows - 1` (the screen manager's cursor needs the last one)
 * and each is at most `columns - 1` cells wide. When they do not fit, what gives
 * way first is the error, the hint's extra rows, the header's second row; then
 * the question and items scroll, with `… N rows above` / `… N more rows` marks.
 */
export function fitMenu(screen: MenuScreen, size: ScreenSize, dim: (text: string) => string): { content: string; bottom: string } {
  const width = Math.max(2, size.columns - 1);
  const total = Math.max(1, size.rows - 1);
  const header = wrapRows(screen.header, width).slice(0, 3);
  const bottomParts = screen.bottom.filter((part): part is string => part !== undefined && part !== '');
  let bottom = bottomParts.flatMap((part) => wrapRows(part, width));
  const message = wrapRows(screen.message, width);
  const itemRows = screen.items.map((item) => wrapRows(item, width));
  // Without items the question itself is what must be seen from its start.
  const focusStart = itemRows.length === 0 ? 0 : message.length + itemRows.slice(0, screen.focus).reduce((sum, rows) => sum + rows.length, 0);
  const focusEnd = itemRows.length === 0 ? 1 : focusStart + (itemRows[screen.focus]?.length ?? 0);
  const body = [...message, ...itemRows.flat()];

  // The body keeps at least three rows (or the whole terminal, if smaller) where it can.
  const minBody = Math.min(3, total, body.length);
  const fixed = () => header.length + bottom.length;
  while (fixed() + minBody > total && fixed() > 0) {
    if (bottom.length > 1) bottom = bottom.slice(0, -1);
    else if (header.length > 1) header.pop();
    else if (bottom.length > 0) bottom = [];
    else header.pop();
  }
  const room = Math.max(1, total - fixed());
  const shown = scroll(body, focusStart, Math.max(focusStart + 1, focusEnd), room, width, dim);
  return { content: [...header, ...shown].join('\n'), bottom: bottom.join('\n') };
}

function scroll(body: string[], focusStart: number, focusEnd: number, room: number, width: number, dim: (text: string) => string): string[] {
  if (body.length <= room) return body;
  const mark = (text: string) => wrapRows(dim(text), width)[0] ?? '';
  if (room < 3) return body.slice(focusStart, focusStart + room);
  // With the top shown: all rows but one, and a mark for the rest below.
  if (focusEnd <= room - 1) return [...body.slice(0, room - 1), mark(`… ${body.length - room + 1} more rows`)];
  const inner = room - 2;
  const top = Math.max(0, Math.min(focusStart, focusEnd - inner, body.length - inner));
  if (top === 0) return [...body.slice(0, room - 1), mark(`… ${body.length - room + 1} more rows`)];
  const below = body.length - top - inner;
  return [mark(`… ${top} rows above`), ...body.slice(top, top + inner), below > 0 ? mark(`… ${below} more rows`) : ''];
}

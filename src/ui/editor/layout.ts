import stringWidth from 'string-width';

/**
 * Where the answer's text falls on screen: each line wrapped to `width` columns
 * by display width (a CJK character or an emoji is 2 columns, a grapheme is one
 * unit: string-width + Intl.Segmenter), breaking after a space when the row has
 * one. Rows are what the viewport counts, never text lines.
 */
export interface Row {
  /** Offsets into the whole text: the row shows text.slice(start, end). */
  start: number;
  end: number;
}

export interface Layout {
  rows: Row[];
  /** Row and column (display cells) of the cursor. */
  cursorRow: number;
  cursorColumn: number;
}

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const PRINTABLE_ASCII = /^[\u0020-\u007e]*$/;

/** Display width of one grapheme; a tab is shown as one space. */
export function graphemeWidth(grapheme: string): number {
  if (grapheme === '\t') return 1;
  if (grapheme.length === 1 && grapheme >= ' ' && grapheme <= '~') return 1;
  return stringWidth(grapheme);
}

/**
 * Row breaks of one line, as offsets relative to the line (each row's end; the
 * last is the line's length). Cached by content, since a keystroke changes one
 * line and the other lines of a long answer keep their rows.
 */
export class LineWrapper {
  private cache = new Map<string, number[]>();
  private width = 0;

  breaks(line: string, width: number): number[] {
    if (width !== this.width) {
      this.cache.clear();
      this.width = width;
    }
    let result = this.cache.get(line);
    if (!result) {
      result = PRINTABLE_ASCII.test(line) ? asciiBreaks(line, width) : graphemeBreaks(line, width);
      // Bounded, so a long session of edits cannot grow it without end.
      if (this.cache.size > 2000) this.cache.clear();
      this.cache.set(line, result);
    }
    return result;
  }
}

function asciiBreaks(line: string, width: number): number[] {
  const ends: number[] = [];
  let start = 0;
  while (line.length - start > width) {
    const space = line.lastIndexOf(' ', start + width - 1);
    const end = space >= start ? space + 1 : start + width;
    ends.push(end);
    start = end;
  }
  ends.push(line.length);
  return ends;
}

function graphemeBreaks(line: string, width: number): number[] {
  const ends: number[] = [];
  let rowStart = 0;
  let used = 0;
  // Offset just after the last space in the row, and the row's width up to there.
  let breakAt = -1;
  let widthAtBreak = 0;
  for (const { segment, index } of segmenter.segment(line)) {
    const cells = graphemeWidth(segment);
    while (used + cells > width && index > rowStart) {
      if (breakAt > rowStart) {
        ends.push(breakAt);
        rowStart = breakAt;
        used -= widthAtBreak;
      } else {
        ends.push(index);
        rowStart = index;
        used = 0;
      }
      breakAt = -1;
    }
    used += cells;
    if (segment === ' ') {
      breakAt = index + 1;
      widthAtBreak = used;
    }
  }
  ends.push(line.length);
  return ends;
}

/** Display width of text.slice(start, end). */
export function widthOf(text: string, start: number, end: number): number {
  const slice = text.slice(start, end);
  if (PRINTABLE_ASCII.test(slice)) return slice.length;
  let total = 0;
  for (const { segment } of segmenter.segment(slice)) total += graphemeWidth(segment);
  return total;
}

/** Rows of the whole text at `width` columns, and where the cursor is among them. */
export function layoutText(text: string, cursor: number, width: number, wrapper: LineWrapper): Layout {
  const rows: Row[] = [];
  let cursorRow = 0;
  let cursorColumn = 0;
  let lineStart = 0;
  for (;;) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? text.length : newline;
    const breaks = wrapper.breaks(text.slice(lineStart, lineEnd), Math.max(1, width));
    let rowStart = lineStart;
    breaks.forEach((relativeEnd, index) => {
      const end = lineStart + relativeEnd;
      const last = index === breaks.length - 1;
      // A cursor exactly at a wrapped row's end belongs to the start of the next row.
      if (cursor >= rowStart && (cursor < end || (last && cursor === end))) {
        cursorRow = rows.length;
        cursorColumn = widthOf(text, rowStart, cursor);
      }
      rows.push({ start: rowStart, end });
      rowStart = end;
    });
    if (newline === -1) break;
    lineStart = newline + 1;
  }
  return { rows, cursorRow, cursorColumn };
}

/** The offset in `row` closest to display column `column` (for ↑ ↓ and the page keys). */
export function offsetAtColumn(text: string, row: Row, column: number): number {
  let used = 0;
  let lastStart = row.start;
  for (const { segment, index } of segmenter.segment(text.slice(row.start, row.end))) {
    const cells = graphemeWidth(segment);
    if (used + cells > column) return row.start + index;
    used += cells;
    lastStart = row.start + index;
  }
  // The end of a row that wraps is the next row's start, so stop on its last grapheme.
  const wraps = row.end < text.length && text[row.end] !== '\n';
  return wraps ? lastStart : row.end;
}

import { stripControl } from '../text/controlChars.js';
import { displayWidth, pad, truncate } from '../text/layout.js';

/**
 * A plain column table that fits the terminal. Cells are measured in display
 * columns (CJK and emoji take two) unstyled, and styled after padding, so
 * colour codes never break the alignment.
 */
export interface Column<Row> {
  header: string;
  cell: (row: Row) => string;
  align?: 'left' | 'right';
  style?: (padded: string, row: Row) => string;
  /** Free text that may be cut with an ellipsis when the table is too wide (titles, topics, sources). */
  shrink?: boolean;
  /** Left out entirely when the table is still too wide after shrinking; the first column given up is the last listed. */
  optional?: boolean;
}

const GAP = 2;
/** Printable ASCII with no whitespace: one column per character, nothing to flatten. */
const SOLID_ASCII = /^[\x21-\x7e]*$/;
/** A shrinkable column never gets narrower than this (or its header). */
const MIN_SHRUNK = 8;
/** Narrower than this, a title stops being readable: optional columns are dropped before going below it. */
const COMFORTABLE = 24;

/**
 * Renders the table within `maxWidth` display columns: the widest shrinkable
 * column is narrowed first (its cells cut with "…"), then the next, down to
 * MIN_SHRUNK; if that is not enough, optional columns are left out from the
 * right. Ids and numbers are never cut, so what is shown can still be typed.
 */
export function renderTable<Row>(
  rows: readonly Row[],
  allColumns: readonly Column<Row>[],
  headerStyle: (text: string) => string = (text) => text,
  maxWidth = Number.POSITIVE_INFINITY,
): string {
  // Every cell is computed and measured once, however often the widths are refitted.
  const measured = allColumns.map((column) => measureColumn(rows, column));
  let columns = allColumns.map((column, index) => ({ column, ...measured[index]! }));
  const natural = () => columns.map((entry) => entry.width);
  // Free text is cut down to a readable width first, then optional columns go, and only then is the text cut further.
  let widths = shrinkToFit(columns.map((entry) => entry.column), natural(), maxWidth, COMFORTABLE);
  while (total(widths) > maxWidth && columns.some((entry) => entry.column.optional)) {
    const drop = columns.map((entry) => entry.column.optional).lastIndexOf(true);
    columns = columns.filter((_, index) => index !== drop);
    widths = shrinkToFit(columns.map((entry) => entry.column), natural(), maxWidth, COMFORTABLE);
  }
  widths = shrinkToFit(columns.map((entry) => entry.column), widths, maxWidth, MIN_SHRUNK);
  const fit = (text: string, index: number) => {
    const width = widths[index]!;
    const align = columns[index]!.column.align;
    // Most cells (ids, numbers, kinds) are printable ASCII without spaces that already fit: pad them directly.
    if (text.length <= width && SOLID_ASCII.test(text)) return align === 'right' ? text.padStart(width) : text.padEnd(width);
    return pad(truncate(text, width), width, align);
  };
  const separator = ' '.repeat(GAP);
  const header = columns.map((entry, index) => headerStyle(fit(entry.column.header, index))).join(separator);
  const lines = rows.map((row, rowIndex) =>
    columns
      .map(({ column, cells }, index) => {
        const padded = fit(cells[rowIndex]!, index);
        return column.style ? column.style(padded, row) : padded;
      })
      .join(separator)
      .trimEnd(),
  );
  return [header.trimEnd(), ...lines].join('\n') + '\n';
}

/** A column's cell texts and its natural width: the widest cell (whitespace runs counted as one space) or the header. */
function measureColumn<Row>(rows: readonly Row[], column: Column<Row>): { cells: string[]; width: number } {
  // Cells may hold text from files (topic titles, imported ids): no escape sequence reaches the terminal.
  const cells = rows.map((row) => stripControl(column.cell(row)));
  let width = displayWidth(column.header);
  for (const cell of cells) {
    const cellWidth = SOLID_ASCII.test(cell) ? cell.length : displayWidth(cell.replace(/\s+/g, ' ').trim());
    if (cellWidth > width) width = cellWidth;
  }
  return { cells, width };
}

function total(widths: readonly number[]): number {
  return widths.reduce((sum, width) => sum + width, 0) + GAP * Math.max(0, widths.length - 1);
}

function shrinkToFit<Row>(columns: readonly Column<Row>[], natural: readonly number[], maxWidth: number, least: number): number[] {
  const widths = [...natural];
  const floor = (index: number) => Math.min(natural[index]!, Math.max(least, displayWidth(columns[index]!.header)));
  for (;;) {
    const excess = total(widths) - maxWidth;
    if (excess <= 0) return widths;
    const candidates = columns.map((_, index) => index).filter((index) => columns[index]!.shrink && widths[index]! > floor(index));
    if (candidates.length === 0) return widths;
    const widest = candidates.reduce((best, index) => (widths[index]! > widths[best]! ? index : best));
    const others = candidates.filter((index) => index !== widest).map((index) => widths[index]!);
    // Narrow the widest down to the next widest (or as far as needed), so cuts spread over wide columns evenly.
    const target = Math.max(floor(widest), widths[widest]! - excess, others.length > 0 ? Math.max(...others) : 0);
    widths[widest] = target < widths[widest]! ? target : widths[widest]! - 1;
  }
}

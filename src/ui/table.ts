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
  let columns = [...allColumns];
  // Free text is cut down to a readable width first, then optional columns go, and only then is the text cut further.
  let widths = shrinkToFit(columns, naturalWidths(rows, columns), maxWidth, COMFORTABLE);
  while (total(widths) > maxWidth && columns.some((column) => column.optional)) {
    const drop = columns.map((column) => column.optional).lastIndexOf(true);
    columns = columns.filter((_, index) => index !== drop);
    widths = shrinkToFit(columns, naturalWidths(rows, columns), maxWidth, COMFORTABLE);
  }
  widths = shrinkToFit(columns, widths, maxWidth, MIN_SHRUNK);
  const fit = (text: string, index: number) => pad(truncate(text, widths[index]!), widths[index]!, columns[index]!.align);
  const header = columns.map((column, index) => headerStyle(fit(column.header, index))).join(' '.repeat(GAP));
  const lines = rows.map((row) =>
    columns
      .map((column, index) => {
        const padded = fit(column.cell(row), index);
        return column.style ? column.style(padded, row) : padded;
      })
      .join(' '.repeat(GAP))
      .trimEnd(),
  );
  return [header.trimEnd(), ...lines].join('\n') + '\n';
}

function naturalWidths<Row>(rows: readonly Row[], columns: readonly Column<Row>[]): number[] {
  return columns.map((column) => Math.max(displayWidth(column.header), ...rows.map((row) => displayWidth(column.cell(row).replace(/\s+/g, ' ').trim()))));
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
    const candidates = columns.map((column, index) => index).filter((index) => columns[index]!.shrink && widths[index]! > floor(index));
    if (candidates.length === 0) return widths;
    const widest = candidates.reduce((best, index) => (widths[index]! > widths[best]! ? index : best));
    const others = candidates.filter((index) => index !== widest).map((index) => widths[index]!);
    // Narrow the widest down to the next widest (or as far as needed), so cuts spread over wide columns evenly.
    const target = Math.max(floor(widest), widths[widest]! - excess, others.length > 0 ? Math.max(...others) : 0);
    widths[widest] = target < widths[widest]! ? target : widths[widest]! - 1;
  }
}

import { stringify } from 'csv-stringify/sync';
import { stripControl } from '../text/controlChars.js';

/**
 * The CSV export's formatting: column order, row order, and what keeps a cell
 * from being read as a formula. Where the rows come from is the export
 * command's business; this only writes them.
 */
export const CSV_COLUMNS = ['session', 'date', 'kind', 'topic', 'question', 'phase', 'criterion', 'earned', 'possible', 'mark', 'grader'] as const;

export type CsvColumn = (typeof CSV_COLUMNS)[number];
/** One row: text cells, and the two point columns as numbers. */
export type CsvRow = { [K in CsvColumn]: K extends 'earned' | 'possible' ? number : string };

/** One session's rows, in question order, with what the rows are ordered by. */
export interface CsvSession {
  id: string;
  /** ISO 8601; sessions are written oldest first by this instant, then by id. */
  startedAt: string;
  rows: readonly CsvRow[];
}

/**
 * RFC 4180 CSV written by csv-stringify: CRLF line ends, a header row, a field
 * quoted when it holds a comma, a quote or any line break (a lone CR too).
 * Sessions oldest first by `startedAt` (ties by id), each session's rows in the
 * order given. Text cells lose control characters except tab (stripControl), and
 * a text cell starting with `=`, `+`, `-`, `@`, tab or CR (or their full-width
 * forms) gets a leading `'` (OWASP "CSV Injection"; csv-stringify's
 * `escape_formulas`), which spreadsheets show as text and hide. The point
 * columns are numbers and never get one.
 */
export function renderCriteriaCsv(sessions: readonly CsvSession[]): string {
  const ordered = [...sessions].sort((a, b) => byStart(a, b));
  const records = ordered.flatMap((session) =>
    session.rows.map((row) => Object.fromEntries(CSV_COLUMNS.map((column) => {
      const value = row[column];
      return [column, typeof value === 'number' ? value : stripControl(value)];
    }))),
  );
  return stringify(records, { header: true, columns: [...CSV_COLUMNS], record_delimiter: 'windows', quote_record_delimiter: true, escape_formulas: true });
}

/** Oldest first by the instant (not the text: precision and offsets may differ), then by id. */
export function byStart(a: { id: string; startedAt: string }, b: { id: string; startedAt: string }): number {
  const at = Date.parse(a.startedAt);
  const bt = Date.parse(b.startedAt);
  if (at !== bt && !Number.isNaN(at) && !Number.isNaN(bt)) return at - bt;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

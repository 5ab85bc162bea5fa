import { UsageError } from '../errors.js';
import type { Criterion } from '../topics/model.js';
import type { Grade } from './grade.js';

/**
 * `coach calibrate`: human-graded answers from a CSV, and how far the model's
 * scores agree with the human ones. Pure: the command does the reading and the
 * grading.
 */
export interface CalibrationItem {
  /** The row as a spreadsheet shows it: the header is row 1. */
  row: number;
  question: string;
  referenceAnswer: string;
  answer: string;
  humanScore: number;
  maxScore: number;
  rubric: Criterion[];
}

export const REQUIRED_COLUMNS = ['question', 'reference_answer', 'answer', 'human_score', 'max_score'] as const;
export const OPTIONAL_COLUMNS = ['rubric'] as const;
type Column = (typeof REQUIRED_COLUMNS)[number] | (typeof OPTIONAL_COLUMNS)[number];

export const DEFAULT_CRITERION_ID = 'correct';
export const DEFAULT_CRITERION_TEXT = 'Correct and complete relative to the reference answer';

/** A CSV that is not RFC 4180; `record` and `field` are 1-based. */
export class CsvSyntaxError extends Error {
  constructor(
    readonly record: number,
    readonly field: number,
    readonly detail: string,
    /** The header, when the error comes after it. */
    readonly firstRecord: readonly string[] | undefined,
  ) {
    super(`record ${record}, field ${field}: ${detail}`);
    this.name = 'CsvSyntaxError';
  }
}

/**
 * RFC 4180 records. Line breaks may be CRLF, LF or CR; a final line break does
 * not start a record; a blank line is a record of one empty field (so record
 * numbers stay those a spreadsheet shows). A leading byte-order mark, which
 * Excel writes, is dropped.
 */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let index = text.startsWith('\uFEFF') ? 1 : 0;
  const syntaxError = (detail: string) => new CsvSyntaxError(records.length + 1, record.length + 1, detail, records[0]);
  if (index >= text.length) return records;
  for (;;) {
    let field = '';
    if (text[index] === '"') {
      index += 1;
      for (;;) {
        const close = text.indexOf('"', index);
        if (close === -1) throw syntaxError('a quoted field is never closed');
        field += text.slice(index, close);
        index = close + 1;
        if (text[index] !== '"') break;
        field += '"';
        index += 1;
      }
      if (index < text.length && !',\r\n'.includes(text[index]!)) throw syntaxError('text after a closing quote; inside a quoted field write a double quote as ""');
    } else {
      const start = index;
      while (index < text.length && !',\r\n'.includes(text[index]!)) {
        if (text[index] === '"') throw syntaxError('a double quote inside an unquoted field; quote the whole field and write the quote as ""');
        index += 1;
      }
      field = text.slice(start, index);
    }
    record.push(field);
    const next = text[index];
    if (next === ',') {
      index += 1;
      continue;
    }
    records.push(record);
    record = [];
    if (next === undefined) return records;
    index += next === '\r' && text[index + 1] === '\n' ? 2 : 1;
    if (index >= text.length) return records;
  }
}

/** The rows of a calibration CSV, checked; every problem is a UsageError naming the file, row and column. */
export function readCalibrationItems(text: string, fileLabel: string): CalibrationItem[] {
  let records: string[][];
  try {
    records = parseCsv(text);
  } catch (error) {
    if (!(error instanceof CsvSyntaxError)) throw error;
    const name = error.record > 1 ? error.firstRecord?.[error.field - 1]?.trim() : undefined;
    throw new UsageError(`${fileLabel}: row ${error.record}, column ${name ?? error.field}: ${error.detail}`);
  }
  const [header, ...rows] = records;
  if (!header || isBlank(header)) throw new UsageError(`${fileLabel}: row 1: expected a header row with the columns ${REQUIRED_COLUMNS.join(', ')} (and optionally rubric)`);
  const columns = headerColumns(header, fileLabel);
  const items: CalibrationItem[] = [];
  rows.forEach((fields, index) => {
    const row = index + 2;
    if (isBlank(fields)) return;
    if (fields.length !== header.length) throw new UsageError(`${fileLabel}: row ${row}: expected ${header.length} fields as in the header, found ${fields.length}`);
    items.push(itemFromRow(fields, columns, { file: fileLabel, row }));
  });
  if (items.length === 0) throw new UsageError(`${fileLabel}: no data rows after the header`);
  return items;
}

function headerColumns(header: readonly string[], file: string): Map<Column, number> {
  const known: readonly string[] = [...REQUIRED_COLUMNS, ...OPTIONAL_COLUMNS];
  const columns = new Map<Column, number>();
  header.forEach((raw, index) => {
    const name = raw.trim().toLowerCase();
    if (!known.includes(name)) throw new UsageError(`${file}: row 1, column ${index + 1}: unknown column "${raw.trim()}" (expected ${known.join(', ')})`);
    if (columns.has(name as Column)) throw new UsageError(`${file}: row 1, column ${index + 1}: column ${name} appears twice`);
    columns.set(name as Column, index);
  });
  const missing = REQUIRED_COLUMNS.filter((name) => !columns.has(name));
  if (missing.length > 0) throw new UsageError(`${file}: row 1: missing column${missing.length === 1 ? '' : 's'} ${missing.join(', ')}`);
  return columns;
}

interface Where {
  file: string;
  row: number;
}

function itemFromRow(fields: readonly string[], columns: Map<Column, number>, where: Where): CalibrationItem {
  const value = (column: Column) => {
    const index = columns.get(column);
    return index === undefined ? '' : fields[index]!;
  };
  const fail = (column: Column, detail: string) => new UsageError(`${where.file}: row ${where.row}, column ${column}: ${detail}`);
  const question = value('question').trim();
  if (question === '') throw fail('question', 'must not be empty');
  const referenceAnswer = value('reference_answer').trim();
  if (referenceAnswer === '') throw fail('reference_answer', 'must not be empty');
  const maxText = value('max_score').trim();
  if (!/^\d+$/.test(maxText) || Number(maxText) < 1) throw fail('max_score', `expected a whole number >= 1, got "${maxText}"`);
  const maxScore = Number(maxText);
  const humanText = value('human_score').trim();
  if (!/^\d+(\.\d+)?$/.test(humanText) || Number(humanText) > maxScore) throw fail('human_score', `expected a number from 0 to ${maxScore}, got "${humanText}"`);
  const rubricText = value('rubric').trim();
  let rubric: Criterion[];
  if (rubricText === '') {
    rubric = [{ id: DEFAULT_CRITERION_ID, points: maxScore, criterion: DEFAULT_CRITERION_TEXT }];
  } else {
    const parsed = parseRubricColumn(rubricText);
    if (!parsed.ok) throw fail('rubric', parsed.error);
    const total = parsed.criteria.reduce((sum, criterion) => sum + criterion.points, 0);
    if (total !== maxScore) throw fail('rubric', `the criteria's points add up to ${total}, but max_score is ${maxScore}`);
    rubric = parsed.criteria;
  }
  return { row: where.row, question, referenceAnswer, answer: value('answer'), humanScore: Number(humanText), maxScore, rubric };
}

export type RubricColumn = { ok: true; criteria: Criterion[] } | { ok: false; error: string };

/** `3: Writes the DB first | 2: Names the race` as criteria c1, c2, ... */
export function parseRubricColumn(text: string): RubricColumn {
  const criteria: Criterion[] = [];
  const parts = text.trim().split(/\s+\|\s+/);
  for (const [index, part] of parts.entries()) {
    const match = /^(\d+)\s*:\s*(\S[\s\S]*)$/.exec(part.trim());
    if (!match || Number(match[1]) < 1) return { ok: false, error: `criterion ${index + 1} "${part.trim()}": expected "points: text" with points a whole number >= 1, e.g. "2: Names the stale-set race"` };
    criteria.push({ id: `c${index + 1}`, points: Number(match[1]), criterion: match[2]!.trim() });
  }
  return { ok: true, criteria };
}

function isBlank(fields: readonly string[]): boolean {
  return fields.every((field) => field.trim() === '');
}

export interface ScorePair {
  human: number;
  model: number;
}

export interface AgreementStats {
  /** Rows compared. */
  n: number;
  /** null with fewer than 2 rows or when either side never varies. */
  pearson: number | null;
  /** Root mean squared error, in points. */
  rmse: number | null;
  /** Share of rows whose scores are equal once both are rounded to whole points. */
  exact: number | null;
  /** Share of rows within one point. */
  withinOne: number | null;
  /** Mean of model - human: above 0 the model is the more generous grader. */
  bias: number | null;
}

/** Scores like 3.1 and 2.1 differ by 1.0000000000000004 in floating point; that is still "within one point". */
const EPSILON = 1e-9;

export function agreementStats(pairs: readonly ScorePair[]): AgreementStats {
  const n = pairs.length;
  if (n === 0) return { n, pearson: null, rmse: null, exact: null, withinOne: null, bias: null };
  const mean = (values: readonly number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
  const diffs = pairs.map((pair) => pair.model - pair.human);
  return {
    n,
    pearson: pearson(pairs),
    rmse: Math.sqrt(mean(diffs.map((diff) => diff * diff))),
    exact: pairs.filter((pair) => Math.round(pair.model) === Math.round(pair.human)).length / n,
    withinOne: diffs.filter((diff) => Math.abs(diff) <= 1 + EPSILON).length / n,
    bias: mean(diffs),
  };
}

function pearson(pairs: readonly ScorePair[]): number | null {
  // Compared exactly, not by variance: the mean of equal decimals can differ from them by rounding.
  const constant = (values: number[]) => values.every((value) => value === values[0]);
  const humans = pairs.map((pair) => pair.human);
  const models = pairs.map((pair) => pair.model);
  if (pairs.length < 2 || constant(humans) || constant(models)) return null;
  const humanMean = humans.reduce((sum, value) => sum + value, 0) / pairs.length;
  const modelMean = models.reduce((sum, value) => sum + value, 0) / pairs.length;
  let covariance = 0;
  let humanSquares = 0;
  let modelSquares = 0;
  for (const pair of pairs) {
    covariance += (pair.human - humanMean) * (pair.model - modelMean);
    humanSquares += (pair.human - humanMean) ** 2;
    modelSquares += (pair.model - modelMean) ** 2;
  }
  return covariance / Math.sqrt(humanSquares * modelSquares);
}

export interface CalibrationRow {
  row: number;
  question: string;
  human: number;
  /** The model's points; null when the row could not be graded. */
  model: number | null;
  max: number;
  status: Grade['status'];
  reason: string | null;
}

export interface CalibrationResult extends AgreementStats {
  rows: CalibrationRow[];
}

/** Each item beside its model grade (same order), and the agreement over the graded rows. */
export function compareWithHuman(items: readonly CalibrationItem[], grades: readonly Grade[]): CalibrationResult {
  const rows = items.map((item, index): CalibrationRow => {
    const grade = grades[index]!;
    const graded = grade.status === 'graded';
    return { row: item.row, question: item.question, human: item.humanScore, model: graded ? grade.earned : null, max: item.maxScore, status: grade.status, reason: grade.reason };
  });
  const pairs = rows.flatMap((row) => (row.model === null ? [] : [{ human: row.human, model: row.model }]));
  return { rows, ...agreementStats(pairs) };
}

/** The graded rows where model and human differ most, largest first (ties by row); agreeing rows are left out. */
export function largestDisagreements(rows: readonly CalibrationRow[], count: number): CalibrationRow[] {
  const gap = (row: CalibrationRow) => Math.abs((row.model ?? row.human) - row.human);
  return rows
    .filter((row) => row.model !== null && gap(row) > EPSILON)
    .sort((a, b) => gap(b) - gap(a) || a.row - b.row)
    .slice(0, count);
}

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { agreementStats, compareWithHuman, CsvSyntaxError, largestDisagreements, parseCsv, parseRubricColumn, readCalibrationItems } from '../../src/grading/calibration.js';
import type { Grade } from '../../src/grading/grade.js';
import { UsageError } from '../../src/errors.js';
import { ROOT } from '../helpers/cli.js';

const HEADER = 'question,reference_answer,answer,human_score,max_score,rubric';
const csv = (...lines: string[]) => lines.join('\n') + '\n';
const GOOD = 'What is a TTL?,Time a cache entry lives,It expires entries after a while,2,3,';

describe('parseCsv', () => {
  test.each([
    ['plain records', 'a,b\nc,d', [['a', 'b'], ['c', 'd']]],
    ['a final line break starts no record', 'a,b\n', [['a', 'b']]],
    ['CRLF line breaks', 'a,b\r\nc,d\r\n', [['a', 'b'], ['c', 'd']]],
    ['a lone CR line break', 'a\rb', [['a'], ['b']]],
    ['a quoted comma', '"a,b",c', [['a,b', 'c']]],
    ['a quoted line break', '"line 1\nline 2",x\ny,z', [['line 1\nline 2', 'x'], ['y', 'z']]],
    ['a quoted CRLF is kept as data', '"a\r\nb",c\r\n', [['a\r\nb', 'c']]],
    ['"" escapes', '"say ""hi""",x', [['say "hi"', 'x']]],
    ['a field that is only an escaped quote', '"""",x', [['"', 'x']]],
    ['an empty quoted field', '"",x\n', [['', 'x']]],
    ['a trailing empty field', 'a,\nb,c', [['a', ''], ['b', 'c']]],
    ['a blank line is a record of one empty field', 'a\n\nb', [['a'], [''], ['b']]],
    ['a byte-order mark is dropped', '\uFEFFa,b', [['a', 'b']]],
    ['spaces are data', ' a , b ', [[' a ', ' b ']]],
    ['empty text', '', []],
  ])('%s', (_name, text, records) => {
    expect(parseCsv(text)).toEqual(records);
  });

  test.each([
    ['a,"never closed\nb,c', 1, 2, 'a quoted field is never closed'],
    ['a,b\n"x"y,z', 2, 1, 'text after a closing quote; inside a quoted field write a double quote as ""'],
    ['a,b\nc,5" screen', 2, 2, 'a double quote inside an unquoted field; quote the whole field and write the quote as ""'],
  ])('%j is not RFC 4180 (record %d, field %d)', (text, record, field, detail) => {
    const error = captureError(() => parseCsv(text));
    expect(error).toBeInstanceOf(CsvSyntaxError);
    expect(error).toMatchObject({ record, field, detail });
  });

  test('any records written with every field quoted read back unchanged', () => {
    const records = fc.array(fc.array(fc.string({ unit: fc.constantFrom('a', ' ', ',', '"', '\n', '\r', 'é') }), { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 5 });
    fc.assert(
      fc.property(records, fc.constantFrom('\n', '\r\n'), fc.boolean(), (rows, lineBreak, finalBreak) => {
        const text = rows.map((row) => row.map((field) => `"${field.replaceAll('"', '""')}"`).join(',')).join(lineBreak) + (finalBreak ? lineBreak : '');
        expect(parseCsv(text)).toEqual(rows);
      }),
    );
  });
});

describe('parseRubricColumn', () => {
  test.each([
    ['3: Writes the DB first then deletes the key | 2: Names the stale-set race', [{ id: 'c1', points: 3, criterion: 'Writes the DB first then deletes the key' }, { id: 'c2', points: 2, criterion: 'Names the stale-set race' }]],
    ['5:Explains it', [{ id: 'c1', points: 5, criterion: 'Explains it' }]],
    ['  1 : a  |  2 : b:c  ', [{ id: 'c1', points: 1, criterion: 'a' }, { id: 'c2', points: 2, criterion: 'b:c' }]],
  ])('%j', (text, criteria) => {
    expect(parseRubricColumn(text)).toEqual({ ok: true, criteria });
  });

  test.each([
    ['Names the race', 1, 'Names the race'],
    ['2: ok | 0: nothing', 2, '0: nothing'],
    ['2: ok | 1.5: half', 2, '1.5: half'],
    ['3:', 1, '3:'],
  ])('%j is rejected at criterion %d', (text, index, part) => {
    expect(parseRubricColumn(text)).toEqual({ ok: false, error: `criterion ${index} "${part}": expected "points: text" with points a whole number >= 1, e.g. "2: Names the stale-set race"` });
  });
});

describe('readCalibrationItems', () => {
  test('rows become items: a rubric as c1, c2, ...; without one, a single criterion worth max_score', () => {
    const text = csv(HEADER, GOOD, '"Cache-aside write?","DB, then delete","Update the database, then delete the key",4.5,5,"3: DB first then delete | 2: Stale-set race"');
    expect(readCalibrationItems(text, 'f.csv')).toEqual([
      { row: 2, question: 'What is a TTL?', referenceAnswer: 'Time a cache entry lives', answer: 'It expires entries after a while', humanScore: 2, maxScore: 3, rubric: [{ id: 'correct', points: 3, criterion: 'Correct and complete relative to the reference answer' }] },
      {
        row: 3,
        question: 'Cache-aside write?',
        referenceAnswer: 'DB, then delete',
        answer: 'Update the database, then delete the key',
        humanScore: 4.5,
        maxScore: 5,
        rubric: [
          { id: 'c1', points: 3, criterion: 'DB first then delete' },
          { id: 'c2', points: 2, criterion: 'Stale-set race' },
        ],
      },
    ]);
  });

  test('columns come in any order and case; rubric is optional; blank rows are skipped but still counted', () => {
    const text = csv(' Max_Score ,answer,question,HUMAN_SCORE,reference_answer', '2,An answer here,Q1,1,Ref', '', ',,,,', '2,Another answer here,Q2,0,Ref');
    expect(readCalibrationItems(text, 'f.csv').map((item) => [item.row, item.question, item.humanScore, item.maxScore, item.rubric[0]!.id])).toEqual([
      [2, 'Q1', 1, 2, 'correct'],
      [5, 'Q2', 0, 2, 'correct'],
    ]);
  });

  test('the sample file in examples/ is valid: 12 rows, with and without a rubric', () => {
    const items = readCalibrationItems(readFileSync(join(ROOT, 'examples', 'calibration.csv'), 'utf8'), 'examples/calibration.csv');
    expect(items).toHaveLength(12);
    expect(items.some((item) => item.rubric[0]!.id === 'c1')).toBe(true);
    expect(items.some((item) => item.rubric[0]!.id === 'correct')).toBe(true);
    expect(new Set(items.map((item) => item.maxScore)).size).toBeGreaterThan(1);
  });

  test.each([
    ['an empty file', '', 'f.csv: row 1: expected a header row with the columns question, reference_answer, answer, human_score, max_score (and optionally rubric)'],
    ['no data rows', csv(HEADER, ''), 'f.csv: no data rows after the header'],
    ['a missing column', csv('question,reference_answer,answer,human_score', 'q,r,a,1'), 'f.csv: row 1: missing column max_score'],
    ['missing columns', csv('question,answer,human_score', 'q,a,1'), 'f.csv: row 1: missing columns reference_answer, max_score'],
    ['an unknown column', csv(`${HEADER},notes`, `${GOOD},x`), 'f.csv: row 1, column 7: unknown column "notes" (expected question, reference_answer, answer, human_score, max_score, rubric)'],
    ['a repeated column', csv(`${HEADER},Answer`, `${GOOD},x`), 'f.csv: row 1, column 7: column answer appears twice'],
    ['too few fields', csv(HEADER, GOOD, 'q,r,a,1,3'), 'f.csv: row 3: expected 6 fields as in the header, found 5'],
    ['an empty question', csv(HEADER, ' ,r,a b c,1,3,'), 'f.csv: row 2, column question: must not be empty'],
    ['an empty reference answer', csv(HEADER, 'q,,a b c,1,3,'), 'f.csv: row 2, column reference_answer: must not be empty'],
    ['human_score above max_score', csv(HEADER, GOOD, 'q,r,a b c,7,5,'), 'f.csv: row 3, column human_score: expected a number from 0 to 5, got "7"'],
    ['a negative human_score', csv(HEADER, 'q,r,a b c,-1,5,'), 'f.csv: row 2, column human_score: expected a number from 0 to 5, got "-1"'],
    ['a human_score that is not a number', csv(HEADER, 'q,r,a b c,good,5,'), 'f.csv: row 2, column human_score: expected a number from 0 to 5, got "good"'],
    ['an empty human_score', csv(HEADER, 'q,r,a b c,,5,'), 'f.csv: row 2, column human_score: expected a number from 0 to 5, got ""'],
    ['max_score 0', csv(HEADER, 'q,r,a b c,0,0,'), 'f.csv: row 2, column max_score: expected a whole number >= 1, got "0"'],
    ['a fractional max_score', csv(HEADER, 'q,r,a b c,1,2.5,'), 'f.csv: row 2, column max_score: expected a whole number >= 1, got "2.5"'],
    ['rubric points that do not add up', csv(HEADER, GOOD, GOOD, 'q,r,a b c,1,5,3: x | 1: y'), "f.csv: row 4, column rubric: the criteria's points add up to 4, but max_score is 5"],
    ['a malformed rubric', csv(HEADER, 'q,r,a b c,1,5,3: x | y'), 'f.csv: row 2, column rubric: criterion 2 "y": expected "points: text" with points a whole number >= 1, e.g. "2: Names the stale-set race"'],
    ['a row after a multi-line answer is numbered as a spreadsheet shows it', csv(HEADER, '"q","r","line 1\nline 2\nline 3",1,3,', 'q,r,a b c,9,3,'), 'f.csv: row 3, column human_score: expected a number from 0 to 3, got "9"'],
    ['an unclosed quote, named by its column', csv(HEADER, GOOD, 'q,r,"never closed,1,3,'), 'f.csv: row 3, column answer: a quoted field is never closed'],
    ['a stray quote in the header', 'question,refer"ence\n', 'f.csv: row 1, column 2: a double quote inside an unquoted field; quote the whole field and write the quote as ""'],
  ])('%s', (_name, text, message) => {
    const error = captureError(() => readCalibrationItems(text, 'f.csv'));
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).message).toBe(message);
    expect((error as UsageError).exitCode).toBe(2);
  });
});

describe('agreementStats', () => {
  // human 0 2 3 5, model 1 2 4.5 3: differences 1, 0, 1.5, -2.
  // Means 2.5 and 2.625; deviations (-2.5 -0.5 0.5 2.5) and (-1.625 -0.625 1.875 0.375):
  // covariance sum 6.25, squares 13 and 6.6875.
  test('a small data set, computed by hand', () => {
    const stats = agreementStats([
      { human: 0, model: 1 },
      { human: 2, model: 2 },
      { human: 3, model: 4.5 },
      { human: 5, model: 3 },
    ]);
    expect(stats.n).toBe(4);
    expect(stats.pearson).toBeCloseTo(6.25 / Math.sqrt(13 * 6.6875), 12);
    expect(stats.pearson).toBeCloseTo(0.6703, 4);
    expect(stats.rmse).toBeCloseTo(Math.sqrt((1 + 0 + 2.25 + 4) / 4), 12);
    expect(stats.exact).toBe(0.25);
    expect(stats.withinOne).toBe(0.5);
    expect(stats.bias).toBeCloseTo(0.125, 12);
  });

  test('perfect agreement', () => {
    expect(agreementStats([{ human: 1, model: 1 }, { human: 3, model: 3 }, { human: 4, model: 4 }])).toEqual({ n: 3, pearson: 1, rmse: 0, exact: 1, withinOne: 1, bias: 0 });
  });

  test('a model that gives every row the same score has no correlation, but the other measures still count', () => {
    const stats = agreementStats([{ human: 1, model: 3 }, { human: 2, model: 3 }, { human: 3, model: 3 }]);
    expect(stats).toMatchObject({ n: 3, pearson: null, exact: 1 / 3, withinOne: 2 / 3, bias: 1 });
    expect(stats.rmse).toBeCloseTo(Math.sqrt(5 / 3), 12);
  });

  test('equal decimal human scores are zero variance too', () => {
    expect(agreementStats([{ human: 0.1, model: 1 }, { human: 0.1, model: 2 }, { human: 0.1, model: 3 }]).pearson).toBeNull();
  });

  test('one row has no correlation; no rows have no statistics', () => {
    expect(agreementStats([{ human: 2, model: 3 }])).toEqual({ n: 1, pearson: null, rmse: 1, exact: 0, withinOne: 1, bias: 1 });
    expect(agreementStats([])).toEqual({ n: 0, pearson: null, rmse: null, exact: null, withinOne: null, bias: null });
  });

  test.each([
    [2.5, 3, 1],
    [2.4, 3, 0],
    [2.1, 3.1, 0],
  ])('exact agreement rounds both sides: human %d, model %d -> %d', (human, model, exact) => {
    expect(agreementStats([{ human, model }]).exact).toBe(exact);
  });

  test('a difference of exactly one point is within one, despite floating point', () => {
    expect(agreementStats([{ human: 2.1, model: 3.1 }]).withinOne).toBe(1);
    expect(agreementStats([{ human: 2, model: 3.01 }]).withinOne).toBe(0);
  });
});

describe('compareWithHuman', () => {
  const items = readCalibrationItems(csv(HEADER, 'q1,r,a b c,1,3,', 'q2,r,a b c,2,3,', 'q3,r,a b c,3,3,', 'q4,r,a b c,0,3,'), 'f.csv');
  const graded = (earned: number): Grade => ({ by: 'm', kind: 'model', status: 'graded', at: '', reason: null, earned, possible: 3, criteria: [], feedback: null, flags: [], usage: null, templateHash: null });
  const ungraded: Grade = { ...graded(0), status: 'ungraded', reason: 'the model call failed: 500', possible: 0 };

  test('ungraded rows are listed but left out of the statistics', () => {
    const result = compareWithHuman(items, [graded(3), graded(2), ungraded, graded(2)]);
    expect(result.rows).toEqual([
      { row: 2, question: 'q1', human: 1, model: 3, max: 3, status: 'graded', reason: null },
      { row: 3, question: 'q2', human: 2, model: 2, max: 3, status: 'graded', reason: null },
      { row: 4, question: 'q3', human: 3, model: null, max: 3, status: 'ungraded', reason: 'the model call failed: 500' },
      { row: 5, question: 'q4', human: 0, model: 2, max: 3, status: 'graded', reason: null },
    ]);
    expect(result).toMatchObject(agreementStats([{ human: 1, model: 3 }, { human: 2, model: 2 }, { human: 0, model: 2 }]));
    expect(largestDisagreements(result.rows, 5).map((row) => row.row)).toEqual([2, 5]);
    expect(largestDisagreements(result.rows, 1).map((row) => row.row)).toEqual([2]);
  });
});

function captureError(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

import { parse } from 'csv-parse/sync';
import { describe, expect, test } from 'vitest';
import { CSV_COLUMNS, renderCriteriaCsv, type CsvRow, type CsvSession } from '../../src/report/csv.js';

const row = (overrides: Partial<CsvRow> = {}): CsvRow => ({
  session: '20261130-101500-abcd',
  date: '2026-11-30T10:15:00.000Z',
  kind: 'quiz',
  topic: 'caching',
  question: 'q1',
  phase: '',
  criterion: 'c1',
  earned: 1,
  possible: 2,
  mark: 'partly',
  grader: 'self',
  ...overrides,
});

const session = (id: string, startedAt: string, rows: CsvRow[] = [row({ session: id })]): CsvSession => ({ id, startedAt, rows });

function parsed(csv: string): string[][] {
  return parse(csv, { relax_column_count: false }) as string[][];
}

describe('the criteria CSV', () => {
  test('a header row, CRLF line ends, numbers as written', () => {
    const csv = renderCriteriaCsv([session('s1', '2026-11-30T10:15:00.000Z')]);
    expect(csv.split('\r\n')[0]).toBe(CSV_COLUMNS.join(','));
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(parsed(csv)[1]).toEqual(['s1', '2026-11-30T10:15:00.000Z', 'quiz', 'caching', 'q1', '', 'c1', '1', '2', 'partly', 'self']);
    expect(renderCriteriaCsv([])).toBe(`${CSV_COLUMNS.join(',')}\r\n`);
  });

  test.each([
    ['=1+1', "'=1+1"],
    ['+1', "'+1"],
    ['-1', "'-1"],
    ['@cf/meta/llama-3.1-8b-instruct', "'@cf/meta/llama-3.1-8b-instruct"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', "'=1+1"], // CR is a control character: dropped first, then the = is neutralised
    ['＝1+1', "'＝1+1"],
    ['=HYPERLINK("http://evil","x")', `'=HYPERLINK("http://evil","x")`],
    ['gpt-4o-mini', 'gpt-4o-mini'],
    ['a=b', 'a=b'],
  ])('a text cell %j is read back as %j (OWASP: formula-leading cells get a leading quote)', (cell, expected) => {
    const csv = renderCriteriaCsv([session('s1', '2026-11-30T10:15:00.000Z', [row({ grader: cell, topic: cell, phase: cell })])]);
    const [, record] = parsed(csv);
    expect(record![10]).toBe(expected);
    expect(record![3]).toBe(expected);
    expect(record![5]).toBe(expected);
  });

  test('control characters are dropped, tabs and line breaks kept and quoted, commas and quotes survive', () => {
    const text = 'a\u0000b\u001b[31mc\u0007, "d"\nnext\tcol\u009b';
    const csv = renderCriteriaCsv([session('s1', '2026-11-30T10:15:00.000Z', [row({ question: text })])]);
    expect(csv).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/);
    const [, record] = parsed(csv);
    expect(record![4]).not.toMatch(/[\u0000\u001b\u0007\u009b]/);
    expect(record![4]).toContain(', "d"\nnext\tcol');
  });

  test('negative numbers in the point columns are numbers, not formulas', () => {
    const csv = renderCriteriaCsv([session('s1', '2026-11-30T10:15:00.000Z', [row({ earned: -1 })])]);
    expect(parsed(csv)[1]![7]).toBe('-1');
  });

  test('sessions are ordered by start time, not id; ties by id; rows keep their order within a session', () => {
    const rows = (id: string) => [row({ session: id, criterion: 'first' }), row({ session: id, criterion: 'second' })];
    const csv = renderCriteriaCsv([
      session('20261130-101500-zzzz', '2026-11-30T10:15:00.100Z', rows('20261130-101500-zzzz')),
      session('20261130-101500-aaaa', '2026-11-30T10:15:00.900Z', rows('20261130-101500-aaaa')),
      session('20261129-000000-bbbb', '2026-11-29T00:00:00Z', rows('20261129-000000-bbbb')),
      session('20261130-101500-mmmm', '2026-11-30T11:15:00.100+01:00', rows('20261130-101500-mmmm')),
    ]);
    expect(parsed(csv).slice(1).map((record) => `${record[0]}:${record[6]}`)).toEqual([
      '20261129-000000-bbbb:first',
      '20261129-000000-bbbb:second',
      '20261130-101500-mmmm:first',
      '20261130-101500-mmmm:second',
      '20261130-101500-zzzz:first',
      '20261130-101500-zzzz:second',
      '20261130-101500-aaaa:first',
      '20261130-101500-aaaa:second',
    ]);
  });
});

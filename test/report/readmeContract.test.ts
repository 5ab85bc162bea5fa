import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { CSV_COLUMNS } from '../../src/report/csv.js';
import { REPORT_SCHEMA_VERSION, ReportGradeSchema, ReportPhaseSchema, ReportQuestionSchema, ReportSchema } from '../../src/report/schema.js';
import { ROOT } from '../helpers/cli.js';

/** The README documents the report contracts field by field; these keep the words and the code together. */
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const section = (title: string, next: RegExp) => {
  const start = README.indexOf(title);
  expect(start, title).toBeGreaterThanOrEqual(0);
  const rest = README.slice(start + title.length);
  const end = rest.search(next);
  return end < 0 ? rest : rest.slice(0, end);
};

describe('the README report contracts match the code', () => {
  const json = section('### Report JSON', /\n### /);

  test('every field of ReportSchema, its questions, phases and grades is documented', () => {
    // Every word inside a code span: `questions[].phases[]`, `.budgetSeconds`, `score.earned` ...
    const documented = new Set([...json.matchAll(/`([^`]+)`/g)].flatMap((match) => match[1]!.match(/[A-Za-z]+/g) ?? []));
    const fields = [ReportSchema, ReportQuestionSchema, ReportPhaseSchema, ReportGradeSchema].flatMap((schema) => Object.keys(schema.shape));
    for (const field of new Set(fields)) expect(documented, `README "Report JSON" does not mention ${field}`).toContain(field);
  });

  test('the documented schemaVersion is the one the code writes', () => {
    expect(json).toMatch(new RegExp(`\\| \`schemaVersion\` \\| \`${REPORT_SCHEMA_VERSION}\``));
  });

  test('the CSV columns are documented in order', () => {
    const exportSection = section('### `coach export`', /\n### /);
    expect(exportSection).toContain(CSV_COLUMNS.join(', '));
  });
});

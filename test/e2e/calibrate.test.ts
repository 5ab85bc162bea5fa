import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { readCalibrationItems } from '../../src/grading/calibration.js';
import { ROOT, runCoach, stripAnsi, tempHome, writeFiles } from '../helpers/cli.js';
import { behaviours, startLlmServer, type LlmServer } from '../helpers/llmServer.js';

const SAMPLE = 'examples/calibration.csv';
let server: LlmServer;

beforeEach(async () => {
  server = await startLlmServer();
});
afterEach(async () => server.close());

function env(extra: Record<string, string> = {}) {
  return { COACH_HOME: tempHome(), OPENAI_BASE_URL: server.url, COACH_MODEL: 'test-model', ...extra };
}

interface CalibrationJson {
  model: string;
  rows: { row: number; question: string; human: number; model: number | null; max: number; status: string; reason: string | null }[];
  n: number;
  pearson: number | null;
  rmse: number | null;
  exact: number | null;
  withinOne: number | null;
  bias: number | null;
}

/** The sample's human scores beside a model that awards full marks, with the statistics worked out here, apart from the code under test. */
function expectedForFullMarks() {
  const items = readCalibrationItems(readFileSync(join(ROOT, SAMPLE), 'utf8'), SAMPLE);
  const human = items.map((item) => item.humanScore);
  const model = items.map((item) => item.maxScore);
  const n = items.length;
  const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
  const [hm, mm] = [mean(human), mean(model)];
  const sum = (f: (index: number) => number) => items.reduce((total, _item, index) => total + f(index), 0);
  return {
    items,
    n,
    pearson: sum((i) => (human[i]! - hm) * (model[i]! - mm)) / Math.sqrt(sum((i) => (human[i]! - hm) ** 2) * sum((i) => (model[i]! - mm) ** 2)),
    rmse: Math.sqrt(sum((i) => (model[i]! - human[i]!) ** 2) / n),
    exact: sum((i) => (Math.round(model[i]!) === Math.round(human[i]!) ? 1 : 0)) / n,
    withinOne: sum((i) => (Math.abs(model[i]! - human[i]!) <= 1 ? 1 : 0)) / n,
    bias: sum((i) => model[i]! - human[i]!) / n,
  };
}

describe('coach calibrate', () => {
  test('grades the sample with the configured model and reports agreement with the human scores', async () => {
    server.setBehaviour(behaviours.grade((_id, max) => max));
    const result = await runCoach(['calibrate', SAMPLE, '--json'], { env: env() });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as CalibrationJson;
    const expected = expectedForFullMarks();
    expect(server.requests).toHaveLength(12);
    expect(report.model).toBe('test-model');
    expect(report.rows.map((row) => [row.row, row.human, row.model, row.max, row.status])).toEqual(expected.items.map((item) => [item.row, item.humanScore, item.maxScore, item.maxScore, 'graded']));
    expect(report.n).toBe(12);
    expect(typeof report.pearson).toBe('number');
    expect(typeof report.rmse).toBe('number');
    expect(report.pearson).toBeCloseTo(expected.pearson, 9);
    expect(report.rmse).toBeCloseTo(expected.rmse, 9);
    expect(report.exact).toBeCloseTo(expected.exact, 9);
    expect(report.withinOne).toBeCloseTo(expected.withinOne, 9);
    expect(report.bias).toBeCloseTo(expected.bias, 9);
  });

  test('the text report shows the statistics and the five largest disagreements, largest first', async () => {
    server.setBehaviour(behaviours.grade((_id, max) => max));
    const result = await runCoach(['calibrate', SAMPLE, '--concurrency', '2'], { env: env() });
    expect(result.code).toBe(0);
    const text = stripAnsi(result.stdout);
    const expected = expectedForFullMarks();
    expect(text).toContain('Calibration of test-model against human grades (examples/calibration.csv)');
    expect(text).toMatch(/rows compared\s+12 of 12/);
    expect(text).toContain(`Pearson r        ${expected.pearson.toFixed(2)}`);
    expect(text).toContain(`RMSE             ${expected.rmse.toFixed(2)} points`);
    const table = text.slice(text.indexOf('Largest disagreements'));
    const rows = table.split('\n').slice(2).filter(Boolean).map((line) => Number(line.trim().split(/\s+/)[0]));
    const gap = (row: number) => {
      const item = expected.items.find((candidate) => candidate.row === row)!;
      return item.maxScore - item.humanScore;
    };
    expect(rows).toHaveLength(5);
    expect(rows.map(gap)).toEqual([...rows.map(gap)].sort((a, b) => b - a));
    expect(Math.min(...rows.map(gap))).toBeGreaterThanOrEqual(Math.max(...expected.items.filter((item) => !rows.includes(item.row)).map((item) => gap(item.row))));
    expect(server.inFlightMax).toBeLessThanOrEqual(2);
  });

  test('a failing model leaves every row ungraded, listed on stderr, and exits 1', async () => {
    server.setBehaviour(behaviours.fail(500));
    const result = await runCoach(['calibrate', SAMPLE, '--json'], { env: env() });
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as CalibrationJson;
    expect(report.rows).toHaveLength(12);
    expect(report.rows.every((row) => row.status === 'ungraded' && row.model === null && /^server error: 500 upstream exploded \(after 3 attempts\)/.test(row.reason ?? ''))).toBe(true);
    expect(report).toMatchObject({ n: 0, pearson: null, rmse: null, exact: null, withinOne: null, bias: null });
    const listed = [...result.stderr.matchAll(/^ungraded row (\d+): server error: 500 /gm)].map((match) => Number(match[1]));
    expect(listed).toEqual(report.rows.map((row) => row.row));
  });

  test('file problems are usage errors (exit 2) naming the file, row and column', async () => {
    const dir = writeFiles(join(tempHome(), 'csv'), { 'bad.csv': 'question,reference_answer,answer,human_score,max_score\nq,r,a b c,1,3\nq,r,a b c,4,3\n' });
    const bad = await runCoach(['calibrate', join(dir, 'bad.csv')], { env: env() });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('bad.csv: row 3, column human_score: expected a number from 0 to 3, got "4"');
    const missing = await runCoach(['calibrate', 'nope.csv'], { env: env() });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('calibration file not found: nope.csv');
    const concurrency = await runCoach(['calibrate', SAMPLE, '--concurrency', '0'], { env: env() });
    expect(concurrency.code).toBe(2);
    expect(server.requests).toHaveLength(0);
  });

  test('without a configured model it says how to set one up and exits 1', async () => {
    const result = await runCoach(['calibrate', SAMPLE], { env: { COACH_HOME: tempHome() } });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('no LLM is configured');
  });
});

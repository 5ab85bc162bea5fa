import { resolve } from 'node:path';
import type { Context } from '../context.js';
import { ExitCode, UsageError } from '../errors.js';
import { compareWithHuman, largestDisagreements, readCalibrationItems, type CalibrationItem, type CalibrationResult } from '../grading/calibration.js';
import { mapWithConcurrency } from '../grading/llm/pool.js';
import { createLlmGrader, llmSettings } from '../grading/llm/setup.js';
import { withProgress } from '../ui/progress.js';
import { renderTable } from '../ui/table.js';
import { assertLlmConfigured } from './llmGrading.js';
import { parsePositiveInt } from './quizOptions.js';
import { stripControl } from '../text/controlChars.js';
import { outputWidth } from '../ui/width.js';
import { readRegularFile } from '../topics/files.js';

export interface CalibrateOptions {
  file: string;
  concurrency?: string;
}

/**
 * Grades human-graded answers from a CSV with the configured model and reports
 * how well the two agree. Exit 1 when any row could not be graded: the
 * statistics then leave those rows out.
 */
export async function calibrateCommand(options: CalibrateOptions, ctx: Context): Promise<ExitCode> {
  const concurrency = options.concurrency === undefined ? undefined : parsePositiveInt(options.concurrency, '--concurrency');
  const items = readCalibrationItems(readCalibrationFile(resolve(ctx.cwd, options.file), options.file), options.file);
  const settings = llmSettings(ctx, { concurrency });
  assertLlmConfigured(settings);
  const grader = await createLlmGrader(ctx, settings);
  let done = 0;
  const grades = await withProgress(ctx, `Grading 0/${items.length} with ${settings.model}`, (update) =>
    mapWithConcurrency(items, settings.concurrency, async (item) => {
      const grade = await grader.grade({ question: item.question, rubric: item.rubric, modelAnswer: item.referenceAnswer, answer: item.answer });
      done += 1;
      update(`Grading ${done}/${items.length} with ${settings.model}`);
      return grade;
    }),
  );
  const result = compareWithHuman(items, grades);
  const ungraded = result.rows.filter((row) => row.status === 'ungraded');
  for (const row of ungraded) ctx.stderr.write(ctx.style.yellow(`ungraded row ${row.row}: ${stripControl(row.reason ?? 'no reason given')}\n`));
  if (ctx.json) ctx.stdout.write(`${JSON.stringify({ model: settings.model, ...result }, null, 2)}\n`);
  else printCalibration(result, items, settings.model, options.file, ctx);
  return ungraded.length > 0 ? ExitCode.failure : ExitCode.ok;
}

/** The CSV's text; a path that is missing, not a regular file or unreadable is a one-line usage error (exit 2). */
function readCalibrationFile(path: string, display: string): string {
  const read = readRegularFile(path);
  if ('skipped' in read) {
    if (/\(it does not exist\)/.test(read.skipped)) throw new UsageError(`calibration file not found: ${display}`);
    throw new UsageError(`${display}: ${read.skipped.replace(/; skipped$/, '')}`);
  }
  return Buffer.from(read.bytes).toString('utf8');
}

function printCalibration(result: CalibrationResult, items: readonly CalibrationItem[], model: string, file: string, ctx: Pick<Context, 'stdout' | 'style' | 'env'>): void {
  const { style } = ctx;
  const points = (value: number | null, sign = false) => (value === null ? '-' : `${sign && value > 0 ? '+' : ''}${value.toFixed(2)} points`);
  const share = (value: number | null) => (value === null ? '-' : `${Math.round(value * 100)}% (${Math.round(value * result.n)}/${result.n})`);
  const stats: [string, string][] = [
    ['rows compared', `${result.n} of ${items.length}`],
    ['Pearson r', result.pearson === null ? '- (needs 2+ rows and scores that vary)' : result.pearson.toFixed(2)],
    ['RMSE', points(result.rmse)],
    ['exact agreement', share(result.exact)],
    ['within 1 point', share(result.withinOne)],
    ['mean bias', result.bias === null ? '-' : `${points(result.bias, true)} (model - human)`],
  ];
  const width = Math.max(...stats.map(([label]) => label.length));
  ctx.stdout.write(`${style.bold(`Calibration of ${model} against human grades`)} (${file})\n\n`);
  ctx.stdout.write(stats.map(([label, value]) => `  ${label.padEnd(width)}  ${value}`).join('\n') + '\n');
  if (result.n === 0) return;
  const worst = largestDisagreements(result.rows, 5);
  if (worst.length === 0) {
    ctx.stdout.write('\nThe model gave every compared row the human score.\n');
    return;
  }
  ctx.stdout.write(`\n${style.bold('Largest disagreements')}\n`);
  ctx.stdout.write(
    renderTable(
      worst,
      [
        { header: 'ROW', cell: (row) => String(row.row), align: 'right' },
        { header: 'HUMAN', cell: (row) => `${formatScore(row.human)}/${row.max}`, align: 'right' },
        { header: 'MODEL', cell: (row) => `${formatScore(row.model ?? 0)}/${row.max}`, align: 'right' },
        { header: 'QUESTION', cell: (row) => row.question, shrink: true },
      ],
      (text) => style.bold(text),
      outputWidth(ctx),
    ),
  );
}

function formatScore(value: number): string {
  return String(Number(value.toFixed(2)));
}


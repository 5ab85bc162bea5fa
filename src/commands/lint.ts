import { resolve } from 'node:path';
import type { Context } from '../context.js';
import { ExitCode } from '../errors.js';
import { expandTopicPaths, listTopicFiles, assertTopicDir } from '../topics/files.js';
import { mergeOutcomes } from '../topics/loader.js';
import { lintCachePath, lintTopicFiles } from '../topics/lintCache.js';
import { formatProblem, type Problem } from '../topics/problems.js';
import { stripControl } from '../text/controlChars.js';

export interface LintOptions {
  paths: string[];
}

export interface LintReport {
  files: number;
  topics: number;
  questions: number;
  /** Errors and warnings (`level: "warning"`), in file order. */
  problems: Problem[];
  /** Folders given on the command line that hold no topic file (as displayed); each fails the lint. */
  emptyFolders: string[];
}

/**
 * Each group is linted on its own, so a user topic that deliberately overrides
 * a bundled one is not reported as a duplicate id.
 */
function fileGroups(options: LintOptions, ctx: Context, emptyFolders: string[]): string[][] {
  if (options.paths.length > 0) {
    const expanded = expandTopicPaths(options.paths.map((path) => resolve(ctx.cwd, path)), ctx.display);
    emptyFolders.push(...expanded.emptyFolders.map((folder) => ctx.display(folder)));
    return [expanded.files];
  }
  return [
    listTopicFiles(ctx.topicSources.bundledDir),
    ...ctx.topicSources.userDirs.map(({ dir, source }) => {
      assertTopicDir(dir, source);
      return listTopicFiles(dir, source);
    }),
  ];
}

export async function lintTopics(options: LintOptions, ctx: Context): Promise<LintReport> {
  const report: LintReport = { files: 0, topics: 0, questions: 0, problems: [], emptyFolders: [] };
  const cachePath = lintCachePath(ctx.env);
  for (const files of fileGroups(options, ctx, report.emptyFolders)) {
    const { topics, problems } = mergeOutcomes(await lintTopicFiles(files, ctx.display, cachePath), false);
    report.files += files.length;
    report.topics += topics.length;
    report.questions += topics.reduce((sum, loaded) => sum + loaded.topic.questions, 0);
    report.problems.push(...problems);
  }
  return report;
}

/** Errors fail the lint; warnings are printed and fail it only under `--strict`. */
export async function lintCommand(options: LintOptions, ctx: Context): Promise<ExitCode> {
  const report = await lintTopics(options, ctx);
  const errors = report.problems.filter((problem) => problem.level !== 'warning').length;
  const warnings = report.problems.length - errors;
  const failed = errors > 0 || (ctx.strict && warnings > 0) || report.emptyFolders.length > 0;
  if (ctx.json) {
    ctx.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return failed ? ExitCode.failure : ExitCode.ok;
  }
  for (const problem of report.problems) ctx.stdout.write(`${stripControl(formatProblem(problem))}\n`);
  for (const folder of report.emptyFolders) ctx.stderr.write(`coach: ${stripControl(folder)} holds no topic files (*.yaml, *.yml); nothing to lint\n`);
  if (report.emptyFolders.length > 0 && errors === 0 && !(ctx.strict && warnings > 0)) return ExitCode.failure;
  const counted = `${report.files} file${report.files === 1 ? '' : 's'}, ${report.questions} questions`;
  const warned = warnings > 0 ? `${warnings} warning${warnings === 1 ? '' : 's'}` : '';
  if (failed) {
    const broken = new Set(report.problems.map((problem) => problem.file)).size;
    const found = [errors > 0 ? `${errors} problem${errors === 1 ? '' : 's'}` : '', warned].filter(Boolean).join(' and ');
    const strict = errors === 0 ? ' (--strict makes warnings fatal)' : '';
    ctx.stderr.write(ctx.style.red(`✖ ${found} in ${broken} of ${report.files} files${strict}\n`));
    return ExitCode.failure;
  }
  ctx.stderr.write(ctx.style.green(`✔ ${counted}: ${warned === '' ? 'no problems' : `no errors, ${warned}`}\n`));
  return ExitCode.ok;
}

import { resolve } from 'node:path';
import type { Context } from '../context.js';
import { ExitCode } from '../errors.js';
import { expandTopicPaths, listTopicFiles, assertTopicDir } from '../topics/files.js';
import { loadTopicFiles } from '../topics/loader.js';
import { formatProblem, type Problem } from '../topics/problems.js';
import { stripControl } from '../text/controlChars.js';

export interface LintOptions {
  paths: string[];
}

export interface LintReport {
  files: number;
  topics: number;
  questions: number;
  problems: Problem[];
}

/**
 * Each group is linted on its own, so a user topic that deliberately overrides
 * a bundled one is not reported as a duplicate id.
 */
function fileGroups(options: LintOptions, ctx: Context): string[][] {
  if (options.paths.length > 0) return [expandTopicPaths(options.paths.map((path) => resolve(ctx.cwd, path)))];
  return [
    listTopicFiles(ctx.topicSources.bundledDir),
    ...ctx.topicSources.userDirs.map(({ dir, source }) => {
      assertTopicDir(dir, source);
      return listTopicFiles(dir);
    }),
  ];
}

export async function lintTopics(options: LintOptions, ctx: Context): Promise<LintReport> {
  const report: LintReport = { files: 0, topics: 0, questions: 0, problems: [] };
  for (const files of fileGroups(options, ctx)) {
    const { topics, problems } = await loadTopicFiles(files, false, ctx.display);
    report.files += files.length;
    report.topics += topics.length;
    report.questions += topics.reduce((sum, loaded) => sum + loaded.topic.questions.length, 0);
    report.problems.push(...problems);
  }
  return report;
}

export async function lintCommand(options: LintOptions, ctx: Context): Promise<ExitCode> {
  const report = await lintTopics(options, ctx);
  const failed = report.problems.length > 0;
  if (ctx.json) {
    ctx.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return failed ? ExitCode.failure : ExitCode.ok;
  }
  for (const problem of report.problems) ctx.stdout.write(`${stripControl(formatProblem(problem))}\n`);
  const counted = `${report.files} file${report.files === 1 ? '' : 's'}, ${report.questions} questions`;
  if (failed) {
    const broken = new Set(report.problems.map((problem) => problem.file)).size;
    ctx.stderr.write(ctx.style.red(`✖ ${report.problems.length} problem${report.problems.length === 1 ? '' : 's'} in ${broken} of ${report.files} files\n`));
    return ExitCode.failure;
  }
  ctx.stderr.write(ctx.style.green(`✔ ${counted}: no problems\n`));
  return ExitCode.ok;
}

import type { Context } from '../context.js';
import { formatProblem, type Problem } from '../topics/problems.js';
import { stripControl } from '../text/controlChars.js';

/** Broken topic files outside `coach lint` are warnings on stderr: the rest still load. A file with only warnings loads too. */
export function reportTopicProblems(problems: readonly Problem[], ctx: Pick<Context, 'stderr' | 'style'>): void {
  if (problems.length === 0) return;
  for (const problem of problems) ctx.stderr.write(`${ctx.style.yellow(stripControl(formatProblem(problem)))}\n`);
  const files = new Set(problems.filter((problem) => problem.level !== 'warning').map((problem) => problem.file)).size;
  if (files === 0) return;
  ctx.stderr.write(ctx.style.yellow(`warning: skipped ${files} topic file${files === 1 ? '' : 's'} with problems (coach lint for details, --strict to make this fatal)\n`));
}

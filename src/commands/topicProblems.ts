import type { Context } from '../context.js';
import { formatProblem, type Problem } from '../topics/problems.js';
import { stripControl } from '../text/controlChars.js';

/** Broken topic files outside `coach lint` are warnings on stderr: the rest still load. */
export function reportTopicProblems(problems: readonly Problem[], ctx: Pick<Context, 'stderr' | 'style'>): void {
  if (problems.length === 0) return;
  for (const problem of problems) ctx.stderr.write(`${ctx.style.yellow(stripControl(formatProblem(problem)))}\n`);
  const files = new Set(problems.map((problem) => problem.file)).size;
  ctx.stderr.write(ctx.style.yellow(`warning: skipped ${files} topic file${files === 1 ? '' : 's'} with problems (coach lint for details, --strict to make this fatal)\n`));
}

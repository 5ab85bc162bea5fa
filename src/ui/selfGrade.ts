import type { Context } from '../context.js';
import type { Grade } from '../grading/grade.js';
import { selfGrade } from '../grading/rubric.js';
import { isoAt } from '../session/model.js';
import type { Criterion } from '../topics/model.js';
import type { Prompter } from './prompter.js';
import { sideBySide } from './sideBySide.js';
import { formatPoints } from './summary.js';

/** The candidate's answer beside the model answer, then the rubric checklist; returns the self grade. */
export async function askSelfGrade(
  ctx: Pick<Context, 'stdout' | 'style' | 'clock'>,
  ask: Prompter,
  { yours, model, rubric }: { yours: string; model: string | undefined; rubric: readonly Criterion[] },
): Promise<Grade> {
  const models = model ?? '(no model answer for this one; grade against the rubric)';
  ctx.stdout.write(`\n${sideBySide({ title: 'Your answer', text: yours }, { title: 'Model answer', text: models }, ctx.stdout.columns ?? 80, ctx.style)}\n`);
  const marks = await ask.checklist({ message: 'Grade yourself against the rubric', criteria: [...rubric] });
  return selfGrade(rubric, marks, isoAt(ctx.clock.now()));
}

export function announceSelfGrade(ctx: Pick<Context, 'stdout' | 'style'>, grade: Grade): void {
  ctx.stdout.write(`${ctx.style.bold('Self-grade:')} ${formatPoints(grade.earned)} / ${grade.possible}\n\n`);
}

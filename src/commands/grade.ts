import type { Context } from '../context.js';
import { ExitCode } from '../errors.js';
import { gradeStatus } from '../grading/grade.js';
import { assertCanAsk } from './quiz.js';

export interface GradeOptions {
  session?: string;
  self?: boolean;
}

/** Self-grades every short answer of a session that has no grade yet (pending, or a failed model attempt). */
export async function gradeCommand(options: GradeOptions, ctx: Context): Promise<ExitCode> {
  const id = ctx.sessions.resolve(options.session);
  const session = ctx.sessions.load(id);
  const waiting = session.questions.flatMap((item, index) => (item.question.type === 'short' && item.status === 'answered' && gradeStatus(item.grades) !== 'graded' ? [index] : []));
  if (waiting.length === 0) {
    ctx.stdout.write(`Nothing to grade in ${id}: every answered question has a grade.\n`);
    return ExitCode.ok;
  }
  assertCanAsk(ctx, 'coach grade --self');
  const [{ createPrompter, isInterrupt }, { selfGradeStep }, { printSessionOutcome }] = await Promise.all([
    import('../ui/prompter.js'),
    import('../ui/quizFlow.js'),
    import('./sessionOutcome.js'),
  ]);
  const ask = await createPrompter(ctx);
  ctx.stdout.write(`${waiting.length} answer${waiting.length === 1 ? '' : 's'} to grade in ${id}.\n`);
  try {
    for (const index of waiting) {
      const item = session.questions[index]!;
      ctx.stdout.write(`\n${ctx.style.bold(`${item.topic}/${item.question.id}`)}\n${item.question.prompt.trim()}\n`);
      await selfGradeStep(session, index, ctx, ask, () => ctx.sessions.save(session));
    }
  } catch (error) {
    if (!isInterrupt(error)) throw error;
    ctx.stderr.write(`\nInterrupted. The grades given so far are saved; run coach grade ${id} --self again for the rest.\n`);
    return ExitCode.interrupted;
  }
  printSessionOutcome(session, ctx);
  return ExitCode.ok;
}

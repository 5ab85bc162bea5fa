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
  const phases = session.questions.flatMap((item, index) =>
    item.question.type === 'design' ? item.question.phases.flatMap((phase, phaseIndex) => (item.phases?.[phaseIndex]?.status === 'answered' && gradeStatus(item.phases[phaseIndex]!.grades) !== 'graded' ? [{ index, phase, phaseIndex }] : [])) : [],
  );
  if (waiting.length === 0 && phases.length === 0) {
    ctx.stdout.write(`Nothing to grade in ${id}: every answered question has a grade.\n`);
    return ExitCode.ok;
  }
  assertCanAsk(ctx, 'coach grade --self');
  const [{ createPrompter, isInterrupt }, { selfGradeStep }, { printSessionOutcome }, { askSelfGrade, announceSelfGrade }] = await Promise.all([
    import('../ui/prompter.js'),
    import('../ui/quizFlow.js'),
    import('./sessionOutcome.js'),
    import('../ui/selfGrade.js'),
  ]);
  const ask = await createPrompter(ctx);
  const count = waiting.length + phases.length;
  ctx.stdout.write(`${count} answer${count === 1 ? '' : 's'} to grade in ${id}.\n`);
  try {
    for (const index of waiting) {
      const item = session.questions[index]!;
      ctx.stdout.write(`\n${ctx.style.bold(`${item.topic}/${item.question.id}`)}\n${item.question.prompt.trim()}\n`);
      await selfGradeStep(session, index, ctx, ask, () => ctx.sessions.save(session));
    }
    for (const { index, phase, phaseIndex } of phases) {
      const record = session.questions[index]!.phases![phaseIndex]!;
      ctx.stdout.write(`\n${ctx.style.bold(phase.title)}\n${phase.prompt.trim()}\n`);
      const grade = await askSelfGrade(ctx, ask, { yours: record.answer?.text ?? '', model: phase.modelAnswer, rubric: phase.rubric });
      record.grades.push(grade);
      ctx.sessions.save(session);
      announceSelfGrade(ctx, grade);
    }
  } catch (error) {
    if (!isInterrupt(error)) throw error;
    ctx.stderr.write(`\nInterrupted. The grades given so far are saved; run coach grade ${id} --self again for the rest.\n`);
    return ExitCode.interrupted;
  }
  printSessionOutcome(session, ctx);
  return ExitCode.ok;
}

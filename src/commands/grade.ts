import type { Context } from '../context.js';
import { ExitCode, UsageError, interruptExitCode, isInterrupt } from '../errors.js';
import { gradeStatus } from '../grading/grade.js';
import { llmSettings } from '../grading/llm/setup.js';
import type { Session } from '../session/model.js';
import { parsePositiveInt } from './quizOptions.js';
import { assertCanAsk } from './quiz.js';
import { assertLlmConfigured, gradeSessionWithModel } from './llmGrading.js';
import { printSessionOutcome } from './sessionOutcome.js';

export interface GradeOptions {
  session?: string;
  self?: boolean;
  llm?: boolean;
  concurrency?: string;
}

/**
 * (Re)grades a saved session. --llm grades every answer with the configured
 * model (unchanged ones come from the cache, so a repeat costs nothing);
 * --self grades what has no grade yet, with the rubric checklist. Without
 * either: --llm when a model is configured, else --self.
 */
export async function gradeCommand(options: GradeOptions, ctx: Context): Promise<ExitCode> {
  if (options.self && options.llm) throw new UsageError('choose one of --self and --llm');
  const concurrency = options.concurrency === undefined ? undefined : parsePositiveInt(options.concurrency, '--concurrency');
  const settings = llmSettings(ctx, { concurrency });
  const useModel = options.llm === true || (!options.self && settings.configured);
  const id = ctx.sessions.resolve(options.session);
  const session = ctx.sessions.load(id);
  if (useModel) {
    assertLlmConfigured(settings);
    const outcome = await gradeSessionWithModel(session, ctx, settings, { onlyPending: false });
    if (outcome.graded + outcome.failed.length === 0) ctx.stderr.write(`Nothing to grade in ${id}: no answered short questions or interview phases.\n`);
    printSessionOutcome(session, ctx);
    return outcome.failed.length > 0 ? ExitCode.failure : ExitCode.ok;
  }
  return selfGradePending(session, ctx);
}

async function selfGradePending(session: Session, ctx: Context): Promise<ExitCode> {
  const id = session.id;
  const waiting = session.questions.flatMap((item, index) => (item.question.type === 'short' && item.status === 'answered' && gradeStatus(item.grades) !== 'graded' ? [index] : []));
  const phases = session.questions.flatMap((item, index) =>
    item.question.type === 'design' ? item.question.phases.flatMap((phase, phaseIndex) => (item.phases?.[phaseIndex]?.status === 'answered' && gradeStatus(item.phases[phaseIndex]!.grades) !== 'graded' ? [{ index, phase, phaseIndex }] : [])) : [],
  );
  if (waiting.length === 0 && phases.length === 0) {
    ctx.stdout.write(`Nothing to grade in ${id}: every answered question has a grade.\n`);
    return ExitCode.ok;
  }
  assertCanAsk(ctx, 'coach grade --self', { answers: false, advice: 'run it in a terminal, or let the model grade them: coach grade --llm' });
  const [{ createPrompter }, { terminalSessionScreen }, { selfGradeStep }, { selfGrade }, { isoAt }] = await Promise.all([
    import('../ui/prompter.js'),
    import('../ui/sessionScreen.js'),
    import('../session/runner/quiz.js'),
    import('../grading/rubric.js'),
    import('../session/model.js'),
  ]);
  const screen = terminalSessionScreen(ctx, await createPrompter(ctx));
  const deps = { screen, clock: ctx.clock, sessions: ctx.sessions };
  const save = () => ctx.sessions.save(session);
  const count = waiting.length + phases.length;
  ctx.stdout.write(`${count} answer${count === 1 ? '' : 's'} to grade in ${id}.\n`);
  try {
    for (const index of waiting) {
      const item = session.questions[index]!;
      screen.heading(`${item.topic}/${item.question.id}`, item.question.prompt.trim());
      await selfGradeStep(session, index, deps, save);
    }
    for (const { index, phase, phaseIndex } of phases) {
      const record = session.questions[index]!.phases![phaseIndex]!;
      screen.heading(phase.title, phase.prompt.trim());
      const marks = await screen.gradeYourself({ yours: record.answer?.text ?? '', model: phase.modelAnswer, rubric: phase.rubric });
      const grade = selfGrade(phase.rubric, marks, isoAt(ctx.clock.now()));
      record.grades.push(grade);
      save();
      screen.selfGradeResult(grade);
    }
  } catch (error) {
    if (!isInterrupt(error)) throw error;
    ctx.stderr.write(`\nInterrupted. The grades given so far are saved; run coach grade ${id} --self again for the rest.\n`);
    return interruptExitCode(error);
  }
  printSessionOutcome(session, ctx);
  return ExitCode.ok;
}

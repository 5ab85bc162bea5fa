import { printSessionOutcome } from '../commands/sessionOutcome.js';
import type { Context } from '../context.js';
import { ExitCode } from '../errors.js';
import { gradeStatus } from '../grading/grade.js';
import { skippedGrade } from '../grading/rubric.js';
import { headerModel, type ClockLevel } from '../interview/header.js';
import { PhaseClock } from '../interview/phaseClock.js';
import { isoAt, type PhaseRecord, type Session } from '../session/model.js';
import { finishSession, phaseRecord, settleDesignQuestion } from '../session/record.js';
import type { DesignQuestion, Phase } from '../topics/model.js';
import { stripControl } from '../text/controlChars.js';
import { formatDuration } from './clockText.js';
import { createPrompter, isInterrupt, type Prompter } from './prompter.js';
import { announceSelfGrade, askSelfGrade } from './selfGrade.js';
import { renderModelGrade } from './modelGrade.js';
import { withProgress } from './progress.js';

/** How often a running phase saves its clock, so a crash loses at most this much time. */
export const CLOCK_SAVE_MS = 5000;

/**
 * A timed mock interview, phase by phase. A phase's time runs from its prompt to
 * the submit of its follow-up answer (editor time included, grading time not);
 * overtime is allowed and recorded. Everything is saved as it happens, and the
 * clock every few seconds, so `coach resume` continues in the same phase with
 * the time already spent.
 */
export async function runInteractiveInterview(session: Session, ctx: Context): Promise<ExitCode> {
  const ask = await createPrompter(ctx);
  const save = () => ctx.sessions.save(session);
  const question = session.questions[0]!.question as DesignQuestion;
  const writeFollowUp = session.settings.grader === 'llm' ? await (await import('../grading/llm/setup.js')).createFollowUpWriter(ctx) : null;
  try {
    if (session.questions[0]!.phases!.every((record) => record.status === 'unasked' && record.elapsedSeconds === 0)) await brief(question, session, ctx, ask);
    for (const [phaseIndex, phase] of question.phases.entries()) {
      if (phaseRecord(session, 0, phaseIndex).status === 'unasked') await runPhase(session, phaseIndex, phase, ctx, ask, save, writeFollowUp);
    }
    settleDesignQuestion(session, 0, ctx.clock.now());
    save();
    await gradePhases(session, question, ctx, ask, save);
  } catch (error) {
    if (!isInterrupt(error)) throw error;
    session.updatedAt = isoAt(ctx.clock.now());
    save();
    ctx.stderr.write(`\n${ctx.style.yellow('Interrupted.')} Your answers and the clock are saved. Continue with: ${ctx.style.cyan(`coach resume ${session.id}`)}\n`);
    return ExitCode.interrupted;
  }
  finishSession(session, ctx.clock.now());
  save();
  printSessionOutcome(session, ctx);
  return ExitCode.ok;
}

async function brief(question: DesignQuestion, session: Session, ctx: Context, ask: Prompter): Promise<void> {
  const { style } = ctx;
  const records = session.questions[0]!.phases!;
  const total = records.reduce((sum, record) => sum + record.budgetSeconds, 0);
  const lines = [style.bold(`Mock interview · ${formatDuration(total)}`), '', question.prompt.trim(), '', style.bold('Phases')];
  question.phases.forEach((phase, index) => lines.push(`  ${index + 1}. ${phase.title.padEnd(36)} ${formatDuration(records[index]!.budgetSeconds)}`));
  lines.push(
    '',
    style.dim('Each phase: type your answer (Enter: new line, Ctrl+D: submit, Ctrl+E: $EDITOR), then one follow-up question.'),
    style.dim('The header counts down the phase and the whole interview; it turns amber near the end of a phase and red in overtime.'),
    style.dim('Overtime is allowed and recorded. Ctrl+C saves everything, the clock included; coach resume continues.'),
    '',
  );
  ctx.stdout.write(`${lines.join('\n')}\n`);
  await ask.pressEnter('Press Enter to start the clock');
}

type FollowUpWriter = (input: { scenario: string; phaseTitle: string; phasePrompt: string; rubric: Phase['rubric']; answer: string }) => Promise<{ ok: true; question: string } | { ok: false; reason: string }>;

async function runPhase(session: Session, phaseIndex: number, phase: Phase, ctx: Context, ask: Prompter, save: () => void, writeFollowUp: FollowUpWriter | null): Promise<void> {
  const record = phaseRecord(session, 0, phaseIndex);
  const clock = new PhaseClock(ctx.clock, record.elapsedSeconds);
  const header = interviewHeader(session, phaseIndex, phase, clock, ctx);
  const saveClock = () => {
    record.elapsedSeconds = clock.elapsedSeconds();
    save();
  };
  const saver = setInterval(saveClock, CLOCK_SAVE_MS);
  try {
    if (!record.answer) {
      const result = await ask.multiline({ message: `${ctx.style.bold(phase.title)}\n${phase.prompt.trim()}`, header });
      if (result.text.trim() === '') {
        skipPhase(record, phase, clock, ctx);
        save();
        return;
      }
      record.answer = { text: result.text, choice: null, startedAt: isoAt(clock.startedAtMs()), submittedAt: isoAt(ctx.clock.now()), seconds: clock.elapsedSeconds(), via: result.via };
      saveClock();
    }
    const followUp = record.followUp?.question ?? (await chooseFollowUp(session, phase, record.answer!.text ?? '', ctx, writeFollowUp));
    if (followUp) {
      record.followUp = { question: followUp, answer: null };
      saveClock();
      const result = await ask.multiline({ message: `${ctx.style.bold('Follow-up:')} ${followUp}`, header });
      record.followUp = { question: followUp, answer: result.text.trim() === '' ? null : result.text };
    }
    record.status = 'answered';
    record.answer!.seconds = clock.elapsedSeconds();
    saveClock();
    const over = record.answer!.seconds - record.budgetSeconds;
    ctx.stdout.write(ctx.style.dim(`${phase.title}: ${formatDuration(record.answer!.seconds)} of ${formatDuration(record.budgetSeconds)}${over > 0 ? ctx.style.red(` (+${formatDuration(over)} over)`) : ''}\n\n`));
  } finally {
    clearInterval(saver);
    if (record.status === 'unasked') record.elapsedSeconds = clock.elapsedSeconds();
  }
}

function skipPhase(record: PhaseRecord, phase: Phase, clock: PhaseClock, ctx: Context): void {
  record.status = 'skipped';
  record.elapsedSeconds = clock.elapsedSeconds();
  record.answer = null;
  record.grades.push(skippedGrade(phase.rubric, isoAt(ctx.clock.now())));
  ctx.stdout.write(ctx.style.dim(`Skipped ${phase.title}.\n\n`));
}

/** With a model configured it writes the follow-up from the answer; otherwise, or if it fails, the phase's own. */
async function chooseFollowUp(session: Session, phase: Phase, answer: string, ctx: Context, writeFollowUp: FollowUpWriter | null): Promise<string | undefined> {
  const fallback = phase.followUps?.[0];
  if (!writeFollowUp) return fallback;
  const scenario = session.questions[0]!.question.prompt;
  const written = await withProgress(ctx, 'The interviewer is thinking…', () => writeFollowUp({ scenario, phaseTitle: phase.title, phasePrompt: phase.prompt, rubric: phase.rubric, answer }));
  if (written.ok) return written.question;
  ctx.stderr.write(ctx.style.dim(`The model could not write a follow-up (${stripControl(written.reason)}); ${fallback ? "using the scenario's own" : 'no follow-up for this phase'}.\n`));
  return fallback;
}

/** The live header: this phase's countdown and the whole interview's, coloured by how much is left. */
function interviewHeader(session: Session, phaseIndex: number, phase: Phase, clock: PhaseClock, ctx: Context): () => string {
  const records = session.questions[0]!.phases!;
  const interviewBudget = records.reduce((sum, record) => sum + record.budgetSeconds, 0);
  const before = records.slice(0, phaseIndex).reduce((sum, record) => sum + record.elapsedSeconds, 0);
  const paint = (level: ClockLevel, text: string) => (level === 'red' ? ctx.style.red.bold(text) : level === 'amber' ? ctx.style.yellow(text) : ctx.style.green(text));
  return () => {
    const elapsed = clock.elapsedSeconds();
    const model = headerModel({ phaseElapsed: elapsed, phaseBudget: records[phaseIndex]!.budgetSeconds, interviewElapsed: before + elapsed, interviewBudget });
    return [
      ctx.style.bold(`Phase ${phaseIndex + 1}/${records.length}: ${phase.title}`),
      `phase ${paint(model.level, model.phase)}`,
      `interview ${paint(model.interviewLevel, model.interview)}`,
    ].join(ctx.style.dim(' · '));
  };
}

async function gradePhases(session: Session, question: DesignQuestion, ctx: Context, ask: Prompter, save: () => void): Promise<void> {
  if (session.settings.grader === 'llm') {
    const { llmSettings } = await import('../grading/llm/setup.js');
    const { gradeSessionWithModel } = await import('../commands/llmGrading.js');
    await gradeSessionWithModel(session, ctx, llmSettings(ctx), { onlyPending: true });
    question.phases.forEach((phase, index) => {
      const record = phaseRecord(session, 0, index);
      const latest = record.grades.at(-1);
      if (record.status === 'answered' && latest?.kind === 'model') ctx.stdout.write(`\n${ctx.style.bold(phase.title)}\n${renderModelGrade(latest, phase.rubric, ctx.style)}`);
    });
  }
  const waiting = question.phases.flatMap((phase, index) => {
    const record = phaseRecord(session, 0, index);
    return record.status === 'answered' && gradeStatus(record.grades) !== 'graded' ? [{ phase, record }] : [];
  });
  if (waiting.length === 0) return;
  if (session.settings.grader === 'llm') {
    const next = await ask.pick(`The model could not grade ${waiting.length} phase${waiting.length === 1 ? '' : 's'}. What now?`, [
      { name: 'Self-grade them now', value: 'self' as const },
      { name: `Leave them for later (coach grade ${session.id})`, value: 'later' as const },
    ]);
    if (next === 'later') return;
  }
  ctx.stdout.write(`\n${ctx.style.bold("Time's over: grade each phase against its rubric.")}\n`);
  for (const { phase, record } of waiting) {
    ctx.stdout.write(`\n${ctx.style.bold(phase.title)}\n${phase.prompt.trim()}\n`);
    const yours = [record.answer?.text ?? '', record.followUp?.answer ? `\nFollow-up: ${record.followUp.question}\n${record.followUp.answer}` : ''].join('');
    const grade = await askSelfGrade(ctx, ask, { yours, model: phase.modelAnswer, rubric: phase.rubric });
    record.grades.push(grade);
    save();
    announceSelfGrade(ctx, grade);
  }
}

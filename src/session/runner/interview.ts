import { ExitCode, interruptExitCode, isInterrupt } from '../../errors.js';
import { gradeStatus } from '../../grading/grade.js';
import { selfGrade, skippedGrade } from '../../grading/rubric.js';
import { headerModel } from '../../interview/header.js';
import { PhaseClock } from '../../interview/phaseClock.js';
import { stripControlDeep } from '../../text/controlChars.js';
import type { DesignQuestion, Phase } from '../../topics/model.js';
import { isoAt, type PhaseRecord, type Session } from '../model.js';
import { finishSession, phaseRecord, settleDesignQuestion } from '../record.js';
import { DraftKeeper } from './drafts.js';
import type { InterviewHeader, RunnerDeps } from './ports.js';
import type { RunOutcome } from './quiz.js';

/** How often a running phase saves its clock, so a crash loses at most this much time. */
export const CLOCK_SAVE_MS = 5000;

/** Resolves with the model's question, or why it could not write one. */
export type FollowUpWriter = (input: { scenario: string; phaseTitle: string; phasePrompt: string; rubric: Phase['rubric']; answer: string }) => Promise<{ ok: true; question: string } | { ok: false; reason: string }>;

export interface InterviewDeps extends RunnerDeps {
  /** Writes a follow-up from the answer (a model is configured), or null to use the phase's own. */
  writeFollowUp: FollowUpWriter | null;
  /** Grades every pending phase with the model, saving as it goes (grader 'llm' only). */
  gradeWithModel: () => Promise<void>;
}

/**
 * A timed mock interview, phase by phase. A phase's time runs from its prompt to
 * the submit of its follow-up answer (editor time included, grading time not);
 * overtime is allowed and recorded. Answers are saved as they are submitted,
 * the clock every few seconds, the answer being typed as a draft, so
 * `coach resume` continues in the same phase with the time already spent and
 * the text already typed.
 */
export async function runInterviewSession(session: Session, deps: InterviewDeps): Promise<RunOutcome> {
  const save = () => deps.sessions.save(session);
  const drafts = new DraftKeeper(session, deps);
  const question = stripControlDeep(session.questions[0]!.question) as DesignQuestion;
  try {
    if (session.questions[0]!.phases!.every((record) => record.status === 'unasked' && record.elapsedSeconds === 0) && !session.draft) await brief(question, session, deps);
    for (const [phaseIndex, phase] of question.phases.entries()) {
      if (phaseRecord(session, 0, phaseIndex).status === 'unasked') await runPhase(session, phaseIndex, phase, deps, drafts, save);
    }
    settleDesignQuestion(session, 0, deps.clock.now());
    save();
    await gradePhases(session, question, deps, save);
  } catch (error) {
    if (!isInterrupt(error)) throw error;
    drafts.capture();
    session.updatedAt = isoAt(deps.clock.now());
    save();
    deps.screen.interrupted(session.kind, session.id);
    return { finished: false, exitCode: interruptExitCode(error) };
  } finally {
    drafts.stop();
  }
  finishSession(session, deps.clock.now());
  save();
  return { finished: true, exitCode: ExitCode.ok };
}

async function brief(question: DesignQuestion, session: Session, deps: InterviewDeps): Promise<void> {
  const records = session.questions[0]!.phases!;
  deps.screen.interviewBrief({
    prompt: question.prompt.trim(),
    totalSeconds: records.reduce((sum, record) => sum + record.budgetSeconds, 0),
    phases: question.phases.map((phase, index) => ({ title: phase.title, budgetSeconds: records[index]!.budgetSeconds })),
  });
  await deps.screen.pressEnter('Press Enter to start the clock');
}

async function runPhase(session: Session, phaseIndex: number, phase: Phase, deps: InterviewDeps, drafts: DraftKeeper, save: () => void): Promise<void> {
  const record = phaseRecord(session, 0, phaseIndex);
  const clock = new PhaseClock(deps.clock, record.elapsedSeconds);
  const header = interviewHeader(session, phaseIndex, phase, clock);
  const saveClock = () => {
    record.elapsedSeconds = clock.elapsedSeconds();
    save();
  };
  const saver = setInterval(saveClock, CLOCK_SAVE_MS);
  const seconds = () => clock.elapsedSeconds();
  try {
    if (!record.answer) {
      const draft = drafts.find(0, phase.id, 'answer');
      const onChange = drafts.watch({ questionIndex: 0, phaseId: phase.id, part: 'answer', startedAt: draft?.startedAt ?? isoAt(clock.startedAtMs()) }, seconds);
      const result = await deps.screen.answer({ title: phase.title, message: phase.prompt.trim(), header, initial: draft?.text, onChange });
      drafts.clear();
      if (result.text.trim() === '') {
        skipPhase(record, phase, clock, deps);
        save();
        return;
      }
      record.answer = { text: result.text, choice: null, startedAt: draft?.startedAt ?? isoAt(clock.startedAtMs()), submittedAt: isoAt(deps.clock.now()), seconds: clock.elapsedSeconds(), via: result.via };
      saveClock();
    }
    const followUp = record.followUp?.question ?? (await chooseFollowUp(session, phase, record.answer!.text ?? '', deps));
    if (followUp) {
      record.followUp = { question: followUp, answer: null };
      saveClock();
      const draft = drafts.find(0, phase.id, 'followUp');
      const onChange = drafts.watch({ questionIndex: 0, phaseId: phase.id, part: 'followUp', startedAt: draft?.startedAt ?? isoAt(deps.clock.now()) }, seconds);
      const result = await deps.screen.answer({ message: `Follow-up: ${followUp}`, header, initial: draft?.text, onChange });
      drafts.clear();
      record.followUp = { question: followUp, answer: result.text.trim() === '' ? null : result.text };
    }
    record.status = 'answered';
    record.answer!.seconds = clock.elapsedSeconds();
    saveClock();
    deps.screen.phaseDone(phase.title, record.answer!.seconds, record.budgetSeconds);
  } finally {
    clearInterval(saver);
    if (record.status === 'unasked') record.elapsedSeconds = clock.elapsedSeconds();
  }
}

function skipPhase(record: PhaseRecord, phase: Phase, clock: PhaseClock, deps: InterviewDeps): void {
  record.status = 'skipped';
  record.elapsedSeconds = clock.elapsedSeconds();
  record.answer = null;
  record.grades.push(skippedGrade(phase.rubric, isoAt(deps.clock.now())));
  deps.screen.skipped(phase.title);
}

/** With a model configured it writes the follow-up from the answer; otherwise, or if it fails, the phase's own. */
async function chooseFollowUp(session: Session, phase: Phase, answer: string, deps: InterviewDeps): Promise<string | undefined> {
  const fallback = phase.followUps?.[0];
  const write = deps.writeFollowUp;
  if (!write) return fallback;
  const scenario = session.questions[0]!.question.prompt;
  const written = await deps.screen.progress('The interviewer is thinking…', () => write({ scenario, phaseTitle: phase.title, phasePrompt: phase.prompt, rubric: phase.rubric, answer }));
  if (written.ok) return stripControlDeep(written.question);
  deps.screen.followUpFailed(written.reason, fallback !== undefined);
  return fallback;
}

/** The live header's numbers: this phase's countdown and the whole interview's. */
function interviewHeader(session: Session, phaseIndex: number, phase: Phase, clock: PhaseClock): () => InterviewHeader {
  const records = session.questions[0]!.phases!;
  const interviewBudget = records.reduce((sum, record) => sum + record.budgetSeconds, 0);
  const before = records.slice(0, phaseIndex).reduce((sum, record) => sum + record.elapsedSeconds, 0);
  return () => {
    const elapsed = clock.elapsedSeconds();
    const model = headerModel({ phaseElapsed: elapsed, phaseBudget: records[phaseIndex]!.budgetSeconds, interviewElapsed: before + elapsed, interviewBudget });
    return { kind: 'interview', position: phaseIndex + 1, total: records.length, title: phase.title, phase: model.phase, phaseLevel: model.level, interview: model.interview, interviewLevel: model.interviewLevel };
  };
}

async function gradePhases(session: Session, question: DesignQuestion, deps: InterviewDeps, save: () => void): Promise<void> {
  if (session.settings.grader === 'llm') {
    await deps.gradeWithModel();
    question.phases.forEach((phase, index) => {
      const record = phaseRecord(session, 0, index);
      const latest = record.grades.at(-1);
      if (record.status === 'answered' && latest?.kind === 'model') deps.screen.modelGrade(latest, phase.rubric, phase.title);
    });
  }
  const waiting = question.phases.flatMap((phase, index) => {
    const record = phaseRecord(session, 0, index);
    return record.status === 'answered' && gradeStatus(record.grades) !== 'graded' ? [{ phase, record }] : [];
  });
  if (waiting.length === 0) return;
  if (session.settings.grader === 'llm') {
    const next = await deps.screen.decide(`The model could not grade ${waiting.length} phase${waiting.length === 1 ? '' : 's'}. What now?`, [
      { name: 'Self-grade them now', value: 'self' as const },
      { name: `Leave them for later (coach grade ${session.id})`, value: 'later' as const },
    ]);
    if (next === 'later') return;
  }
  deps.screen.note("Time's over: grade each phase against its rubric.");
  for (const { phase, record } of waiting) {
    deps.screen.heading(phase.title, phase.prompt.trim());
    const yours = [record.answer?.text ?? '', record.followUp?.answer ? `\nFollow-up: ${record.followUp.question}\n${record.followUp.answer}` : ''].join('');
    const marks = await deps.screen.gradeYourself({ yours, model: phase.modelAnswer, rubric: phase.rubric });
    const grade = selfGrade(phase.rubric, marks, isoAt(deps.clock.now()));
    record.grades.push(grade);
    save();
    deps.screen.selfGradeResult(grade);
  }
}

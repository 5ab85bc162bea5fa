import { gradeStatus } from '../../grading/grade.js';
import { selfGrade, skippedGrade } from '../../grading/rubric.js';
import { headerModel } from '../../interview/header.js';
import { PhaseClock } from '../../interview/phaseClock.js';
import { stripControlDeep } from '../../text/controlChars.js';
import type { DesignQuestion, Phase } from '../../topics/model.js';
import { isoAt, type PhaseRecord, type Session } from '../model.js';
import { phaseRecord, settleDesignQuestion } from '../record.js';
import { DEFAULT_PROBES } from '../../interview/probes.js';
import { Interviewer, type InterviewerModel } from '../../interview/interviewer.js';
import { phaseTranscript, phaseTurns } from '../../interview/transcript.js';
import { answerWithClarifications, probe } from './conversation.js';
import { DraftKeeper } from './drafts.js';
import type { InterviewHeader, RunnerDeps } from './ports.js';
import { runSessionSteps, type RunOutcome } from './lifecycle.js';

/** How often a running phase saves its clock, so a crash loses at most this much time. */
export const CLOCK_SAVE_MS = 5000;

export interface InterviewDeps extends RunnerDeps {
  /** The model side of the interviewer (a model is configured), or null for facts and the scenario's own follow-ups. */
  interviewerModel: InterviewerModel | null;
  /** Grades every pending phase with the model, saving as it goes (grader 'llm' only). */
  gradeWithModel: () => Promise<void>;
}

/**
 * A timed mock interview, phase by phase. A phase's time runs from its prompt to
 * the submit of its last follow-up answer (editor time, clarifying questions and
 * the interviewer's thinking included, grading time not);
 * overtime is allowed and recorded. Answers are saved as they are submitted,
 * the clock every few seconds, the answer being typed as a draft, so
 * `coach resume` continues in the same phase with the time already spent and
 * the text already typed.
 */
export async function runInterviewSession(session: Session, deps: InterviewDeps): Promise<RunOutcome> {
  const question = stripControlDeep(session.questions[0]!.question) as DesignQuestion;
  const interviewer = new Interviewer({ model: deps.interviewerModel, now: () => deps.clock.now(), notice: (line) => deps.screen.interviewerNotice(line) });
  return runSessionSteps(session, deps, async (drafts, save) => {
    if (session.questions[0]!.phases!.every((record) => record.status === 'unasked' && record.elapsedSeconds === 0) && !session.draft) await brief(question, session, deps);
    for (const [phaseIndex, phase] of question.phases.entries()) {
      if (phaseRecord(session, 0, phaseIndex).status === 'unasked') await runPhase(session, phaseIndex, phase, deps, drafts, save, interviewer);
    }
    settleDesignQuestion(session, 0, deps.clock.now());
    save();
    await gradePhases(session, question, deps, save);
  });
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

async function runPhase(session: Session, phaseIndex: number, phase: Phase, deps: InterviewDeps, drafts: DraftKeeper, save: () => void, interviewer: Interviewer): Promise<void> {
  const record = phaseRecord(session, 0, phaseIndex);
  const clock = new PhaseClock(deps.clock, record.elapsedSeconds);
  const saveClock = () => {
    record.elapsedSeconds = clock.elapsedSeconds();
    save();
  };
  const saver = setInterval(saveClock, CLOCK_SAVE_MS);
  const phase$ = { session, question: stripControlDeep(session.questions[0]!.question) as DesignQuestion, phase, record, clock, header: interviewHeader(session, phaseIndex, phase, clock), deps, drafts, saveClock, interviewer };
  try {
    if (!record.answer) {
      const answered = await answerWithClarifications(phase$);
      if (answered.text.trim() === '') {
        skipPhase(record, phase, clock, deps);
        save();
        return;
      }
      record.answer = { text: answered.text, choice: null, startedAt: answered.startedAt, submittedAt: isoAt(deps.clock.now()), seconds: clock.elapsedSeconds(), via: answered.via };
      saveClock();
    }
    await probe(phase$, session.settings.probes ?? DEFAULT_PROBES);
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
    const yours = phaseTranscript(record.answer?.text ?? '', phaseTurns(record));
    const marks = await deps.screen.gradeYourself({ yours, model: phase.modelAnswer, rubric: phase.rubric });
    const grade = selfGrade(phase.rubric, marks, isoAt(deps.clock.now()));
    record.grades.push(grade);
    save();
    deps.screen.selfGradeResult(grade);
  }
}

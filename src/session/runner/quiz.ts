import { gradeChoice } from '../../grading/choice.js';
import { gradeStatus } from '../../grading/grade.js';
import { selfGrade } from '../../grading/rubric.js';
import { stripControlDeep } from '../../text/controlChars.js';
import type { ChoiceQuestion, ShortQuestion } from '../../topics/model.js';
import { isoAt, type Answer, type Session, type SessionQuestion } from '../model.js';
import { addGrade, recordAnswer, secondsBetween } from '../record.js';
import { choiceAnswer, skippedGradeFor } from '../scripted.js';
import { DraftKeeper } from './drafts.js';
import type { QuizHeader, RunnerDeps } from './ports.js';
import { runSessionSteps, type RunOutcome } from './lifecycle.js';

export type { RunOutcome } from './lifecycle.js';

/**
 * The interactive quiz (and review), question by question: each answer is saved
 * the moment it is submitted and again when graded; the answer being typed is
 * kept as a draft (see DraftKeeper); an interrupt (Ctrl+C, SIGTERM, SIGHUP)
 * saves everything and ends with 130/143/129. The clock runs in every mode,
 * flip included, and --time-limit cuts the answer in progress, says so at once,
 * and skips the rest. Continues a resumed session where it stopped.
 */
export async function runQuizSession(session: Session, deps: RunnerDeps): Promise<RunOutcome> {
  return runSessionSteps(session, deps, (drafts, save) => askRemaining(session, deps, drafts, save));
}

async function askRemaining(session: Session, deps: RunnerDeps, drafts: DraftKeeper, save: () => void): Promise<void> {
  const limit = session.settings.timeLimitSeconds;
  const spentBefore = () => session.questions.reduce((sum, item) => sum + (item.answer?.seconds ?? 0), 0);
  let announced = false;
  const timeUp = (rest: number) => {
    if (announced) return;
    announced = true;
    deps.screen.timeUp(rest);
  };
  for (const [index, item] of session.questions.entries()) {
    if (item.status === 'unasked') {
      if (limit !== null && spentBefore() >= limit) {
        timeUp(session.questions.filter((entry) => entry.status === 'unasked').length);
        skip(session, index, deps);
        save();
        continue;
      }
      const timer = questionTimer(session, index, deps, drafts, spentBefore());
      const question = stripControlDeep(item.question);
      let via: Answer['via'] | undefined;
      if (question.type === 'choice') via = await askChoice(session, index, question, deps, timer, save);
      else if (question.type === 'short') via = await askShort(session, index, question, deps, drafts, timer, save);
      if (via === 'timeout') timeUp(session.questions.filter((entry) => entry.status === 'unasked').length);
    }
    if (needsGrade(item)) {
      if (session.settings.grader === 'llm') await modelGradeStep(session, index, deps, save);
      else await selfGradeStep(session, index, deps, save);
    }
  }
}

/** A short answer typed here (not by script) and not graded yet: the grading step comes next, also after a resume. */
export function needsGrade(item: SessionQuestion): boolean {
  return item.question.type === 'short' && item.status === 'answered' && item.answer?.via !== 'script' && gradeStatus(item.grades) === 'pending';
}

interface QuestionTimer {
  startedAt: string;
  header: () => QuizHeader;
  deadline: () => boolean;
  seconds: () => number;
  /** The draft this question stopped at last time, if any. */
  draftText: string | undefined;
}

/** A resumed question keeps its draft's start and the seconds already spent on it. */
function questionTimer(session: Session, index: number, deps: RunnerDeps, drafts: DraftKeeper, spentBefore: number): QuestionTimer {
  const item = session.questions[index]!;
  const draft = drafts.find(index, null, 'answer');
  const openedMs = deps.clock.now();
  const budget = Math.round(item.question.minutes * 60);
  const limit = session.settings.timeLimitSeconds;
  const seconds = () => (draft?.seconds ?? 0) + secondsBetween(openedMs, deps.clock.now());
  return {
    startedAt: draft?.startedAt ?? isoAt(openedMs),
    seconds,
    draftText: draft?.text,
    deadline: () => limit !== null && spentBefore + seconds() >= limit,
    header: () => ({
      kind: 'quiz',
      position: index + 1,
      total: session.questions.length,
      topic: item.topic,
      difficulty: item.question.difficulty,
      spentSeconds: seconds(),
      budgetSeconds: budget,
      leftSeconds: limit === null ? null : limit - spentBefore - seconds(),
    }),
  };
}

// Each step saves before it shows anything that confirms the answer: what the
// candidate has seen acknowledged is on disk, even if the process dies next.
async function askChoice(session: Session, index: number, question: ChoiceQuestion, deps: RunnerDeps, timer: QuestionTimer, save: () => void): Promise<Answer['via']> {
  const result = await deps.screen.choose({ question, header: timer.header, deadline: timer.deadline });
  const now = deps.clock.now();
  const via = result.via === 'timeout' ? ('timeout' as const) : ('typed' as const);
  const timing = { startedAt: timer.startedAt, submittedAt: isoAt(now), seconds: timer.seconds(), via };
  if (result.picked.length === 0) {
    recordAnswer(session, index, null, now);
    session.questions[index]!.answer = { text: null, choice: null, ...timing };
    addGrade(session, index, gradeChoice(question, [], isoAt(now)), now);
    save();
    deps.screen.skipped(null);
    return via;
  }
  recordAnswer(session, index, choiceAnswer(question, result.picked, timing), now);
  addGrade(session, index, gradeChoice(question, result.picked, isoAt(now)), now);
  save();
  deps.screen.choiceFeedback(question, result.picked);
  return via;
}

async function askShort(session: Session, index: number, question: ShortQuestion, deps: RunnerDeps, drafts: DraftKeeper, timer: QuestionTimer, save: () => void): Promise<Answer['via']> {
  if (session.settings.flip) {
    const { via } = await deps.screen.reveal({ message: question.prompt.trim(), header: timer.header, deadline: timer.deadline });
    const now = deps.clock.now();
    // Cut by the clock before the reveal: recorded as a timeout, still graded against the model answer.
    recordAnswer(session, index, { text: null, choice: null, startedAt: timer.startedAt, submittedAt: isoAt(now), seconds: timer.seconds(), via: via === 'timeout' ? 'timeout' : 'flip' }, now);
    save();
    return via === 'timeout' ? 'timeout' : 'flip';
  }
  const onChange = drafts.watch({ questionIndex: index, phaseId: null, part: 'answer', startedAt: timer.startedAt }, timer.seconds);
  const result = await deps.screen.answer({ message: question.prompt.trim(), header: timer.header, deadline: timer.deadline, initial: timer.draftText, onChange });
  drafts.clear();
  const now = deps.clock.now();
  const timing = { startedAt: timer.startedAt, submittedAt: isoAt(now), seconds: timer.seconds() };
  if (result.text.trim() === '') {
    recordAnswer(session, index, null, now);
    session.questions[index]!.answer = { text: null, choice: null, ...timing, via: result.via };
    addGrade(session, index, skippedGradeFor(question, isoAt(now))!, now);
    save();
    deps.screen.skipped(null);
    return result.via;
  }
  recordAnswer(session, index, { text: result.text, choice: null, ...timing, via: result.via }, now);
  save();
  return result.via;
}

/** What the candidate is shown as their own answer when grading. */
export function answerShown(item: SessionQuestion): string {
  if (item.answer?.via === 'flip') return '(flip mode: you answered in your head)';
  if (item.answer?.via === 'timeout' && item.answer.text === null && item.question.type === 'short') return '(time ran out before you revealed the answer)';
  return item.answer?.text ?? '';
}

/** The model answer beside the candidate's, then the rubric checklist. */
export async function selfGradeStep(session: Session, index: number, deps: Pick<RunnerDeps, 'screen' | 'clock' | 'sessions'>, save: () => void): Promise<void> {
  const item = session.questions[index]!;
  const question = stripControlDeep(item.question) as ShortQuestion;
  const marks = await deps.screen.gradeYourself({ yours: answerShown(item), model: question.modelAnswer, rubric: question.rubric, flip: item.answer?.via === 'flip' });
  const grade = selfGrade(question.rubric, marks, isoAt(deps.clock.now()));
  addGrade(session, index, grade, deps.clock.now());
  save();
  deps.screen.selfGradeResult(grade);
}

/** The model grades the answer while a spinner runs; if it cannot, the candidate self-grades now or later. */
async function modelGradeStep(session: Session, index: number, deps: RunnerDeps, save: () => void): Promise<void> {
  const item = session.questions[index]!;
  const question = stripControlDeep(item.question) as ShortQuestion;
  const answer = item.answer?.text ?? '';
  const grader = await deps.modelGrader();
  deps.screen.answerBesideModel(answer, question.modelAnswer);
  const grade = await deps.screen.progress(`Grading with ${grader.model}…`, () => grader.grade({ question: question.prompt, rubric: question.rubric, modelAnswer: question.modelAnswer, answer }));
  addGrade(session, index, grade, deps.clock.now());
  save();
  deps.screen.modelGrade(grade, question.rubric);
  if (grade.status === 'graded') return;
  const next = await deps.screen.decide('The model could not grade this answer. What now?', [
    { name: 'Self-grade it now', value: 'self' as const },
    { name: `Leave it for later (coach grade ${session.id})`, value: 'later' as const },
  ]);
  if (next === 'self') await selfGradeStep(session, index, deps, save);
}

function skip(session: Session, index: number, deps: RunnerDeps): void {
  const now = deps.clock.now();
  recordAnswer(session, index, null, now);
  const grade = skippedGradeFor(session.questions[index]!.question, isoAt(now));
  if (grade) addGrade(session, index, grade, now);
}

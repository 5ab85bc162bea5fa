import type { Clock } from '../../clock.js';
import type { Grade } from '../../grading/grade.js';
import type { Marks } from '../../grading/rubric.js';
import type { ClockLevel } from '../../interview/header.js';
import type { ChoiceQuestion, Criterion } from '../../topics/model.js';
import type { Draft, Session, Turn } from '../model.js';

/**
 * What a session runner needs from the outside. The runner decides (what is
 * asked, recorded, saved, graded, when time is up); the screen draws and asks.
 * `src/ui/sessionScreen.ts` implements it on a terminal; tests script it.
 */
export interface RunnerDeps {
  clock: Clock;
  sessions: { save(session: Session): void; saveDraft(sessionId: string, questionIndex: number, phaseId: string | null, draft: Draft | null): void };
  screen: SessionScreen;
  /** The model grader, built on first use (a quiz of choice questions never loads openai). */
  modelGrader: () => Promise<ModelGrader>;
}

export interface ModelGrader {
  model: string;
  grade(input: { question: string; rubric: Criterion[]; modelAnswer: string | undefined; answer: string }): Promise<Grade>;
}

/** A quiz question's live header: numbers only, the screen formats them. */
export interface QuizHeader {
  kind: 'quiz';
  position: number;
  total: number;
  topic: string;
  difficulty: string;
  spentSeconds: number;
  budgetSeconds: number;
  /** Seconds left of --time-limit, or null without one. */
  leftSeconds: number | null;
}

export interface InterviewHeader {
  kind: 'interview';
  position: number;
  total: number;
  title: string;
  phase: string;
  phaseLevel: ClockLevel;
  interview: string;
  interviewLevel: ClockLevel;
}

export type LiveHeader = QuizHeader | InterviewHeader;

export interface AnswerRequest {
  /** Plain text; the screen styles it. */
  message: string;
  title?: string;
  header: () => LiveHeader;
  /** A saved draft to continue from. */
  initial?: string;
  /** Polled about once a second; true ends the prompt with what is typed (via 'timeout'). */
  deadline?: () => boolean;
  /** Told the whole text after each change. */
  onChange?: (text: string) => void;
  /** The keys line under the editor, when it differs from the default. */
  hint?: string;
  /** The interview's ask key (Ctrl+Q): the line under the cursor goes to the interviewer as a "? question" line. */
  askKey?: boolean;
}

export interface SessionScreen {
  answer(request: AnswerRequest): Promise<{ text: string; via: 'typed' | 'editor' | 'timeout' }>;
  choose(request: { question: ChoiceQuestion; header: () => LiveHeader; deadline?: () => boolean }): Promise<{ picked: number[]; via: 'answered' | 'skipped' | 'timeout' }>;
  /** Flip mode: the question under a running clock until Enter (or the deadline). */
  reveal(request: { message: string; header: () => LiveHeader; deadline?: () => boolean }): Promise<{ via: 'revealed' | 'timeout' }>;
  /** The answer beside the model answer, then the rubric checklist. */
  /** `flip`: nothing was typed (flip mode), so the model answer can take the whole width. */
  gradeYourself(input: { yours: string; model: string | undefined; rubric: readonly Criterion[]; flip?: boolean }): Promise<Marks>;
  decide<T>(message: string, options: readonly { name: string; value: T }[]): Promise<T>;
  pressEnter(message: string): Promise<void>;
  progress<T>(text: string, run: () => Promise<T>): Promise<T>;

  choiceFeedback(question: ChoiceQuestion, picked: readonly number[]): void;
  skipped(what: string | null): void;
  /** Said the moment the clock runs out. */
  timeUp(rest: number): void;
  selfGradeResult(grade: Grade): void;
  answerBesideModel(yours: string, model: string | undefined): void;
  modelGrade(grade: Grade, rubric: readonly Criterion[], title?: string): void;
  interviewBrief(input: { prompt: string; totalSeconds: number; phases: readonly { title: string; budgetSeconds: number }[] }): void;
  phaseDone(title: string, seconds: number, budgetSeconds: number): void;
  /** A clarifying question and the interviewer's answer, as soon as it is answered. */
  clarified(turn: Turn): void;
  /** One line: the model failed (or its reply was rejected) and the offline interviewer answers instead. */
  interviewerNotice(line: string): void;
  heading(title: string, text: string): void;
  note(text: string): void;
  interrupted(kind: Session['kind'], sessionId: string): void;
}

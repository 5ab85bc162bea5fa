import { gradeChoice, letterFor } from '../grading/choice.js';
import { selfGrade, skippedGrade } from '../grading/rubric.js';
import type { Clock } from '../clock.js';
import type { ChoiceQuestion, Question } from '../topics/model.js';
import type { ScriptedAnswer } from './answers.js';
import { isoAt, type Answer, type Session } from './model.js';
import { addGrade, finishSession, recordAnswer } from './record.js';

/**
 * Runs a quiz from an answers file: no prompts. Each answer is recorded and
 * saved before the next, exactly as an interactive run would. With a time limit,
 * the `seconds` in the file are the simulated clock: once they add up to the
 * limit, the remaining questions are skipped.
 */
export function runScriptedQuiz(session: Session, answers: ReadonlyMap<number, ScriptedAnswer>, deps: { clock: Clock; save: (session: Session) => void }): void {
  let elapsed = session.questions.reduce((sum, item) => sum + (item.answer?.seconds ?? 0), 0);
  const limit = session.settings.timeLimitSeconds;
  session.questions.forEach((item, index) => {
    if (item.status !== 'unasked') return;
    const now = deps.clock.now();
    const scripted = limit !== null && elapsed >= limit ? undefined : answers.get(index);
    applyScriptedAnswer(session, index, scripted, now);
    elapsed += scripted && 'seconds' in scripted ? (scripted.seconds ?? 0) : 0;
    deps.save(session);
  });
  finishSession(session, deps.clock.now());
  deps.save(session);
}

export function applyScriptedAnswer(session: Session, index: number, scripted: ScriptedAnswer | undefined, nowMs: number): void {
  const { question } = session.questions[index]!;
  const at = isoAt(nowMs);
  if (!scripted) {
    recordAnswer(session, index, null, nowMs);
    const skipped = skippedGradeFor(question, at);
    if (skipped) addGrade(session, index, skipped, nowMs);
    return;
  }
  if (scripted.type === 'choice' && question.type === 'choice') {
    recordAnswer(session, index, choiceAnswer(question, scripted.picked, { startedAt: null, submittedAt: at, seconds: scripted.seconds, via: 'script' }), nowMs);
    addGrade(session, index, gradeChoice(question, scripted.picked, at), nowMs);
    return;
  }
  if (scripted.type === 'short' && question.type === 'short') {
    recordAnswer(session, index, { text: scripted.text, choice: null, startedAt: null, submittedAt: at, seconds: scripted.seconds, via: 'script' }, nowMs);
    if (scripted.self) addGrade(session, index, selfGrade(question.rubric, scripted.self, at), nowMs);
    return;
  }
  throw new Error(`answer of type ${scripted.type} bound to a ${question.type} question`);
}

export function choiceAnswer(question: ChoiceQuestion, picked: readonly number[], timing: Pick<Answer, 'startedAt' | 'submittedAt' | 'seconds' | 'via'>): Answer {
  return {
    text: picked.map((index) => question.choices[index]!.text).join('; '),
    choice: picked.map(letterFor),
    ...timing,
  };
}

/** A skipped choice or short question earns 0 of its points (design questions are graded per phase). */
export function skippedGradeFor(question: Question, at: string) {
  if (question.type === 'choice') return gradeChoice(question, [], at);
  if (question.type === 'short') return skippedGrade(question.rubric, at);
  return undefined;
}

import type { Clock } from '../clock.js';
import { selfGrade, skippedGrade } from '../grading/rubric.js';
import type { ScriptedAnswer } from '../session/answers.js';
import { isoAt, type Session } from '../session/model.js';
import { finishSession, phaseRecord, settleDesignQuestion } from '../session/record.js';
import type { DesignQuestion } from '../topics/model.js';

/**
 * A mock interview from an answers file: per phase the answer, the simulated
 * `seconds` spent (overtime is recorded as such), the follow-up answer and self
 * marks. A phase without an entry is skipped and earns 0 of its points; a phase
 * answered without marks stays pending.
 */
export function runScriptedInterview(session: Session, scripted: Extract<ScriptedAnswer, { type: 'design' }> | undefined, deps: { clock: Clock; save: (session: Session) => void }): void {
  const question = session.questions[0]!.question as DesignQuestion;
  question.phases.forEach((phase, phaseIndex) => {
    const record = phaseRecord(session, 0, phaseIndex);
    const at = isoAt(deps.clock.now());
    const entry = scripted?.phases.get(phase.id);
    if (!entry) {
      record.status = 'skipped';
      record.grades.push(skippedGrade(phase.rubric, at));
    } else {
      const seconds = entry.seconds ?? 0;
      record.status = 'answered';
      record.elapsedSeconds = seconds;
      record.answer = { text: entry.text, choice: null, startedAt: null, submittedAt: at, seconds: entry.seconds, via: 'script' };
      const followUpQuestion = phase.followUps?.[0];
      record.followUp = followUpQuestion || entry.followUp ? { question: followUpQuestion ?? '(none)', answer: entry.followUp } : null;
      if (entry.self) record.grades.push(selfGrade(phase.rubric, entry.self, at));
    }
    session.updatedAt = at;
    deps.save(session);
  });
  settleDesignQuestion(session, 0, deps.clock.now());
  finishSession(session, deps.clock.now());
  deps.save(session);
}

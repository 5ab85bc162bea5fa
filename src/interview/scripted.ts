import type { Clock } from '../clock.js';
import { selfGrade, skippedGrade } from '../grading/rubric.js';
import type { ScriptedAnswer, ScriptedPhase } from '../session/answers.js';
import { isoAt, type Session, type Turn } from '../session/model.js';
import { finishSession, phaseRecord, settleDesignQuestion } from '../session/record.js';
import type { DesignQuestion, Phase } from '../topics/model.js';
import { Interviewer, phaseFacts } from './interviewer.js';
import { DEFAULT_PROBES } from './probes.js';
import { phaseTranscript } from './transcript.js';

/**
 * A mock interview from an answers file: per phase the answer, the simulated
 * `seconds` spent (overtime is recorded as such), clarifying questions, the
 * follow-up answers in order, and self marks. The interviewer is the offline
 * one, so a script replays the same conversation every time: a clarifying
 * question without an `answer` gets the best-matching fact; follow-ups are the
 * scenario's own, weakest self-marked criterion first (written order without
 * marks), at most `--probes` of them. `seconds` is the whole phase's time, so
 * it cannot say when a follow-up was asked: the time cut-off applies to live
 * interviews only. A phase without an entry is skipped and earns 0 of its points;
 * a phase answered without marks stays pending.
 */
export function runScriptedInterview(session: Session, scripted: Extract<ScriptedAnswer, { type: 'design' }> | undefined, deps: { clock: Clock; save: (session: Session) => void }): Promise<void> {
  const question = session.questions[0]!.question as DesignQuestion;
  const interviewer = new Interviewer({ model: null, now: () => deps.clock.now(), notice: () => undefined });
  return (async () => {
    for (const [phaseIndex, phase] of question.phases.entries()) {
      const record = phaseRecord(session, 0, phaseIndex);
      const at = isoAt(deps.clock.now());
      const entry = scripted?.phases.get(phase.id);
      if (!entry) {
        record.status = 'skipped';
        record.grades.push(skippedGrade(phase.rubric, at));
      } else {
        record.status = 'answered';
        record.elapsedSeconds = entry.seconds ?? 0;
        record.answer = { text: entry.text, choice: null, startedAt: null, submittedAt: at, seconds: entry.seconds, via: 'script' };
        record.turns = await conversation(question, phase, entry, interviewer, session.settings.probes ?? DEFAULT_PROBES);
        const first = record.turns.find((turn) => turn.kind === 'follow-up');
        record.followUp = first ? { question: first.question, answer: first.answer } : null;
        if (entry.self) record.grades.push(selfGrade(phase.rubric, entry.self, at));
      }
      session.updatedAt = at;
      deps.save(session);
    }
    settleDesignQuestion(session, 0, deps.clock.now());
    finishSession(session, deps.clock.now());
    deps.save(session);
  })();
}

async function conversation(question: DesignQuestion, phase: Phase, entry: ScriptedPhase, interviewer: Interviewer, limit: number): Promise<Turn[]> {
  const turns: Turn[] = [];
  for (const item of entry.clarify) {
    const turn = await interviewer.clarify(item.question, phaseFacts(question, phase));
    turns.push(item.answer === null ? turn : { ...turn, answer: item.answer, by: 'script' });
  }
  for (const answer of entry.followUps.slice(0, limit)) {
    const asked = turns.filter((turn) => turn.kind === 'follow-up').map((turn) => turn.question);
    const turn = await interviewer.probe({ question, phase, transcript: phaseTranscript(entry.text, turns), asked, marks: entry.self });
    if (!turn) break;
    turns.push({ ...turn, answer: answer.trim() === '' ? null : answer });
  }
  return turns;
}

import { splitClarifying } from '../../interview/clarify.js';
import { phaseFacts, type Interviewer } from '../../interview/interviewer.js';
import type { PhaseClock } from '../../interview/phaseClock.js';
import { phaseTranscript } from '../../interview/transcript.js';
import type { DesignQuestion, Phase } from '../../topics/model.js';
import { isoAt, type Answer, type PhaseRecord, type Session, type Turn } from '../model.js';
import type { DraftKeeper } from './drafts.js';
import type { InterviewDeps } from './interview.js';
import type { InterviewHeader } from './ports.js';

/** The editor's hint line in an interview: how to ask the interviewer. */
export const INTERVIEW_HINT = 'Enter: new line · Ctrl+D: submit · Ctrl+Q (or a line "? question" + Ctrl+D): ask the interviewer · Ctrl+E: $EDITOR · submit empty to skip';

/** One running phase, as the conversation needs it. */
export interface PhaseConversation {
  session: Session;
  question: DesignQuestion;
  phase: Phase;
  record: PhaseRecord;
  clock: PhaseClock;
  header: () => InterviewHeader;
  deps: InterviewDeps;
  drafts: DraftKeeper;
  saveClock: () => void;
  interviewer: Interviewer;
}

/**
 * The phase's answer. Lines typed as "? question" ask the interviewer: each is
 * answered (and recorded as a clarify turn at once), the exchange is shown above
 * the editor, and the editor reopens with the rest of the text. A submit with no
 * such line is the answer.
 */
export async function answerWithClarifications(phase$: PhaseConversation): Promise<{ text: string; via: Answer['via']; startedAt: string }> {
  const { phase, record, deps, drafts, clock } = phase$;
  const draft = drafts.find(0, phase.id, 'answer');
  const startedAt = draft?.startedAt ?? isoAt(clock.startedAtMs());
  let initial = draft?.text;
  for (;;) {
    const onChange = drafts.watch({ questionIndex: 0, phaseId: phase.id, part: 'answer', startedAt }, () => clock.elapsedSeconds());
    const result = await deps.screen.answer({ title: phase.title, message: withExchanges(phase.prompt.trim(), turnsOf(record)), header: phase$.header, initial, onChange, hint: INTERVIEW_HINT, askKey: true });
    const { questions, rest } = splitClarifying(result.text);
    if (questions.length === 0 || result.via === 'timeout') {
      drafts.clear();
      return { text: result.text, via: result.via, startedAt };
    }
    // The rest stays a draft while the interviewer answers, so an interrupt keeps it.
    onChange(rest);
    drafts.flush();
    for (const asked of questions) {
      const turn = await think(phase$, () => phase$.interviewer.clarify(asked, phaseFacts(phase$.question, phase)));
      turnsOf(record).push(turn);
      phase$.saveClock();
      deps.screen.clarified(turn);
    }
    initial = rest;
  }
}

/**
 * Up to `limit` follow-ups after the answer, while the phase has time left (a
 * phase out of time gets no new one). A follow-up left unanswered by an earlier
 * run (resume) is asked again first. An empty answer ends the probing.
 */
export async function probe(phase$: PhaseConversation, limit: number): Promise<void> {
  const { phase, record, deps, drafts, clock } = phase$;
  const turns = turnsOf(record);
  for (;;) {
    let turn = turns.at(-1)?.kind === 'follow-up' && turns.at(-1)!.answer === null ? turns.at(-1)! : undefined;
    if (!turn) {
      const asked = turns.filter((entry) => entry.kind === 'follow-up');
      if (asked.length >= limit || clock.elapsedSeconds() >= record.budgetSeconds) return;
      const next = await think(phase$, () => phase$.interviewer.probe({ question: phase$.question, phase, transcript: phaseTranscript(record.answer!.text ?? '', turns), asked: asked.map((entry) => entry.question) }));
      if (!next) return;
      turn = next;
      turns.push(turn);
      record.followUp ??= { question: turn.question, answer: null };
      phase$.saveClock();
    }
    const draft = drafts.find(0, phase.id, 'followUp');
    const onChange = drafts.watch({ questionIndex: 0, phaseId: phase.id, part: 'followUp', startedAt: draft?.startedAt ?? isoAt(deps.clock.now()) }, () => clock.elapsedSeconds());
    const result = await deps.screen.answer({ message: `Follow-up: ${turn.question}`, header: phase$.header, initial: draft?.text, onChange });
    drafts.clear();
    const answer = result.text.trim() === '' ? null : result.text;
    turn.answer = answer;
    if (turns.find((entry) => entry.kind === 'follow-up') === turn) record.followUp = { question: turn.question, answer };
    phase$.saveClock();
    if (answer === null) return;
  }
}

function turnsOf(record: PhaseRecord): Turn[] {
  record.turns ??= [];
  return record.turns;
}

/** The interviewer's wait shows a spinner only when a model is asked. */
function think<T>(phase$: PhaseConversation, run: () => Promise<T>): Promise<T> {
  return phase$.interviewer.usesModel ? phase$.deps.screen.progress('The interviewer is thinking…', run) : run();
}

/** The phase prompt with the clarifying exchanges so far under it, as the editor shows them. */
function withExchanges(prompt: string, turns: readonly Turn[]): string {
  const exchanges = turns.filter((turn) => turn.kind === 'clarify').map((turn) => `You asked: ${turn.question}\nInterviewer: ${turn.answer ?? ''}`);
  return exchanges.length === 0 ? prompt : `${prompt}\n\n${exchanges.join('\n')}`;
}

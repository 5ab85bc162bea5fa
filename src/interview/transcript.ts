import type { PhaseRecord, Turn } from '../session/model.js';

/** A phase's turns; a session from before turns has at most its one follow-up (its `at` unknown: ''). */
export function phaseTurns(record: Pick<PhaseRecord, 'turns' | 'followUp'>): Turn[] {
  if (record.turns && record.turns.length > 0) return record.turns;
  if (!record.followUp) return [];
  return [{ kind: 'follow-up', question: record.followUp.question, answer: record.followUp.answer, criterion: null, by: 'topic', at: '' }];
}

/**
 * What gets graded for a phase: the clarifying exchanges (asked while
 * answering), then the answer, then each answered follow-up. Without turns it
 * is the answer alone, as before, so earlier grades and cached replies still
 * match. Interviewer lines are labelled, since evidence may quote only the
 * candidate (see interviewerLines).
 */
export function phaseTranscript(answer: string, turns: readonly Turn[]): string {
  const clarify = turns.filter((turn) => turn.kind === 'clarify');
  const followUps = turns.filter((turn) => turn.kind === 'follow-up' && turn.answer !== null);
  const parts: string[] = [];
  for (const turn of clarify) parts.push(`Clarifying question: ${turn.question}\nInterviewer: ${turn.answer ?? ''}`);
  parts.push(clarify.length > 0 ? `Answer:\n${answer}` : answer);
  for (const turn of followUps) parts.push(`Follow-up question: ${turn.question}\nAnswer: ${turn.answer}`);
  return parts.join('\n\n');
}

/** What the interviewer said in a phase: never evidence for the candidate. */
export function interviewerLines(turns: readonly Turn[]): string[] {
  return turns.flatMap((turn) => (turn.kind === 'clarify' ? (turn.answer === null ? [] : [turn.answer]) : [turn.question]));
}

/** What the candidate said in a phase: the answer, the questions they asked, their follow-up answers. */
export function candidateLines(answer: string, turns: readonly Turn[]): string[] {
  return [answer, ...turns.flatMap((turn) => (turn.kind === 'clarify' ? [turn.question] : turn.answer === null ? [] : [turn.answer]))];
}

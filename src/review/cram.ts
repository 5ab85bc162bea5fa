import type { SessionSummary } from '../session/summaries.js';
import { percentOfResult } from './rating.js';
import { cardKey, retrievabilityAt, type Cards } from './schedule.js';

/**
 * Cram selection: the weakest and most-forgotten questions, due or not. Each
 * answered question gets an expected score now, `last score × predicted
 * recall now` (FSRS retrievability of its card), and the lowest come first: a
 * question answered badly, or answered well long ago, ranks high. The last
 * score includes earlier cram answers (a question crammed well yesterday is
 * not the weakest today); the recall comes from the schedule, which cram never
 * touches. Pure: the caller passes the clock's time.
 */
export interface CramPick {
  key: string;
  topic: string;
  question: string;
  /** Last graded score in percent, cram answers included. */
  lastScore: number;
  /** FSRS-predicted recall now, 0-1 (1 when the question was only ever crammed). */
  recallNow: number;
  /** lastScore × recallNow, 0-100: the order, lowest first. */
  expected: number;
}

/** The latest graded percent per question card (phase-less), from every session kind, cram included. */
export function latestScores(summaries: readonly SessionSummary[]): Map<string, { percent: number; at: string }> {
  const latest = new Map<string, { percent: number; at: string }>();
  for (const summary of summaries) {
    for (const result of summary.results) {
      if (result.phase !== null || result.type === 'design') continue;
      const percent = percentOfResult(result);
      const at = result.answeredAt ?? summary.startedAt;
      if (percent === null) continue;
      const key = cardKey(result.topic, result.question, null);
      const seen = latest.get(key);
      if (!seen || at >= seen.at) latest.set(key, { percent, at });
    }
  }
  return latest;
}

/**
 * Ranks the `eligible` questions (topic/question pairs the caller's filters
 * allow) that have a graded answer. Ties go to the question answered longest
 * ago, then by key, so the order is stable.
 */
export function cramOrder(eligible: readonly { topic: string; question: string }[], cards: Cards, scores: ReadonlyMap<string, { percent: number; at: string }>, nowMs: number): CramPick[] {
  const picks: (CramPick & { at: string })[] = [];
  for (const { topic, question } of eligible) {
    const key = cardKey(topic, question, null);
    const score = scores.get(key);
    if (!score) continue;
    const state = cards.get(key);
    const recallNow = state ? retrievabilityAt(state.card, nowMs) : 1;
    picks.push({ key, topic, question, lastScore: score.percent, recallNow: Math.round(recallNow * 100) / 100, expected: Math.round(score.percent * recallNow * 10) / 10, at: score.at });
  }
  return picks.sort((a, b) => a.expected - b.expected || (a.at < b.at ? -1 : a.at > b.at ? 1 : 0) || (a.key < b.key ? -1 : 1)).map(({ at: _at, ...pick }) => pick);
}

import { dueDayOf, daysBetween, type StudyDay } from '../review/day.js';
import { cardKey, retrievabilityAt, type Cards, type CardState } from '../review/schedule.js';

/** What planning needs of a topic: ids, types and lengths (full topics and outlines both fit). */
export interface PlanTopic {
  id: string;
  questions: readonly PlanQuestion[];
}

export interface PlanQuestion {
  id: string;
  type: 'choice' | 'short' | 'design';
  /** How long the question takes, in minutes (topic files' `minutes`, defaults applied). */
  minutes: number;
  difficulty?: 'easy' | 'medium' | 'hard';
  phases?: readonly { id: string }[];
}

/** A question the planner may place, with what it knows of its history. */
export interface Candidate {
  topic: string;
  question: PlanQuestion;
  /** The question's card (null: never answered, or a design question, whose cards are per phase). */
  state: CardState | null;
  /** Last score in percent over its card(s); null when never graded. */
  lastScore: number | null;
}

/** Every question in scope, in file order, with its card when it has one. */
export function candidatesOf(topics: readonly PlanTopic[], cards: Cards): Candidate[] {
  const list: Candidate[] = [];
  for (const topic of topics) {
    for (const question of topic.questions) {
      if (question.type === 'design') {
        const scores = (question.phases ?? []).map((phase) => cards.get(cardKey(topic.id, question.id, phase.id))?.lastPercent).filter((score): score is number => typeof score === 'number');
        list.push({ topic: topic.id, question, state: null, lastScore: scores.length > 0 ? Math.round(scores.reduce((sum, score) => sum + score, 0) / scores.length) : null });
      } else {
        const state = cards.get(cardKey(topic.id, question.id, null)) ?? null;
        list.push({ topic: topic.id, question, state, lastScore: state?.lastPercent ?? null });
      }
    }
  }
  return list;
}

/** Answered at least once (for a design question: any phase). */
export function attempted(candidate: Candidate, cards: Cards): boolean {
  if (candidate.question.type !== 'design') return candidate.state !== null;
  return (candidate.question.phases ?? []).some((phase) => cards.has(cardKey(candidate.topic, candidate.question.id, phase.id)));
}

/** Days from today until the card is due (negative: overdue), by study days. */
export function dueIn(state: CardState, today: StudyDay, dayStartsAt: number): number {
  return daysBetween(today, dueDayOf(state.card, dayStartsAt));
}

/** Predicted recall (0-1) on the interview day, from its start. */
export function recallOn(state: CardState, atMs: number): number {
  return retrievabilityAt(state.card, atMs);
}

/**
 * Topics weakest first: never practised (no answered question) before
 * practised, then by the average last score of their answered questions, then
 * by id so the order is stable.
 */
export function topicsByWeakness(topics: readonly PlanTopic[], candidates: readonly Candidate[]): string[] {
  const average = new Map<string, number | null>();
  for (const topic of topics) {
    const scores = candidates.filter((candidate) => candidate.topic === topic.id && candidate.lastScore !== null).map((candidate) => candidate.lastScore!);
    average.set(topic.id, scores.length > 0 ? scores.reduce((sum, score) => sum + score, 0) / scores.length : null);
  }
  return topics
    .map((topic) => topic.id)
    .sort((a, b) => {
      const [x, y] = [average.get(a) ?? null, average.get(b) ?? null];
      if (x === null || y === null) return x === y ? (a < b ? -1 : 1) : x === null ? -1 : 1;
      return x - y || (a < b ? -1 : 1);
    });
}

const DIFFICULTY_ORDER = { easy: 0, medium: 1, hard: 2 } as const;

/** Easier first, then file order: a first look at a topic should not start with its hardest question. */
export function byDifficulty(a: Candidate, b: Candidate): number {
  return DIFFICULTY_ORDER[a.question.difficulty ?? 'medium'] - DIFFICULTY_ORDER[b.question.difficulty ?? 'medium'];
}

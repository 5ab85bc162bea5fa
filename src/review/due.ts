/** What scheduling needs of a topic: full topics and compiled outlines both fit. */
export interface TopicShape {
  id: string;
  questions: readonly { id: string; type: string; phases?: readonly { id: string }[] }[];
}
import { cardKey, type Cards, type CardState } from './schedule.js';

export interface DueCard extends CardState {
  overdueDays: number;
  ratedToday: boolean;
}

export interface DueOptions {
  nowMs: number;
  /** Topics to review (empty: all). */
  topics: readonly string[];
  /** Also bring back what was rated Again or Hard today. */
  again: boolean;
}

/** Local midnight: "today" for the same-day rule is the candidate's day, not UTC's. */
export function startOfLocalDay(ms: number): number {
  const date = new Date(ms);
  date.setHours(0, 0, 0, 0);
  return date.getTime();
}

/** Card keys of the questions (and interview phases) that still exist: a removed question's card retires, its history stays. */
export function liveCardKeys(topics: readonly TopicShape[]): Set<string> {
  const keys = new Set<string>();
  for (const topic of topics) {
    for (const question of topic.questions) {
      if (question.type === 'design') for (const phase of question.phases ?? []) keys.add(cardKey(topic.id, question.id, phase.id));
      else keys.add(cardKey(topic.id, question.id, null));
    }
  }
  return keys;
}

/**
 * What is due now, weakest first (lowest last score), then most overdue. A card
 * rated Again or Hard today is not asked again today, unless `again` asks for
 * exactly those.
 */
export function dueCards(cards: Cards, live: ReadonlySet<string>, options: DueOptions): DueCard[] {
  const today = startOfLocalDay(options.nowMs);
  const due: DueCard[] = [];
  for (const state of cards.values()) {
    if (!live.has(state.key)) continue;
    if (options.topics.length > 0 && !options.topics.includes(state.topic)) continue;
    const ratedToday = Date.parse(state.lastReviewedAt) >= today && (state.lastRating === 'again' || state.lastRating === 'hard');
    const isDue = state.card.due.getTime() <= options.nowMs;
    if ((isDue && !ratedToday) || (options.again && ratedToday)) {
      due.push({ ...state, ratedToday, overdueDays: Math.max(0, Math.floor((options.nowMs - state.card.due.getTime()) / 86_400_000)) });
    }
  }
  return due.sort((a, b) => (a.lastPercent ?? 101) - (b.lastPercent ?? 101) || a.card.due.getTime() - b.card.due.getTime());
}

/** Share of a topic's questions whose last grade is at least 80% (a design question: its phases on average). */
export function mastery(topic: TopicShape, cards: Cards): number | null {
  if (topic.questions.length === 0) return null;
  let mastered = 0;
  for (const question of topic.questions) {
    const keys = question.type === 'design' ? (question.phases ?? []).map((phase) => cardKey(topic.id, question.id, phase.id)) : [cardKey(topic.id, question.id, null)];
    const percents = keys.map((key) => cards.get(key)?.lastPercent).filter((value): value is number => typeof value === 'number');
    if (percents.length > 0 && percents.reduce((sum, value) => sum + value, 0) / keys.length >= 80) mastered += 1;
  }
  return Math.round((100 * mastered) / topic.questions.length);
}

/** What scheduling needs of a topic: full topics and compiled outlines both fit. */
export interface TopicShape {
  id: string;
  questions: readonly { id: string; type: string; phases?: readonly { id: string }[] }[];
}
import { dayStartMs, daysBetween, dueDayOf, studyDayOf, type StudyDay } from './day.js';
import { cardKey, type Cards, type CardState } from './schedule.js';

export interface DueCard extends CardState {
  /** The study day it is due, and the instant that day starts (when it becomes due). */
  dueDay: StudyDay;
  dueAtMs: number;
  /** Whole study days since it became due. */
  overdueDays: number;
  ratedToday: boolean;
}

export interface DueOptions {
  nowMs: number;
  /** Topics to review (empty: all). */
  topics: readonly string[];
  /** Also bring back what was rated Again or Hard today. */
  again: boolean;
  /** When a study day starts, minutes after local midnight (review.dayStartsAt; day.ts). */
  dayStartsAt: number;
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
 * is due from the start of its due study day (day.ts). A card rated Again or
 * Hard today (this study day) is not asked again today, unless `again` asks
 * for exactly those.
 */
export function dueCards(cards: Cards, live: ReadonlySet<string>, options: DueOptions): DueCard[] {
  const today = studyDayOf(options.nowMs, options.dayStartsAt);
  const todayStart = dayStartMs(today, options.dayStartsAt);
  const due: DueCard[] = [];
  for (const state of cards.values()) {
    if (!live.has(state.key)) continue;
    if (options.topics.length > 0 && !options.topics.includes(state.topic)) continue;
    const ratedToday = Date.parse(state.lastReviewedAt) >= todayStart && (state.lastRating === 'again' || state.lastRating === 'hard');
    const dueDay = dueDayOf(state.card, options.dayStartsAt);
    const overdue = daysBetween(dueDay, today);
    if ((overdue >= 0 && !ratedToday) || (options.again && ratedToday)) {
      due.push({ ...state, dueDay, dueAtMs: dayStartMs(dueDay, options.dayStartsAt), ratedToday, overdueDays: Math.max(0, overdue) });
    }
  }
  return due.sort((a, b) => (a.lastPercent ?? 101) - (b.lastPercent ?? 101) || a.dueAtMs - b.dueAtMs || a.card.due.getTime() - b.card.due.getTime() || (a.key < b.key ? -1 : 1));
}

/** The next card to come due after now (not due yet), or null: what `coach review` names when nothing is due. */
export function nextDue(cards: Cards, live: ReadonlySet<string>, options: Pick<DueOptions, 'nowMs' | 'topics' | 'dayStartsAt'>): { state: CardState; dueDay: StudyDay; dueAtMs: number } | null {
  const today = studyDayOf(options.nowMs, options.dayStartsAt);
  let best: { state: CardState; dueDay: StudyDay; dueAtMs: number } | null = null;
  for (const state of cards.values()) {
    if (!live.has(state.key) || (options.topics.length > 0 && !options.topics.includes(state.topic))) continue;
    const dueDay = dueDayOf(state.card, options.dayStartsAt);
    if (daysBetween(today, dueDay) <= 0) continue;
    const dueAtMs = dayStartMs(dueDay, options.dayStartsAt);
    if (!best || dueAtMs < best.dueAtMs || (dueAtMs === best.dueAtMs && state.key < best.state.key)) best = { state, dueDay, dueAtMs };
  }
  return best;
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

import { createEmptyCard, fsrs, generatorParameters, Rating, type Card, type FSRS, type Grade } from 'ts-fsrs';
import type { SessionSummary } from '../session/summaries.js';
import { percentOfResult, ratingFor, type ReviewRating } from './rating.js';

/**
 * The review schedule, derived by replaying history: every graded answer, in
 * answer-time order, is one FSRS review of its card. Cards are keyed by
 * (topic id, question id[, phase id]), so rewording a question keeps its
 * progress, and a regrade or a lost cache changes nothing a replay would not.
 * Day-based intervals (no minute-long learning steps: candidates come back
 * days later, not minutes) and no fuzz, so schedules are reproducible.
 */
export interface CardState {
  key: string;
  topic: string;
  question: string;
  phase: string | null;
  card: Card;
  lastRating: ReviewRating;
  lastPercent: number | null;
  lastReviewedAt: string;
  reviews: number;
}

export type Cards = Map<string, CardState>;

const RATINGS: Record<ReviewRating, Grade> = { again: Rating.Again, hard: Rating.Hard, good: Rating.Good, easy: Rating.Easy };

let scheduler: FSRS | undefined;
function fsrsScheduler(): FSRS {
  scheduler ??= fsrs(generatorParameters({ enable_fuzz: false, enable_short_term: false }));
  return scheduler;
}

export function cardKey(topic: string, question: string, phase: string | null): string {
  return phase ? `${topic}/${question}#${phase}` : `${topic}/${question}`;
}

export interface Review {
  key: string;
  topic: string;
  question: string;
  phase: string | null;
  at: string;
  rating: ReviewRating;
  percent: number | null;
}

/**
 * The reviews a set of sessions holds, in the order they happened. Cram
 * sessions are not reviews: cramming asks whatever is weakest, whenever, and
 * must never move the schedule (PRODUCT.md; issue 19).
 */
export function reviewsOf(summaries: readonly SessionSummary[]): Review[] {
  const reviews: Review[] = [];
  for (const summary of summaries) {
    if (summary.kind === 'cram') continue;
    for (const result of summary.results) {
      const rating = ratingFor(result);
      if (!rating) continue;
      reviews.push({ key: cardKey(result.topic, result.question, result.phase), topic: result.topic, question: result.question, phase: result.phase, at: result.answeredAt ?? summary.startedAt, rating, percent: percentOfResult(result) });
    }
  }
  return reviews.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}

/** Applies reviews (in time order) to the cards, creating a card on its first review. */
export function applyReviews(cards: Cards, reviews: readonly Review[]): Cards {
  for (const review of reviews) {
    const at = new Date(review.at);
    const existing = cards.get(review.key);
    const card: Card = existing ? existing.card : createEmptyCard<Card>(at);
    const next = fsrsScheduler().next(card, at, RATINGS[review.rating]).card;
    cards.set(review.key, {
      key: review.key,
      topic: review.topic,
      question: review.question,
      phase: review.phase,
      card: next,
      lastRating: review.rating,
      lastPercent: review.percent,
      lastReviewedAt: review.at,
      reviews: (existing?.reviews ?? 0) + 1,
    });
  }
  return cards;
}

export function replay(summaries: readonly SessionSummary[]): Cards {
  return applyReviews(new Map(), reviewsOf(summaries));
}

/**
 * FSRS's predicted probability (0-1) of recalling a card at an instant (epoch
 * ms), from ts-fsrs's forgetting curve: the plan asks it of the interview day.
 */
export function retrievabilityAt(card: Card, atMs: number): number {
  return fsrsScheduler().get_retrievability(card, new Date(atMs), false);
}

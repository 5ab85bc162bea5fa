import type { QuestionResult } from '../session/summaries.js';

/**
 * The one mapping from a graded answer to an FSRS rating (PRODUCT.md "Spaced
 * repetition"): skipped or under 40% Again, under 70% Hard, under 90% Good,
 * else Easy; a choice question is Good when right and Again when wrong.
 * Ungraded and pending answers are not reviews.
 */
export type ReviewRating = 'again' | 'hard' | 'good' | 'easy';

export function ratingFor(result: Pick<QuestionResult, 'type' | 'status' | 'headline'>): ReviewRating | null {
  if (result.status === 'skipped') return 'again';
  const { headline } = result;
  if (!headline || headline.possible <= 0) return null;
  if (result.type === 'choice') return headline.earned >= headline.possible ? 'good' : 'again';
  const percent = (100 * headline.earned) / headline.possible;
  if (percent < 40) return 'again';
  if (percent < 70) return 'hard';
  if (percent < 90) return 'good';
  return 'easy';
}

export function percentOfResult(result: Pick<QuestionResult, 'status' | 'headline'>): number | null {
  if (result.status === 'skipped') return 0;
  return result.headline && result.headline.possible > 0 ? Math.round((100 * result.headline.earned) / result.headline.possible) : null;
}

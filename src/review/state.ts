import type { Card } from 'ts-fsrs';
import type { SessionStore } from '../session/store.js';
import type { SessionSummary } from '../session/summaries.js';
import { readCachedCards, readCacheState, writeCachedCards, type StoredCard } from '../storage/reviewCache.js';
import type { Storage } from '../storage/database.js';
import { applyReviews, replay, reviewsOf, type Cards, type CardState } from './schedule.js';

/** What the schedule is replayed from: sessions by id with a revision that changes with every write. */
export interface ScheduleSource {
  /** [id, revision] of every session, oldest first. */
  revisions(): [id: string, revision: string][];
  /** Summaries with results, oldest first: every session, or only those after the id `after`. */
  summaries(after?: string): SessionSummary[];
}

/** The schedule of the sessions in `store`, through the database's cache. */
export function scheduleOf(store: SessionStore): Cards {
  return loadSchedule({ revisions: () => store.revisions(), summaries: (after) => store.summaries({ after }) }, store.db);
}

/**
 * The replayed schedule, cached in the database (`review_cards`,
 * `review_applied`) so a long history is not replayed on every command. The
 * cache records which session revisions it has applied; sessions added after
 * them are applied incrementally, and anything else (a regrade, a deleted or
 * reimported session, reviews dated before the cache's last one) means a full
 * replay. On a read-only database the schedule is computed and not stored.
 */
export function loadSchedule(source: ScheduleSource, cache: Storage): Cards {
  const current = source.revisions();
  const cached = readCacheState(cache);
  const prefix = cached.applied.length <= current.length && cached.applied.every(([id, revision], index) => current[index]![0] === id && current[index]![1] === revision);
  if (prefix && cached.applied.length > 0) {
    const lastApplied = cached.applied.at(-1)![0];
    if (cached.applied.length === current.length) return deserialize(readCachedCards(cache));
    const fresh = reviewsOf(source.summaries(lastApplied));
    if (fresh.length === 0 || cached.lastReviewAt === null || fresh[0]!.at >= cached.lastReviewAt) {
      const cards = applyReviews(deserialize(readCachedCards(cache)), fresh);
      const changed = new Set(fresh.map((review) => review.key));
      store(cache, cards, current, fresh.at(-1)?.at ?? cached.lastReviewAt, { from: cached.applied.length, keys: changed });
      return cards;
    }
  }
  const summaries = source.summaries();
  const cards = replay(summaries);
  store(cache, cards, current, reviewsOf(summaries).at(-1)?.at ?? null, null);
  return cards;
}

function store(cache: Storage, cards: Cards, applied: [string, string][], lastReviewAt: string | null, incremental: { from: number; keys: Set<string> } | null): void {
  if (cache.readOnly) return;
  const changed = incremental ? [...cards.values()].filter((state) => incremental.keys.has(state.key)) : [...cards.values()];
  writeCachedCards(cache, changed.map(serialize), applied, lastReviewAt, incremental?.from ?? null);
}

function serialize(state: CardState): StoredCard {
  return { key: state.key, state: JSON.stringify({ ...state, card: { ...state.card, due: state.card.due.toISOString(), last_review: state.card.last_review ? state.card.last_review.toISOString() : null } }) };
}

function deserialize(stored: readonly StoredCard[]): Cards {
  return new Map(
    stored.map(({ key, state }) => {
      const entry = JSON.parse(state) as CardState & { card: { due: string; last_review: string | null } };
      return [key, { ...entry, card: { ...entry.card, due: new Date(entry.card.due), last_review: entry.card.last_review ? new Date(entry.card.last_review) : undefined } as Card }];
    }),
  );
}

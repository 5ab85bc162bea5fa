import type { Storage } from './database.js';

/** One cached review card: its key and its state as JSON (src/review/state.ts owns the shape). */
export interface StoredCard {
  key: string;
  state: string;
}

const LAST_REVIEW_KEY = 'review-last-at';

/** Which [session id, revision] pairs the cached cards include (in id order), and the time of the last review applied. */
export function readCacheState(storage: Storage): { applied: [string, string][]; lastReviewAt: string | null } {
  return storage.guard(() => {
    const applied = (storage.prepare('SELECT session_id, revision FROM review_applied ORDER BY ordinal').raw().all() as [string, number | string][]).map(([id, revision]): [string, string] => [id, String(revision)]);
    return { applied, lastReviewAt: storage.meta(LAST_REVIEW_KEY) ?? null };
  });
}

export function readCachedCards(storage: Storage): StoredCard[] {
  return storage.guard(() => storage.prepare('SELECT key, state FROM review_cards').all() as StoredCard[]);
}

/**
 * Stores the cache in one transaction. `from` null replaces everything; a
 * number keeps the applied rows before that ordinal and upserts `cards`.
 */
export function writeCachedCards(storage: Storage, cards: readonly StoredCard[], applied: readonly [string, string][], lastReviewAt: string | null, from: number | null): void {
  storage.write(() => {
    if (from === null) {
      storage.prepare('DELETE FROM review_cards').run();
      storage.prepare('DELETE FROM review_applied').run();
    } else {
      storage.prepare('DELETE FROM review_applied WHERE ordinal >= ?').run(from);
    }
    const card = storage.prepare('INSERT INTO review_cards (key, state) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET state = excluded.state');
    for (const entry of cards) card.run(entry.key, entry.state);
    const row = storage.prepare('INSERT OR REPLACE INTO review_applied (session_id, revision, ordinal) VALUES (?, ?, ?)');
    for (let ordinal = from ?? 0; ordinal < applied.length; ordinal += 1) row.run(applied[ordinal]![0], applied[ordinal]![1], ordinal);
    if (lastReviewAt === null) storage.prepare('DELETE FROM meta WHERE key = ?').run(LAST_REVIEW_KEY);
    else storage.setMeta(LAST_REVIEW_KEY, lastReviewAt);
  });
}

import { mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Card } from 'ts-fsrs';
import { writeFileAtomic } from '../session/store.js';
import type { SessionSummary } from '../session/summaries.js';
import { applyReviews, replay, reviewsOf, type Cards, type CardState } from './schedule.js';

/**
 * A cache of the replayed schedule, so a long history is not replayed on every
 * command. It records which sessions (by id and file fingerprint) it has
 * applied; new sessions that come after it are applied incrementally, and
 * anything else (a regrade, a deleted session, a damaged or missing file)
 * means a full replay. Deleting it is always safe.
 */
const STATE_VERSION = 1;

interface StateFile {
  schemaVersion: number;
  applied: [id: string, fingerprint: string][];
  lastReviewAt: string | null;
  cards: (Omit<CardState, 'card'> & { card: Omit<Card, 'due' | 'last_review'> & { due: string; last_review: string | null } })[];
}

export function loadSchedule(summaries: readonly SessionSummary[], path: string): Cards {
  const current = summaries.map((summary): [string, string] => [summary.id, summary.fingerprint ?? '']);
  const cached = readState(path);
  let cards: Cards;
  let lastReviewAt: string | null;
  const prefix = cached && isPrefix(cached.applied, current);
  const fresh = prefix ? reviewsOf(summaries.slice(cached.applied.length)) : [];
  if (cached && prefix && (fresh.length === 0 || cached.lastReviewAt === null || fresh[0]!.at >= cached.lastReviewAt)) {
    if (fresh.length === 0 && cached.applied.length === current.length) return deserialize(cached);
    cards = applyReviews(deserialize(cached), fresh);
    lastReviewAt = fresh.at(-1)?.at ?? cached.lastReviewAt;
  } else {
    cards = replay(summaries);
    lastReviewAt = reviewsOf(summaries).at(-1)?.at ?? null;
  }
  mkdirSync(dirname(path), { recursive: true });
  writeFileAtomic(path, JSON.stringify(serialize(cards, current, lastReviewAt)));
  return cards;
}

function isPrefix(applied: readonly [string, string][], current: readonly [string, string][]): boolean {
  return applied.length <= current.length && applied.every(([id, fingerprint], index) => current[index]![0] === id && current[index]![1] === fingerprint);
}

function readState(path: string): StateFile | undefined {
  try {
    const state = JSON.parse(readFileSync(path, 'utf8')) as StateFile;
    return state.schemaVersion === STATE_VERSION && Array.isArray(state.applied) && Array.isArray(state.cards) ? state : undefined;
  } catch (error) {
    // Missing or damaged: the schedule is simply replayed from history.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || error instanceof SyntaxError) return undefined;
    throw error;
  }
}

function serialize(cards: Cards, applied: [string, string][], lastReviewAt: string | null): StateFile {
  return {
    schemaVersion: STATE_VERSION,
    applied,
    lastReviewAt,
    cards: [...cards.values()].map((state) => ({ ...state, card: { ...state.card, due: state.card.due.toISOString(), last_review: state.card.last_review ? state.card.last_review.toISOString() : null } })),
  };
}

function deserialize(state: StateFile): Cards {
  return new Map(
    state.cards.map((entry) => [entry.key, { ...entry, card: { ...entry.card, due: new Date(entry.card.due), last_review: entry.card.last_review ? new Date(entry.card.last_review) : undefined } as Card }]),
  );
}

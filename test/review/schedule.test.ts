import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { dueCards, liveCardKeys, mastery } from '../../src/review/due.js';
import { dayStartMs, studyDayOf } from '../../src/review/day.js';
import { ratingFor } from '../../src/review/rating.js';
import { cardKey, replay } from '../../src/review/schedule.js';
import { loadSchedule } from '../../src/review/state.js';
import { openStorage } from '../../src/storage/database.js';
import type { QuestionResult, SessionSummary } from '../../src/session/summaries.js';
import { choice, short, topic } from '../helpers/topics.js';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 0, 5, 9); // a Monday morning

function result(question: string, percent: number | 'skipped', at: number, type: QuestionResult['type'] = 'short', topicId = 'caching'): QuestionResult {
  const skipped = percent === 'skipped';
  return {
    topic: topicId,
    question,
    phase: null,
    type,
    status: skipped ? 'skipped' : 'answered',
    answeredAt: new Date(at).toISOString(),
    headline: skipped ? { by: 'auto', earned: 0, possible: 10, criteria: [] } : { by: 'self', earned: percent / 10, possible: 10, criteria: [] },
    self: null,
    model: null,
  };
}

function session(id: string, results: QuestionResult[], fingerprint = id): SessionSummary {
  const startedAt = results[0]?.answeredAt ?? new Date(T0).toISOString();
  return { id, kind: 'quiz', status: 'finished', startedAt, finishedAt: startedAt, topics: ['caching'], questions: results.length, answered: results.length, score: { earned: 0, possible: 0, percent: null }, verdict: null, pending: 0, results, fingerprint };
}

const TOPICS = [topic('caching', [short('q1'), short('q2'), short('q3'), choice('c1', [0])])];
const LIVE = liveCardKeys(TOPICS);
const dueAt = (summaries: SessionSummary[], key: string) => replay(summaries).get(key)!.card.due.getTime();

describe('ratings (one mapping, PRODUCT.md thresholds)', () => {
  test.each([
    ['skipped', 'again'], [0, 'again'], [39, 'again'], [40, 'hard'], [69, 'hard'], [70, 'good'], [89, 'good'], [90, 'easy'], [100, 'easy'],
  ] as const)('%s%% -> %s', (percent, rating) => {
    expect(ratingFor(result('q1', percent, T0))).toBe(rating);
  });
  test('choice: right is Good, wrong is Again', () => {
    expect(ratingFor(result('c1', 100, T0, 'choice'))).toBe('good');
    expect(ratingFor(result('c1', 0, T0, 'choice'))).toBe('again');
  });
  test('pending answers are not reviews', () => {
    expect(ratingFor({ type: 'short', status: 'answered', headline: null })).toBeNull();
  });
});

describe('scheduling on a fake clock', () => {
  test('a failed question is due within a day', () => {
    const due = dueAt([session('s1', [result('q1', 10, T0)])], 'caching/q1');
    expect(due - T0).toBeGreaterThan(0);
    expect(due - T0).toBeLessThanOrEqual(DAY);
  });

  test("a perfect answer's next due date is days away and grows with repeated successes", () => {
    const gaps: number[] = [];
    let at = T0;
    const history: SessionSummary[] = [];
    for (let n = 0; n < 4; n += 1) {
      history.push(session(`s${n}`, [result('q1', 100, at)]));
      const due = dueAt(history, 'caching/q1');
      gaps.push(due - at);
      at = due;
    }
    expect(gaps[0]).toBeGreaterThanOrEqual(3 * DAY);
    for (let index = 1; index < gaps.length; index += 1) expect(gaps[index]).toBeGreaterThan(gaps[index - 1]!);
  });

  test('what is due comes weakest first, then most overdue; not-yet-due cards stay out', () => {
    const history = [session('s1', [result('q1', 60, T0), result('q2', 20, T0), result('q3', 100, T0), result('c1', 100, T0, 'choice')])];
    const now = T0 + 3 * DAY;
    const due = dueCards(replay(history), LIVE, { nowMs: now, topics: [], again: false, dayStartsAt: 240 });
    expect(due.map((card) => card.question)).toEqual(['q2', 'q1', 'c1']);
    expect(due[0]!.overdueDays).toBe(2);
  });

  test('same-day rule: rated Again or Hard today is not asked again today, unless --again', () => {
    const now = dayStartMs(studyDayOf(T0 + 10 * DAY, 0), 0) + 15 * 3_600_000;
    const history = [session('s1', [result('q1', 100, T0)]), session('s2', [result('q1', 10, now - 3_600_000), result('q2', 50, now - 3_600_000)])];
    const cards = replay(history);
    // Pretend they are already due again (a long day): the rule, not the interval, must keep them out.
    for (const card of cards.values()) card.card.due = new Date(now - 60_000);
    expect(dueCards(cards, LIVE, { nowMs: now, topics: [], again: false, dayStartsAt: 240 })).toEqual([]);
    expect(dueCards(cards, LIVE, { nowMs: now, topics: [], again: true, dayStartsAt: 240 }).map((card) => card.question).sort()).toEqual(['q1', 'q2']);
  });

  test('renaming a question\'s text keeps its card; removing the question retires it', () => {
    const history = [session('s1', [result('q1', 20, T0), result('gone', 20, T0)])];
    const renamed = [topic('caching', [short('q1', [3, 2], { prompt: 'Entirely new wording?' })])];
    const due = dueCards(replay(history), liveCardKeys(renamed), { nowMs: T0 + 5 * DAY, topics: [], again: false, dayStartsAt: 240 });
    expect(due.map((card) => card.key)).toEqual([cardKey('caching', 'q1', null)]);
  });

  test('mastery: share of a topic\'s questions whose last grade is at least 80%', () => {
    const cards = replay([session('s1', [result('q1', 90, T0), result('q2', 80, T0), result('q3', 70, T0)])]);
    expect(mastery(TOPICS[0]!, cards)).toBe(50);
  });
});

/** A schedule source over fixed summaries; each summary's fingerprint is its revision. */
function sourceOf(summaries: readonly SessionSummary[]) {
  return {
    revisions: () => summaries.map((summary): [string, string] => [summary.id, summary.fingerprint ?? '']),
    summaries: (after?: string) => summaries.filter((summary) => after === undefined || summary.id > after),
  };
}

describe('the cached schedule equals a replay from history', () => {
  const history = Array.from({ length: 30 }, (_, n) => session(`s${String(n).padStart(2, '0')}`, [result(`q${(n % 3) + 1}`, (n * 37) % 101, T0 + n * DAY), result('c1', n % 2 ? 100 : 0, T0 + n * DAY + 1000, 'choice')]));
  const serial = (cards: ReturnType<typeof replay>) => JSON.stringify([...cards.values()].sort((a, b) => (a.key < b.key ? -1 : 1)));

  test('incremental (cache, then new sessions applied on top) gives the same schedule as a full replay', () => {
    const dir = mkdtempSync(join(tmpdir(), 'review-'));
    const cache = openStorage(dir);
    loadSchedule(sourceOf(history.slice(0, 10)), cache);
    loadSchedule(sourceOf(history.slice(0, 22)), cache);
    const incremental = loadSchedule(sourceOf(history), cache);
    expect(serial(incremental)).toBe(serial(replay(history)));
    rmSync(dir, { recursive: true });
  });

  test('a changed (regraded) session or a lost cache means a full replay, never drift', () => {
    const dir = mkdtempSync(join(tmpdir(), 'review-'));
    const cache = openStorage(dir);
    loadSchedule(sourceOf(history), cache);
    const regraded = history.map((summary, index) => (index === 5 ? session(summary.id, [result('q3', 100, T0 + 5 * DAY)], 'changed') : summary));
    expect(serial(loadSchedule(sourceOf(regraded), cache))).toBe(serial(replay(regraded)));
    cache.db.exec('DELETE FROM review_cards; DELETE FROM review_applied');
    expect(serial(loadSchedule(sourceOf(regraded), cache))).toBe(serial(replay(regraded)));
    const older = history.slice(0, 10).concat(history.slice(11));
    expect(serial(loadSchedule(sourceOf(older), cache))).toBe(serial(replay(older)));
    cache.close();
    rmSync(dir, { recursive: true });
  });
});

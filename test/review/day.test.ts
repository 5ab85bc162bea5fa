// Local days are the process's time zone: this file runs in New York, whose
// clocks jump forward on 2026-03-08 (02:00 EST -> 03:00 EDT) and back on
// 2026-11-01 (02:00 EDT -> 01:00 EST). Node re-reads TZ when it is assigned.
process.env.TZ = 'America/New_York';

import { describe, expect, test } from 'vitest';
import { addDays, dayStartMs, daysBetween, dueDayOf, formatDay, parseDay, parseDayStart, studyDayOf } from '../../src/review/day.js';
import { dueCards, liveCardKeys, nextDue } from '../../src/review/due.js';
import { replay } from '../../src/review/schedule.js';
import { result, session } from '../helpers/history.js';
import { short, topic } from '../helpers/topics.js';

const HOUR = 3_600_000;
const FOUR = 4 * 60;
const LIVE = liveCardKeys([topic('caching', [short('q1'), short('q2')])]);
/** An instant given as New York wall-clock time, checked against its UTC offset so the test cannot pass by accident. */
function ny(iso: string, offsetHours: number): number {
  const ms = Date.parse(`${iso}${offsetHours < 0 ? '-' : '+'}${String(Math.abs(offsetHours)).padStart(2, '0')}:00`);
  expect(new Date(ms).getTimezoneOffset()).toBe(-offsetHours * 60);
  return ms;
}
const due = (cards: ReturnType<typeof replay>, nowMs: number, again = false) => dueCards(cards, LIVE, { nowMs, topics: [], again, dayStartsAt: FOUR }).map((card) => card.question);

describe('the study day (04:00 local by default)', () => {
  test('the process really is in New York', () => {
    expect(new Date(Date.UTC(2026, 6, 1, 12)).getTimezoneOffset()).toBe(240);
    expect(new Date(Date.UTC(2026, 0, 1, 12)).getTimezoneOffset()).toBe(300);
  });

  test('before 04:00 it is still the previous day; days are 23 and 25 hours long across the changes', () => {
    expect(formatDay(studyDayOf(ny('2026-03-08T03:30:00', -4), FOUR))).toBe('2026-03-07');
    expect(formatDay(studyDayOf(ny('2026-03-08T04:00:00', -4), FOUR))).toBe('2026-03-08');
    expect(formatDay(studyDayOf(ny('2026-11-01T01:30:00', -5), FOUR))).toBe('2026-10-31'); // the second 01:30
    expect(formatDay(studyDayOf(ny('2026-11-01T01:30:00', -4), FOUR))).toBe('2026-10-31'); // the first 01:30
    const length = (iso: string) => {
      const day = parseDay(iso)!;
      return (dayStartMs(addDays(day, 1), FOUR) - dayStartMs(day, FOUR)) / HOUR;
    };
    expect(length('2026-03-07')).toBe(23);
    expect(length('2026-03-08')).toBe(24);
    expect(length('2026-10-31')).toBe(25);
    expect(length('2026-11-01')).toBe(24);
  });

  test('a card failed on Tuesday at 23:50 is due from 04:00 on Wednesday, not at 23:50', () => {
    const failed = ny('2026-01-06T23:50:00', -5);
    const cards = replay([session('s1', [result('q1', 10, failed)])]);
    expect(due(cards, ny('2026-01-07T02:00:00', -5))).toEqual([]); // still Tuesday's day
    expect(due(cards, ny('2026-01-07T04:00:00', -5))).toEqual(['q1']);
    expect(due(cards, ny('2026-01-07T09:00:00', -5))).toEqual(['q1']);
  });

  test('failed on Saturday 7 March at 23:30, the night the clocks jump: due all of Sunday', () => {
    const failed = ny('2026-03-07T23:30:00', -5);
    const cards = replay([session('s1', [result('q1', 10, failed)])]);
    // FSRS alone says 24 h later: Monday 00:30 EDT, so never due on Sunday.
    expect(cards.get('caching/q1')!.card.due.getTime()).toBe(ny('2026-03-09T00:30:00', -4));
    expect(formatDay(dueDayOf(cards.get('caching/q1')!.card, FOUR))).toBe('2026-03-08');
    expect(due(cards, ny('2026-03-08T03:59:00', -4))).toEqual([]);
    for (const time of ['04:00', '09:00', '23:59']) expect(due(cards, ny(`2026-03-08T${time}:00`, -4))).toEqual(['q1']);
  });

  test('answered at 04:30 the day before the clocks fall back: due on Sunday 1 November from 04:00, not at 03:30 on the same study day', () => {
    const answered = ny('2026-10-31T04:30:00', -4);
    const cards = replay([session('s1', [result('q1', 10, answered)])]);
    // 24 h later is 03:30 EST on Sunday, which is still Saturday's study day.
    expect(cards.get('caching/q1')!.card.due.getTime()).toBe(ny('2026-11-01T03:30:00', -5));
    expect(due(cards, ny('2026-11-01T03:45:00', -5))).toEqual([]);
    expect(due(cards, ny('2026-11-01T04:00:00', -5))).toEqual(['q1']);
    const next = nextDue(cards, LIVE, { nowMs: answered + HOUR, topics: [], dayStartsAt: FOUR })!;
    expect(new Date(next.dueAtMs).toISOString()).toBe(new Date(ny('2026-11-01T04:00:00', -5)).toISOString());
  });

  test('the same-day rule uses the study day: Again at 01:00 is still "today" until 04:00', () => {
    const cards = replay([session('s1', [result('q1', 100, ny('2026-02-01T10:00:00', -5))]), session('s2', [result('q1', 10, ny('2026-02-10T01:00:00', -5))])]);
    cards.get('caching/q1')!.card.scheduled_days = 0; // as if due again at once: the rule alone must hold it back
    expect(due(cards, ny('2026-02-10T03:00:00', -5))).toEqual([]);
    expect(due(cards, ny('2026-02-10T03:00:00', -5), true)).toEqual(['q1']);
    expect(due(cards, ny('2026-02-10T04:00:00', -5))).toEqual(['q1']);
  });

  test('review.dayStartsAt moves the boundary: at 00:00 the 23:50 failure is due from midnight', () => {
    const cards = replay([session('s1', [result('q1', 10, ny('2026-01-06T23:50:00', -5))])]);
    expect(dueCards(cards, LIVE, { nowMs: ny('2026-01-07T00:10:00', -5), topics: [], again: false, dayStartsAt: 0 }).map((card) => card.question)).toEqual(['q1']);
    expect(dueCards(cards, LIVE, { nowMs: ny('2026-01-07T05:59:00', -5), topics: [], again: false, dayStartsAt: 6 * 60 })).toEqual([]);
  });

  test('parsing days and day starts', () => {
    expect(parseDay('2026-02-30')).toBeNull();
    expect(parseDay('2026-12-14')).toEqual({ year: 2026, month: 12, day: 14 });
    expect(parseDay('14/12/2026')).toBeNull();
    expect(parseDayStart('04:00')).toBe(240);
    expect(parseDayStart('23:59')).toBe(1439);
    expect(parseDayStart('24:00')).toBeNull();
    expect(daysBetween(parseDay('2026-03-01')!, parseDay('2026-03-15')!)).toBe(14);
  });
});

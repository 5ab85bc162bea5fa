/**
 * The one definition of a study day, used by the plan, `review --list`, the
 * same-day rule and the due dates shown anywhere. A study day is a local
 * calendar date that starts at `dayStartsAt` (minutes after local midnight;
 * 04:00 by default, as in Anki, so a late-night session still counts as the
 * evening's day) and ends where the next one starts. "Local" is the process's
 * time zone (TZ), so days are 23 or 25 hours long across a DST change and a
 * card due "in N days" is due from the start of the Nth local day, never at the
 * clock time it was answered.
 */
export interface StudyDay {
  year: number;
  /** 1-12 */
  month: number;
  /** 1-31 */
  day: number;
}

/** 04:00, in minutes after local midnight. */
export const DEFAULT_DAY_START_MINUTES = 4 * 60;

/** `HH:MM` (24-hour) to minutes after midnight; null when it is not a valid time of day. */
export function parseDayStart(text: string): number | null {
  const match = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(text.trim());
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

export function formatDayStart(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** The study day an instant (epoch ms) belongs to: before `dayStartsAt` local time it is still the previous date's day. */
export function studyDayOf(ms: number, dayStartsAt: number): StudyDay {
  const local = new Date(ms);
  const date = { year: local.getFullYear(), month: local.getMonth() + 1, day: local.getDate() };
  return ms >= dayStartMs(date, dayStartsAt) ? date : addDays(date, -1);
}

/**
 * The instant (epoch ms) a study day starts: `dayStartsAt` on its date, local
 * time. A start inside a DST gap (e.g. 02:30 on a spring-forward night) moves
 * forward to the first valid time, as JavaScript's Date does.
 */
export function dayStartMs(date: StudyDay, dayStartsAt: number): number {
  return new Date(date.year, date.month - 1, date.day, Math.floor(dayStartsAt / 60), dayStartsAt % 60, 0, 0).getTime();
}

/** The date `n` days later (or earlier): calendar arithmetic, independent of time zones. */
export function addDays(date: StudyDay, n: number): StudyDay {
  const utc = new Date(Date.UTC(date.year, date.month - 1, date.day + n));
  return { year: utc.getUTCFullYear(), month: utc.getUTCMonth() + 1, day: utc.getUTCDate() };
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: StudyDay, to: StudyDay): number {
  return Math.round((Date.UTC(to.year, to.month - 1, to.day) - Date.UTC(from.year, from.month - 1, from.day)) / 86_400_000);
}

/** `YYYY-MM-DD` */
export function formatDay(date: StudyDay): string {
  return `${date.year}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
}

/** `YYYY-MM-DD` to a study day; null when it is not a real calendar date (2026-02-30). */
export function parseDay(text: string): StudyDay | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!match) return null;
  const date = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  return formatDay(addDays(date, 0)) === formatDay(date) ? date : null;
}

/** `Mon 30 Nov` */
export function describeDay(date: StudyDay): string {
  const utc = new Date(Date.UTC(date.year, date.month - 1, date.day));
  const weekday = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][utc.getUTCDay()]!;
  const month = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][date.month - 1]!;
  return `${weekday} ${date.day} ${month}`;
}

/**
 * The study day a card becomes due: the day of its last review plus the
 * interval FSRS chose, in whole study days. (FSRS's own `due` is the review
 * instant plus N×24 h, which lands at the answer's clock time, an hour off
 * across a DST change, or in the wrong study day.)
 */
export function dueDayOf(card: { last_review?: Date | undefined; scheduled_days: number; due: Date }, dayStartsAt: number): StudyDay {
  if (!card.last_review) return studyDayOf(card.due.getTime(), dayStartsAt);
  return addDays(studyDayOf(card.last_review.getTime(), dayStartsAt), Math.max(0, Math.round(card.scheduled_days)));
}

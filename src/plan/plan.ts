import { addDays, dayStartMs, daysBetween, describeDay, dueDayOf, formatDay, formatDayStart, studyDayOf, type StudyDay } from '../review/day.js';
import { cardKey, type Cards } from '../review/schedule.js';
import { attempted, byDifficulty, candidatesOf, dueIn, recallOn, topicsByWeakness, type Candidate, type PlanTopic } from './candidates.js';

/**
 * The study plan toward an interview day: pure (no I/O, no clock), recomputed
 * from the replayed schedule every time it is asked for, so it is never stale.
 *
 * Each day from today to the day before the interview gets `minutesPerDay`
 * (today: less what was already done today). Items are placed in this order,
 * each on the first day with time left (`used < budget`, so a day overruns by
 * at most one item):
 *  1. due: FSRS cards due on or before a day, on that day or the next with room;
 *     overdue first, weakest first (the schedule is the backbone);
 *  2. mock: design questions as timed mock interviews, every MOCK_SPACING days
 *     counting back from two days before the interview (never later; not
 *     today unless no other day is), on that day or the nearest earlier one
 *     with room; never-practised design questions and weak topics first;
 *  3. retention: cards not due before the day whose predicted recall on the day
 *     falls below the target, as late as possible (the later the review, the
 *     fresher on the day);
 *  4. new: one never-practised question of each never-practised topic, early,
 *     so every area is seen at least once and can come back for review;
 *  5. weak: answered questions whose last score was under 70% (Again or Hard),
 *     lowest first; then more new questions, weakest topics first.
 */
export interface PlanInput {
  nowMs: number;
  /** The interview day; must be after today. */
  until: StudyDay;
  minutesPerDay: number;
  /** Target recall on the interview day, 0-1 (exclusive). */
  retention: number;
  /** When a study day starts, minutes after local midnight (day.ts). */
  dayStartsAt: number;
  topics: readonly PlanTopic[];
  /** The replayed FSRS schedule (cram sessions excluded). */
  cards: Cards;
  /** Minutes of questions already answered today (their `minutes`), taken off today's budget. */
  minutesDoneToday: number;
}

export type PlanItemKind = 'due' | 'mock' | 'retention' | 'new' | 'weak';

export interface PlanItem {
  kind: PlanItemKind;
  topic: string;
  question: string;
  type: 'choice' | 'short' | 'design';
  minutes: number;
  lastScore: number | null;
  /** `YYYY-MM-DD` the card is due (due items), else null. */
  dueDate: string | null;
  /** Predicted recall on the interview day, 0-1, rounded to 0.01 (cards with history), else null. */
  recallOnDay: number | null;
  /** One line on why it is there. */
  why: string;
}

export interface PlanDay {
  date: string;
  label: string;
  today: boolean;
  budgetMinutes: number;
  minutes: number;
  items: PlanItem[];
}

export interface Plan {
  today: string;
  until: string;
  daysLeft: number;
  minutesPerDay: number;
  retention: number;
  dayStartsAt: string;
  minutesDoneToday: number;
  days: PlanDay[];
  /** What did not fit before the interview day (more minutes would fit it). */
  unscheduled: PlanItem[];
}

/** Days between mock interviews, counted back from the last one. */
export const MOCK_SPACING = 4;
/** The last mock is at least this many days before the interview. */
export const MOCK_LEAD_DAYS = 2;
const WEAK_BELOW = 70;

/** Builds the plan. Throws RangeError when the interview day is not after today (commands check first). */
export function buildPlan(input: PlanInput): Plan {
  const today = studyDayOf(input.nowMs, input.dayStartsAt);
  const daysLeft = daysBetween(today, input.until);
  if (daysLeft < 1) throw new RangeError(`the interview day ${formatDay(input.until)} is not after today ${formatDay(today)}`);
  const dayMs = dayStartMs(input.until, input.dayStartsAt);
  const candidates = candidatesOf(input.topics, input.cards);
  const budgets = Array.from({ length: daysLeft }, (_, index) => (index === 0 ? Math.max(0, input.minutesPerDay - input.minutesDoneToday) : input.minutesPerDay));
  const days: PlanItem[][] = budgets.map(() => []);
  const used = budgets.map(() => 0);
  const planned = new Set<string>();
  const unscheduled: PlanItem[] = [];
  const keyOf = (candidate: Candidate) => cardKey(candidate.topic, candidate.question.id, null);
  const hasRoom = (day: number) => used[day]! < budgets[day]!;
  const put = (day: number, candidate: Candidate, item: PlanItem) => {
    days[day]!.push(item);
    used[day]! += item.minutes;
    planned.add(keyOf(candidate));
  };
  const placeForward = (from: number, candidate: Candidate, item: PlanItem): boolean => {
    for (let day = Math.max(0, from); day < daysLeft; day += 1) if (hasRoom(day)) return (put(day, candidate, item), true);
    return false;
  };
  const placeBackward = (from: number, candidate: Candidate, item: PlanItem): boolean => {
    for (let day = Math.min(from, daysLeft - 1); day >= 0; day -= 1) if (hasRoom(day)) return (put(day, candidate, item), true);
    return false;
  };
  const itemOf = (candidate: Candidate, kind: PlanItemKind, why: string): PlanItem => ({
    kind,
    topic: candidate.topic,
    question: candidate.question.id,
    type: candidate.question.type,
    minutes: candidate.question.minutes,
    lastScore: candidate.lastScore,
    dueDate: kind === 'due' && candidate.state ? formatDay(dueDayOf(candidate.state.card, input.dayStartsAt)) : null,
    recallOnDay: candidate.state ? Math.round(100 * recallOn(candidate.state, dayMs)) / 100 : null,
    why,
  });

  // 1. Due cards, by due day, then weakest first.
  const quizCards = candidates.filter((candidate) => candidate.state !== null);
  const due = quizCards
    .map((candidate) => ({ candidate, dueIn: dueIn(candidate.state!, today, input.dayStartsAt) }))
    .filter((entry) => entry.dueIn < daysLeft)
    .sort((a, b) => Math.max(0, a.dueIn) - Math.max(0, b.dueIn) || (a.candidate.lastScore ?? 101) - (b.candidate.lastScore ?? 101) || (keyOf(a.candidate) < keyOf(b.candidate) ? -1 : 1));
  for (const { candidate, dueIn: inDays } of due) {
    const dueDay = describeDay(addDays(today, inDays));
    const item = itemOf(candidate, 'due', inDays < 0 ? `review: due since ${dueDay}` : `review: due ${inDays === 0 ? 'today' : dueDay}`);
    if (!placeForward(inDays, candidate, item)) unscheduled.push(item);
  }

  // 2. Mock interviews, spaced, the last at least MOCK_LEAD_DAYS before the day.
  const order = topicsByWeakness(input.topics, candidates);
  // A design question with an interview phase due before the day comes first (its review is a mock), then never-practised ones.
  const phaseDue = (candidate: Candidate) =>
    (candidate.question.phases ?? []).some((phase) => {
      const state = input.cards.get(cardKey(candidate.topic, candidate.question.id, phase.id));
      return state !== undefined && dueIn(state, today, input.dayStartsAt) < daysLeft;
    });
  const designs = candidates
    .filter((candidate) => candidate.question.type === 'design')
    .sort((a, b) => Number(phaseDue(b)) - Number(phaseDue(a)) || Number(attempted(a, input.cards)) - Number(attempted(b, input.cards)) || order.indexOf(a.topic) - order.indexOf(b.topic) || (a.lastScore ?? -1) - (b.lastScore ?? -1));
  // Not today when a later day is possible: a mock is worth more after some practice.
  const mockDays: number[] = [];
  const firstMockDay = daysLeft - MOCK_LEAD_DAYS >= 1 ? 1 : 0;
  for (let day = daysLeft - MOCK_LEAD_DAYS; day >= firstMockDay && mockDays.length < designs.length; day -= MOCK_SPACING) mockDays.unshift(day);
  mockDays.forEach((day, index) => {
    const candidate = designs[index]!;
    const history = phaseDue(candidate) ? ' (its phases are due for review)' : attempted(candidate, input.cards) ? ` (last ${candidate.lastScore ?? '-'}%)` : ', never practised';
    const item = itemOf(candidate, 'mock', `mock interview${history}: coach interview ${candidate.question.id}`);
    if (!placeBackward(day, candidate, item)) unscheduled.push(item);
  });

  // 3. Cards that would fall below the retention target by the day, as late as possible.
  const fading = quizCards
    .filter((candidate) => !planned.has(keyOf(candidate)) && dueIn(candidate.state!, today, input.dayStartsAt) >= daysLeft)
    .map((candidate) => ({ candidate, recall: recallOn(candidate.state!, dayMs) }))
    .filter((entry) => entry.recall < input.retention)
    .sort((a, b) => a.recall - b.recall || (keyOf(a.candidate) < keyOf(b.candidate) ? -1 : 1));
  for (const { candidate, recall } of fading) {
    const item = itemOf(candidate, 'retention', `refresh: recall on the day would be ${Math.round(100 * recall)}% (target ${Math.round(100 * input.retention)}%)`);
    if (!placeBackward(daysLeft - 1, candidate, item)) unscheduled.push(item);
  }

  // 4. Every never-practised topic once, early.
  const fresh = candidates.filter((candidate) => candidate.question.type !== 'design' && !attempted(candidate, input.cards));
  for (const topic of order) {
    if (candidates.some((candidate) => candidate.topic === topic && attempted(candidate, input.cards)) || days.flat().some((item) => item.topic === topic && item.type !== 'design')) continue;
    const first = fresh.filter((candidate) => candidate.topic === topic).sort(byDifficulty)[0];
    if (!first) continue;
    const item = itemOf(first, 'new', `first look at ${topic}: never practised`);
    if (!placeForward(0, first, item)) unscheduled.push(item);
  }

  // 5. Weak answers, lowest first; then new questions round-robin over topics, weakest topics first.
  const weak = quizCards.filter((candidate) => !planned.has(keyOf(candidate)) && (candidate.lastScore ?? 0) < WEAK_BELOW).sort((a, b) => (a.lastScore ?? 0) - (b.lastScore ?? 0) || (keyOf(a) < keyOf(b) ? -1 : 1));
  for (const candidate of weak) if (!placeForward(0, candidate, itemOf(candidate, 'weak', `weak: last score ${candidate.lastScore ?? 0}%`))) break;
  const queues = order.map((topic) => fresh.filter((candidate) => candidate.topic === topic && !planned.has(keyOf(candidate))).sort(byDifficulty));
  for (let round = 0; queues.some((queue) => queue.length > round); round += 1) {
    for (const queue of queues) {
      const candidate = queue[round];
      if (candidate && !placeForward(0, candidate, itemOf(candidate, 'new', `new question (weakest topics first)`))) round = Number.POSITIVE_INFINITY;
    }
  }

  const kindOrder: PlanItemKind[] = ['due', 'retention', 'mock', 'new', 'weak'];
  return {
    today: formatDay(today),
    until: formatDay(input.until),
    daysLeft,
    minutesPerDay: input.minutesPerDay,
    retention: input.retention,
    dayStartsAt: formatDayStart(input.dayStartsAt),
    minutesDoneToday: input.minutesDoneToday,
    days: days.map((items, index) => {
      const date = addDays(today, index);
      return { date: formatDay(date), label: describeDay(date), today: index === 0, budgetMinutes: budgets[index]!, minutes: used[index]!, items: [...items].sort((a, b) => kindOrder.indexOf(a.kind) - kindOrder.indexOf(b.kind)) };
    }),
    unscheduled,
  };
}

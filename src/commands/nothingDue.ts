import type { Context } from '../context.js';
import { ExitCode } from '../errors.js';
import { liveCardKeys, nextDue, type TopicShape } from '../review/due.js';
import { describeDay } from '../review/day.js';
import type { Cards } from '../review/schedule.js';
import { dayStartsAt } from './studyDay.js';
import { wrapText } from '../text/layout.js';
import { outputWidth } from '../ui/width.js';

/** The next card to come due, as `coach review` names it when nothing is due now. */
export interface NextReview {
  topic: string;
  question: string;
  phase: string | null;
  /** ISO instant: the start of its due study day. */
  dueAt: string;
  /** e.g. `Tue 1 Dec at 04:00` (local). */
  when: string;
}

export function nextReview(topics: readonly TopicShape[], only: readonly string[], cards: Cards, ctx: Pick<Context, 'clock' | 'paths'>): NextReview | null {
  const startsAt = dayStartsAt(ctx);
  const next = nextDue(cards, liveCardKeys(topics), { nowMs: ctx.clock.now(), topics: only, dayStartsAt: startsAt });
  if (!next) return null;
  const at = new Date(next.dueAtMs);
  const when = `${describeDay(next.dueDay)} at ${String(at.getHours()).padStart(2, '0')}:${String(at.getMinutes()).padStart(2, '0')}`;
  return { topic: next.state.topic, question: next.state.question, phase: next.state.phase, dueAt: at.toISOString(), when };
}

export function describeNext(next: NextReview): string {
  return `The next review is due ${next.when} (${next.topic}/${next.question}${next.phase ? `#${next.phase}` : ''}).`;
}

/**
 * Nothing due: say when the next review is, and offer cramming (which never
 * moves the schedule). On a terminal the candidate chooses; a scripted run only
 * says so.
 */
export async function offerCram(next: NextReview | null, options: { topics: string[]; limit?: string; answers?: string }, ctx: Context): Promise<ExitCode> {
  if (ctx.json) {
    ctx.stdout.write(`${JSON.stringify({ due: [], next: next && { topic: next.topic, question: next.question, phase: next.phase, dueAt: next.dueAt } })}\n`);
    return ExitCode.ok;
  }
  const lines = (text: string) => `${wrapText(text, outputWidth(ctx)).join('\n')}\n`;
  ctx.stdout.write(lines(`Nothing to review right now.${next ? ` ${describeNext(next)}` : ''}`));
  if (options.answers || !ctx.interactive) {
    ctx.stdout.write(lines('coach cram asks your weakest questions meanwhile, without changing the schedule.'));
    return ExitCode.ok;
  }
  const [{ createPrompter, isInterrupt }, { cramCommand }] = await Promise.all([import('../ui/prompter.js'), import('./cram.js')]);
  const ask = await createPrompter(ctx);
  let cram: boolean;
  try {
    cram = await ask.pick('Cram your weakest questions instead? (the review schedule stays as it is)', [
      { name: 'Yes, cram now', value: true },
      { name: 'No, not now', value: false },
    ]);
  } catch (error) {
    if (isInterrupt(error)) return ExitCode.interrupted;
    throw error;
  }
  return cram ? cramCommand({ topics: options.topics, tag: [], ...(options.limit === undefined ? {} : { limit: options.limit }) }, ctx) : ExitCode.ok;
}

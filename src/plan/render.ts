import type { Plan, PlanItem } from './plan.js';

/** The few styles the text plan uses; identity functions give plain text. */
export interface PlanStyle {
  bold(text: string): string;
  dim(text: string): string;
  cyan(text: string): string;
}

const PLAIN: PlanStyle = { bold: (text) => text, dim: (text) => text, cyan: (text) => text };

const KIND_LABEL: Record<PlanItem['kind'], string> = { due: 'review', retention: 'refresh', mock: 'mock', new: 'new', weak: 'weak' };

/** The marker in front of today's items in the text plan. */
export const TODAY_MARK = '>';

function itemText(item: PlanItem): string {
  return `${KIND_LABEL[item.kind].padEnd(7)} ${item.topic}/${item.question}  ${item.minutes} min  (${item.why})`;
}

/**
 * The plan as terminal text: one block per day, today's heading says "today"
 * and today's items start with `>` so they stand out without colour.
 */
export function renderPlanText(plan: Plan, style: PlanStyle = PLAIN): string {
  const lines = [style.bold(`Plan to ${plan.until}: ${plan.daysLeft} day${plan.daysLeft === 1 ? '' : 's'} left, ${plan.minutesPerDay} min a day, recall target ${Math.round(plan.retention * 100)}% (days start at ${plan.dayStartsAt})`), ''];
  for (const day of plan.days) {
    const head = `${day.label} (${day.date})${day.today ? ' - today' : ''}  ${day.minutes}/${day.budgetMinutes} min`;
    lines.push(day.today ? style.bold(style.cyan(head)) : style.bold(head));
    if (day.today && day.budgetMinutes === 0) lines.push(`  No time left today: ${plan.minutesDoneToday} min already done (of ${plan.minutesPerDay}). Rest, or coach cram for extra practice.`);
    else if (day.items.length === 0) lines.push(style.dim('  nothing planned: a free day'));
    for (const item of day.items) lines.push(day.today ? `${TODAY_MARK} ${itemText(item)}` : `  ${itemText(item)}`);
    lines.push('');
  }
  lines.push(style.bold(`${plan.until}: interview day.`));
  if (plan.unscheduled.length > 0) {
    lines.push('', style.bold(`Does not fit before the day (${plan.unscheduled.length}; more --minutes would fit them):`));
    for (const item of plan.unscheduled) lines.push(`  ${itemText(item)}`);
  }
  const today = plan.days[0]!;
  if (today.items.length > 0) lines.push('', style.dim('Start today\'s items (marked >) with: coach today'));
  return `${lines.join('\n')}\n`;
}

/** Text inside Markdown: characters that would start markup are escaped. */
function md(text: string): string {
  return text.replace(/[\\`*_[\]<>#|]/g, (char) => `\\${char}`);
}

/** The plan as Markdown: a heading per day, a list of items, today's heading marked. */
export function renderPlanMarkdown(plan: Plan): string {
  const out = [`# Study plan to ${plan.until}`, '', `${plan.daysLeft} day${plan.daysLeft === 1 ? '' : 's'} left, ${plan.minutesPerDay} minutes a day, recall target ${Math.round(plan.retention * 100)}%.`, ''];
  for (const day of plan.days) {
    out.push(`## ${day.label} (${day.date})${day.today ? ' (today)' : ''}, ${day.minutes} of ${day.budgetMinutes} min`, '');
    if (day.items.length === 0) out.push(day.today && day.budgetMinutes === 0 ? 'No time left today.' : 'Nothing planned.', '');
    else out.push(...day.items.map((item) => `- ${KIND_LABEL[item.kind]}: ${md(`${item.topic}/${item.question}`)}, ${item.minutes} min (${md(item.why)})`), '');
  }
  if (plan.unscheduled.length > 0) {
    out.push('## Does not fit before the day', '', ...plan.unscheduled.map((item) => `- ${KIND_LABEL[item.kind]}: ${md(`${item.topic}/${item.question}`)}, ${item.minutes} min (${md(item.why)})`), '');
  }
  return `${out.join('\n')}`;
}

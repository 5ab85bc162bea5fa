import type { Mark } from '../grading/grade.js';
import { formatDuration, formatPoints } from '../text/format.js';
import { html, type Markup } from './htmlEscape.js';

/**
 * The two inline SVG charts of the HTML report. Heights are in pixels and
 * horizontal geometry in percent of the chart's width, so one drawing fits a
 * phone and a desktop without scaling the text down.
 */
export interface CriterionBar {
  label: string;
  earned: number;
  possible: number;
  mark: Mark;
}

export interface TimeBar {
  label: string;
  seconds: number | null;
  budgetSeconds: number;
  /** A skipped question or phase: without a time it reads "skipped", not "not timed". */
  skipped: boolean;
}

const ROW = 46;
const BAR_Y = 24;
const BAR_HEIGHT = 12;
/** Share of the width the bars may use; the rest holds the value text on the bar's line. */
const CRITERION_TRACK = 0.8;
const TIME_TRACK = 0.72;
const LABEL_CHARS = 44;

export function criterionChart(bars: readonly CriterionBar[]): Markup {
  const earned = bars.reduce((sum, bar) => sum + bar.earned, 0);
  const possible = bars.reduce((sum, bar) => sum + bar.possible, 0);
  const label = bars.length === 0 ? 'Score per criterion: nothing graded yet' : `Score per criterion: ${bars.length} criteria, ${formatPoints(earned)} of ${formatPoints(possible)} points earned`;
  const rows = bars.map((bar, index) => {
    const y = index * ROW;
    const share = bar.possible > 0 ? Math.min(1, bar.earned / bar.possible) : 0;
    return html`<g class="row"><title>${bar.label}: ${formatPoints(bar.earned)} of ${formatPoints(bar.possible)} (${bar.mark})</title>
<text class="label" x="0" y="${y + 16}">${truncate(bar.label, LABEL_CHARS)}</text>
<rect class="track" x="0" y="${y + BAR_Y}" width="${percent(CRITERION_TRACK)}" height="${BAR_HEIGHT}" rx="3"/>
<rect class="bar ${bar.mark}" x="0" y="${y + BAR_Y}" width="${percent(CRITERION_TRACK * share)}" height="${BAR_HEIGHT}" rx="3"/>
<text class="value" x="100%" y="${y + BAR_Y + BAR_HEIGHT - 1}" text-anchor="end">${formatPoints(bar.earned)}/${formatPoints(bar.possible)}</text></g>`;
  });
  return chart('criteria', label, rows);
}

export function timeChart(bars: readonly TimeBar[]): Markup {
  const scale = Math.max(1, ...bars.map((bar) => Math.max(bar.seconds ?? 0, bar.budgetSeconds)));
  const x = (seconds: number) => (TIME_TRACK * seconds) / scale;
  const over = bars.filter((bar) => bar.seconds !== null && bar.seconds > bar.budgetSeconds).length;
  const label = `Time per question against its budget: ${bars.length} timed items${over > 0 ? `, ${over} over budget` : ', none over budget'}`;
  const rows = bars.map((bar, index) => {
    const y = index * ROW;
    const barY = y + BAR_Y;
    const overBy = bar.seconds === null ? 0 : bar.seconds - bar.budgetSeconds;
    const untimed = bar.skipped ? 'skipped' : 'not timed';
    const value = bar.seconds === null ? untimed : `${formatDuration(bar.seconds)} / ${formatDuration(bar.budgetSeconds)}`;
    const title = bar.seconds === null ? `${bar.label}: ${untimed}, budget ${formatDuration(bar.budgetSeconds)}` : `${bar.label}: ${value}${overBy > 0 ? `, ${formatDuration(overBy)} over budget` : ''}`;
    const spent =
      bar.seconds === null
        ? null
        : html`<rect class="bar spent" x="0" y="${barY}" width="${percent(x(Math.min(bar.seconds, bar.budgetSeconds)))}" height="${BAR_HEIGHT}" rx="3"/>`;
    const overtime =
      overBy > 0 ? html`<rect class="overtime" x="${percent(x(bar.budgetSeconds))}" y="${barY}" width="${percent(x(overBy))}" height="${BAR_HEIGHT}" rx="3"/>` : null;
    const overText = overBy > 0 ? html`<text class="over-text" x="100%" y="${y + 16}" text-anchor="end">+${formatDuration(overBy)} over</text>` : null;
    return html`<g class="row${overBy > 0 ? ' over' : ''}"><title>${title}</title>
<text class="label" x="0" y="${y + 16}">${truncate(bar.label, overBy > 0 ? LABEL_CHARS - 12 : LABEL_CHARS)}</text>${overText}
<rect class="track" x="0" y="${barY}" width="${percent(x(bar.budgetSeconds))}" height="${BAR_HEIGHT}" rx="3"/>${spent}${overtime}
<line class="budget" x1="${percent(x(bar.budgetSeconds))}" x2="${percent(x(bar.budgetSeconds))}" y1="${barY - 4}" y2="${barY + BAR_HEIGHT + 4}"/>
<text class="value${bar.seconds === null ? ' muted' : ''}" x="100%" y="${barY + BAR_HEIGHT - 1}" text-anchor="end">${value}</text></g>`;
  });
  return chart('time', label, rows);
}

function chart(name: string, label: string, rows: readonly Markup[]): Markup {
  const height = Math.max(1, rows.length) * ROW;
  const empty = rows.length === 0 ? html`<text class="label muted" x="0" y="20">Nothing to show yet</text>` : null;
  return html`<svg class="chart chart-${name}" role="img" aria-label="${label}" width="100%" height="${height}"><title>${label}</title>${empty}${rows}</svg>`;
}

function percent(share: number): string {
  return `${Math.max(0, Math.round(share * 100_000) / 1000)}%`;
}

function truncate(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

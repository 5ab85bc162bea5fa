import type { ReportQuestion } from '../report/schema.js';
import { formatDuration } from '../text/format.js';
import type { Style } from '../text/style.js';

/** Time per phase against its budget, as terminal bars: the budget's span dim, overtime red. */
export function renderTimeChart(phases: Readonly<NonNullable<ReportQuestion['phases']>>, style: Style, width = 30): string {
  const longest = Math.max(1, ...phases.map((phase) => Math.max(phase.seconds ?? 0, phase.budgetSeconds)));
  const titleWidth = Math.max(...phases.map((phase) => phase.title.length));
  const lines = phases.map((phase) => {
    const spent = phase.seconds ?? 0;
    const cells = (seconds: number) => Math.round((seconds / longest) * width);
    const within = cells(Math.min(spent, phase.budgetSeconds));
    const over = cells(spent) - within;
    const unused = Math.max(0, cells(phase.budgetSeconds) - within);
    const bar = style.green('█'.repeat(within)) + style.red('█'.repeat(over)) + style.dim('░'.repeat(unused));
    const pad = ' '.repeat(Math.max(0, width - within - over - unused));
    const overtime = spent > phase.budgetSeconds ? style.red(` +${formatDuration(spent - phase.budgetSeconds)} over`) : '';
    const label = phase.answer === null ? style.dim('skipped') : phase.seconds === null ? style.dim('no time given') : `${formatDuration(spent)} / ${formatDuration(phase.budgetSeconds)}${overtime}`;
    return `  ${phase.title.padEnd(titleWidth)}  ${bar}${pad}  ${label}`;
  });
  return lines.join('\n');
}

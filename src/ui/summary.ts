import type { Report } from '../report/schema.js';
import { pendingText } from '../report/wording.js';
import type { WeakCriterion } from '../report/weakest.js';
import { formatPoints } from '../text/format.js';
import type { Style } from './style.js';
import { renderTimeChart } from './timeChart.js';
import { stripControlDeep } from '../text/controlChars.js';

/** The end-of-session summary: score, verdict, weakest criteria, where things are. */
export function renderSummary(untrustedReport: Report, untrustedWeakest: readonly WeakCriterion[], sessionPath: string, style: Style): string {
  // Titles, criteria and answers come from topic files and older sessions: sanitised like any text we did not write.
  const report = stripControlDeep(untrustedReport);
  const weakest = stripControlDeep(untrustedWeakest);
  const lines: string[] = [''];
  const { earned, possible, percent } = report.score;
  const answered = report.questions.filter((question) => question.status === 'answered').length;
  if (percent === null) {
    lines.push(style.bold('Score: nothing graded yet'));
  } else {
    const colour = percent >= 70 ? style.green : percent >= 40 ? style.yellow : style.red;
    lines.push(`${style.bold('Score:')} ${colour(`${formatPoints(earned)} / ${formatPoints(possible)} (${percent}%)`)}  ${style.bold('Verdict:')} ${colour(report.verdict ?? '')}`);
  }
  lines.push(style.dim(`${answered} answered, ${report.questions.length - answered} skipped${pendingText(report) ? `, ${pendingText(report)!.count} (${pendingText(report)!.command})` : ''}`));
  for (const question of report.questions) {
    if (!question.phases) continue;
    lines.push('', style.bold('Time per phase:'), renderTimeChart(question.phases, style));
    const over = question.phases.filter((phase) => phase.seconds !== null && phase.seconds > phase.budgetSeconds).map((phase) => phase.title);
    if (over.length > 0) lines.push(style.red(`Over time: ${over.join(', ')}`));
  }
  if (weakest.length > 0) {
    lines.push('', style.bold('Weakest criteria:'));
    for (const weak of weakest) {
      const where = `${weak.topic}/${weak.question}${weak.phase ? `#${weak.phase}` : ''}`;
      lines.push(`  ${style.red(`${formatPoints(weak.earned)}/${weak.possible}`)} ${weak.criterion.criterion} ${style.dim(`(${where})`)}`);
    }
  }
  if (report.usage) lines.push(style.dim(`Model tokens: ${report.usage.promptTokens} prompt + ${report.usage.completionTokens} completion`));
  lines.push('', `Session ${style.cyan(report.id)} saved to ${sessionPath}`);
  lines.push(style.dim(`Report: coach report ${report.id}   JSON: coach report ${report.id} --json`));
  return `${lines.join('\n')}\n`;
}

/** Defined in the core so report renderers need not import ui/; re-exported for ui callers. */
export { formatPoints };

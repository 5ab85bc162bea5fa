import type { Report } from '../report/schema.js';
import { pendingText } from '../report/wording.js';
import type { WeakCriterion } from '../report/weakest.js';
import { formatPoints } from '../text/format.js';
import type { Style } from './style.js';
import { renderTimeChart } from '../report/timeChart.js';
import type { Session } from '../session/model.js';
import { stripControl, stripControlDeep } from '../text/controlChars.js';
import { firstSentence, hang, wrapText } from '../text/layout.js';

/** The end-of-session summary: score, verdict, weakest criteria, skipped questions' model answers, where things are. */
export function renderSummary(untrustedReport: Report, untrustedWeakest: readonly WeakCriterion[], sessionPath: string, style: Style, width = 80, session?: Session): string {
  // Titles, criteria and answers come from topic files and older sessions: sanitised like any text we did not write.
  const report = stripControlDeep(untrustedReport);
  const weakest = stripControlDeep(untrustedWeakest);
  const lines: string[] = [''];
  const { earned, possible, percent } = report.score;
  const { answered, skipped, unit } = answeredCounts(report);
  if (percent === null) {
    lines.push(style.bold('Score: nothing graded yet'));
  } else {
    const colour = percent >= 70 ? style.green : percent >= 40 ? style.yellow : style.red;
    lines.push(`${style.bold('Score:')} ${colour(`${formatPoints(earned)} / ${formatPoints(possible)} (${percent}%)`)}  ${style.bold('Verdict:')} ${colour(report.verdict ?? '')}`);
  }
  const pending = pendingText(report);
  lines.push(...wrapText(`${answered} ${unit} answered, ${skipped} skipped${pending ? `, ${pending.count} (${pending.command})` : ''}`, width).map((line) => style.dim(line)));
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
      lines.push(...hang(`  ${style.red(`${formatPoints(weak.earned)}/${weak.possible}`)} `, `${weak.criterion.criterion} (${where})`, width));
    }
  }
  if (session) lines.push(...skippedAnswers(report, session, style, width));
  if (report.usage) lines.push(style.dim(`Model tokens: ${report.usage.promptTokens} prompt + ${report.usage.completionTokens} completion`));
  lines.push('', ...hang(`Session ${style.cyan(report.id)} saved to `, sessionPath, width));
  lines.push(...wrapText(`Report: coach report ${report.id}   JSON: coach report ${report.id} --json`, width).map((line) => style.dim(line)));
  return `${lines.join('\n')}\n`;
}

/** Defined in the core so report renderers need not import ui/; re-exported for ui callers. */
export { formatPoints };

/**
 * What was answered and skipped, counted in the unit the session asks in: an
 * interview is one question of several phases, so it counts phases.
 */
export function answeredCounts(report: Report): { answered: number; skipped: number; unit: string } {
  const phases = report.questions.flatMap((question) => question.phases ?? []);
  if (report.kind === 'interview' && phases.length > 0) {
    const answered = phases.filter((phase) => phase.answer !== null).length;
    return { answered, skipped: phases.length - answered, unit: answered === 1 ? 'phase' : 'phases' };
  }
  const answered = report.questions.filter((question) => question.status === 'answered').length;
  return { answered, skipped: report.questions.length - answered, unit: answered === 1 ? 'question' : 'questions' };
}

/** A skipped question is not a dead end: its model answer (or right option), to learn from now. */
function skippedAnswers(report: Report, session: Session, style: Style, width: number): string[] {
  const out: string[] = [];
  report.questions.forEach((question, index) => {
    const asked = session.questions[index]?.question;
    if (!asked) return;
    if (asked.type === 'design') {
      (question.phases ?? []).forEach((phase, phaseIndex) => {
        const model = asked.phases[phaseIndex]?.modelAnswer;
        if (phase.answer === null && model) out.push('', style.bold(`Skipped ${phase.title}: the model answer`), ...wrapText(stripControl(model), width));
      });
      return;
    }
    if (question.status !== 'skipped') return;
    const title = firstSentence(stripControl(asked.prompt), width - 10);
    if (asked.type === 'choice') {
      const right = asked.choices.flatMap((option, at) => (option.correct ? [`${String.fromCharCode(97 + at)}) ${stripControl(option.text)}`] : [])).join(', ');
      out.push('', style.bold(`Skipped: ${title}`), ...hang('Answer: ', right, width));
    } else if (asked.modelAnswer) {
      out.push('', style.bold(`Skipped: ${title}`), ...wrapText(stripControl(asked.modelAnswer), width));
    }
  });
  return out;
}


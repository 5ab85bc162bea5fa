import type { Mark } from '../grading/grade.js';
import type { Session } from '../session/model.js';
import type { ChoiceQuestion, DesignQuestion } from '../topics/model.js';
import { formatDuration } from '../text/format.js';
import { displayWidth, hang, hangLines, truncate, wrapLines, wrapText } from '../text/layout.js';
import { sideBySide } from '../text/sideBySide.js';
import type { Style } from '../text/style.js';
import { renderTimeChart } from './timeChart.js';
import { conversationLines, criteriaTable, feedbackOf, gradeColumns, instructionFlagged, type CriteriaTable, type ReportUnit as Unit } from './criteriaRows.js';
import { reportEntries, sanitisedInputs, type ReportEntry } from './entries.js';
import type { Report, ReportGrade } from './schema.js';
import { designGradeText, gradeText, INSTRUCTION_WARNING, markText, optionLines, optionMark, pendingText, pointsText, scoreText, sessionText, timeText, usageText } from './wording.js';

type ReportPhase = NonNullable<ReportEntry['question']['phases']>[number];

/**
 * The terminal rendering of a report: the score, then every question with its
 * prompt, the answer beside the model answer, each criterion as every grader
 * marked it, feedback, and time against budget. `width` is the terminal's.
 */
export function renderTextReport(untrustedReport: Report, untrustedSession: Session, style: Style, width = 100): string {
  const { report, session } = sanitisedInputs(untrustedReport, untrustedSession);
  const lines = [style.bold(`${capitalise(report.kind)} report ${report.id}`), ...wrapText(sessionText(report), width).map((line) => style.dim(line)), ...hang('Topics: ', report.topics.join(', '), width)];
  const percent = report.score.percent;
  const colour = percent === null ? style.dim : percent >= 70 ? style.green : percent >= 40 ? style.yellow : style.red;
  lines.push(`${style.bold('Score:')} ${colour(scoreText(report))}${report.verdict ? `  ${style.bold('Verdict:')} ${colour(report.verdict)}` : ''}`);
  const pending = pendingText(report);
  if (pending) lines.push(style.yellow(`${pending.count}: ${pending.command}`));
  const usage = usageText(report);
  if (usage) lines.push(style.dim(`Model tokens: ${usage}`));
  reportEntries(report, session).forEach((entry, index) => lines.push('', ...questionLines(entry, index, style, width)));
  return `${lines.join('\n')}\n`;
}

function questionLines({ question, item }: ReportEntry, index: number, style: Style, width: number): string[] {
  const title = truncate(`── ${index + 1}. ${question.topic}/${question.id} · ${question.type}`, width - 4);
  const out = [style.bold(`${title} ${'─'.repeat(Math.max(3, width - displayWidth(title) - 1))}`)];
  out.push(...gradeLines(item.question.type === 'design' ? designGradeText(question) : gradeText(question.grade, gradeColumns(item.grades)), question.grade, question.seconds, question.budgetSeconds, style));
  out.push(...wrapText(question.prompt, width));
  const asked = item.question;
  if (asked.type === 'choice') out.push(...choiceLines(asked, item.answer?.choice ?? [], style, width));
  if (asked.type === 'short') out.push(...unitLines({ answer: question.answer, modelAnswer: asked.modelAnswer, rubric: asked.rubric, grades: item.grades, grade: question.grade }, style, width));
  if (asked.type === 'design') out.push(...designLines(asked, question.phases ?? [], item.phases ?? [], style, width));
  return out;
}

function gradeLines(text: string, grade: ReportGrade, seconds: number | null, budgetSeconds: number, style: Style): string[] {
  const paint = grade.status === 'pending' ? style.yellow : grade.status === 'ungraded' ? style.red : (text: string) => text;
  const time = timeText(seconds, budgetSeconds);
  const timing = time.spent ? [`${style.bold('Time:')}  ${time.spent}${time.over ? ` ${style.red(time.over)}` : ''}`] : [];
  return [`${style.bold('Grade:')} ${paint(text)}`, ...timing];
}

function choiceLines(question: ChoiceQuestion, picked: readonly string[], style: Style, width: number): string[] {
  const out = [''];
  for (const option of optionLines(question, picked)) {
    const mark = optionMark(option);
    const painted = mark === '✔' ? style.green(mark) : mark === '✘' ? style.red(mark) : style.dim(mark);
    const text = `${option.text}${option.picked ? ' (your pick)' : ''}${option.why ? ` — ${option.why}` : ''}`;
    out.push(...hang(`  ${painted} ${option.letter}) `, text, width));
  }
  if (picked.length === 0) out.push(style.dim('  No option picked.'));
  if (question.explanation) out.push('', ...wrapText(question.explanation, width));
  return out;
}


/** What a short question and an interview phase share: answers, follow-up, criteria, feedback. */
function unitLines(unit: Unit, style: Style, width: number): string[] {
  const answer = unit.answer?.trim() ? unit.answer : '(no answer)';
  const out = ['', sideBySide({ title: 'Your answer', text: answer }, { title: 'Model answer', text: unit.modelAnswer ?? '(the topic has none)' }, width, style).trimEnd()];
  if (unit.turns && unit.turns.length > 0) {
    out.push('', style.bold('Conversation'));
    for (const line of conversationLines(unit.turns)) {
      const label = `${line.speaker}${line.note ? ` (${line.note})` : ''}: `;
      out.push(...hangLines(`${style.bold(label)}`, line.text?.trim() ? line.text : '(no answer)', width));
    }
  }
  const criteria = criteriaTable(unit.rubric, unit.grades);
  if (instructionFlagged(criteria)) out.push('', style.red(INSTRUCTION_WARNING));
  out.push('', ...criteriaLines(criteria, unit.grade, style, width));
  for (const feedback of feedbackOf(criteria)) out.push('', style.bold(`Feedback from ${feedback.label}:`), ...wrapLines(feedback.text, width));
  return out;
}

const MARK_PAINT: Record<Mark, keyof Pick<Style, 'green' | 'yellow' | 'red'>> = { met: 'green', partly: 'yellow', missed: 'red' };

function criteriaLines({ columns, rows }: CriteriaTable, grade: ReportGrade, style: Style, width: number): string[] {
  if (columns.length === 0) {
    const out = [style.bold(grade.status === 'pending' ? 'Rubric (awaiting a grade):' : 'Rubric:')];
    const points = rows.map((row) => `${row.points} ${row.points === 1 ? 'pt ' : 'pts'}`);
    const pointsWidth = Math.max(...points.map((text) => text.length));
    rows.forEach((row, index) => out.push(...hang(`  ${points[index]!.padStart(pointsWidth)}  `, row.criterion, width)));
    return out;
  }
  const cells = rows.map((row) => row.results.map((result) => (result ? `${markText(result.mark)} ${pointsText(result.earned, result.possible)}` : '—')));
  const widths = columns.map((column, index) => Math.max(column.label.length, ...cells.map((row) => row[index]!.length)) + 2);
  const indent = 2 + widths.reduce((sum, value) => sum + value, 0);
  const out = [style.dim(`  ${columns.map((column, index) => column.label.padEnd(widths[index]!)).join('')}criterion`)];
  rows.forEach((row, rowIndex) => {
    const marks = row.results.map((result, index) => {
      const padded = cells[rowIndex]![index]!.padEnd(widths[index]!);
      return result ? style[MARK_PAINT[result.mark]](padded) : style.dim(padded);
    });
    out.push(...hang(`  ${marks.join('')}`, row.criterion, width));
    row.results.forEach((result, index) => {
      if (result?.justification) out.push(...hang(' '.repeat(indent), `${columns[index]!.label}: ${result.justification}`, width).map((line) => style.dim(line)));
      if (result?.evidence) out.push(...hang(' '.repeat(indent), `evidence: “${result.evidence.trim()}”`, width).map((line) => style.dim(line)));
    });
  });
  return out;
}

function designLines(question: DesignQuestion, phases: ReportPhase[], records: NonNullable<ReportEntry['item']['phases']>, style: Style, width: number): string[] {
  const out: string[] = [];
  phases.forEach((phase, index) => {
    const asked = question.phases[index]!;
    const grades = records[index]?.grades ?? [];
    out.push('', style.bold(`▸ Phase ${index + 1}/${question.phases.length}: ${phase.title}`));
    out.push(...gradeLines(gradeText(phase.grade, gradeColumns(grades)), phase.grade, phase.seconds, phase.budgetSeconds, style), ...wrapText(phase.prompt, width));
    out.push(...unitLines({ answer: phase.answer, modelAnswer: asked.modelAnswer, rubric: asked.rubric, grades, grade: phase.grade, turns: phase.turns }, style, width));
  });
  if (question.modelAnswer) out.push('', style.bold('Model answer for the whole design:'), ...wrapText(question.modelAnswer, width));
  out.push('', style.bold('Time per phase:'), renderTimeChart(phases, style));
  const over = phases.filter((phase) => phase.seconds !== null && phase.seconds > phase.budgetSeconds);
  if (over.length > 0) out.push(style.red(`⚠ Over time: ${over.map((phase) => `${phase.title} (+${formatDuration(phase.seconds! - phase.budgetSeconds)})`).join(', ')}`));
  return out;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

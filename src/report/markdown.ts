import { reflow } from '../text/layout.js';
import { formatDuration } from '../text/format.js';
import type { Session } from '../session/model.js';
import type { ChoiceQuestion, DesignQuestion } from '../topics/model.js';
import { conversationLines, criteriaTable, feedbackOf, gradeColumns, instructionFlagged, type CriteriaTable, type ReportUnit as Unit } from './criteriaRows.js';
import { reportEntries, sanitisedInputs, type ReportEntry } from './entries.js';
import { cell, inline, paragraphs, quote, table } from './markdownText.js';
import type { Report, ReportGrade } from './schema.js';
import { designGradeText, gradeText, INSTRUCTION_WARNING, isSkippedPhase, joinTime, markText, optionLines, optionMark, pendingText, pointsText, scoreText, sessionText, timeText, usageText } from './wording.js';

type ReportPhase = NonNullable<ReportEntry['question']['phases']>[number];

/**
 * A session report as CommonMark (with GFM tables) that reads well on GitHub:
 * one `#` title, a `##` per question, a `###` per interview phase. Every piece
 * of user or topic text goes through markdownText's escaping; answers are
 * blockquotes, so no answer can add a heading, a table row or HTML.
 */
export function renderMarkdownReport(untrustedReport: Report, untrustedSession: Session): string {
  const { report, session } = sanitisedInputs(untrustedReport, untrustedSession);
  const out: string[] = [`# ${capitalise(report.kind)} report ${inline(report.id)}`, '', ...summary(report)];
  reportEntries(report, session).forEach((entry, index) => out.push('', ...questionSection(entry, index)));
  return `${out.join('\n')}\n`;
}

function summary(report: Report): string[] {
  const pending = pendingText(report);
  const usage = usageText(report);
  return [
    `- **Score:** ${scoreText(report)}${report.verdict ? ` · **Verdict:** ${report.verdict}` : ''}`,
    `- **Session:** ${inline(sessionText(report))}`,
    `- **Topics:** ${inline(report.topics.join(', '))}`,
    ...(pending ? [`- **Pending:** ${pending.count}; grade them with \`${pending.command}\``] : []),
    ...(usage ? [`- **Model tokens:** ${usage}`] : []),
  ];
}

function questionSection({ question, item }: ReportEntry, index: number): string[] {
  const out = [`## ${index + 1}. ${inline(`${question.topic}/${question.id}`)} (${question.type})`, ''];
  out.push(...facts(item.question.type === 'design' ? designGradeText(question) : gradeText(question.grade, gradeColumns(item.grades)), question.seconds, question.budgetSeconds), '');
  out.push(...paragraphs(reflow(question.prompt)));
  const asked = item.question;
  if (asked.type === 'choice') out.push(...choiceBlock(asked, item.answer?.choice ?? []));
  if (asked.type === 'short') out.push(...unitBlock({ answer: question.answer, modelAnswer: asked.modelAnswer, rubric: asked.rubric, grades: item.grades, grade: question.grade }, 3));
  if (asked.type === 'design') out.push(...designBlocks(asked, question.phases ?? [], item.phases ?? []));
  return out;
}

function facts(grade: string, seconds: number | null, budgetSeconds: number): string[] {
  const time = joinTime(timeText(seconds, budgetSeconds));
  return [`- **Grade:** ${inline(grade)}`, ...(time ? [`- **Time:** ${time}`] : [])];
}

function choiceBlock(question: ChoiceQuestion, picked: readonly string[]): string[] {
  const options = optionLines(question, picked).map((option) => {
    const pick = option.picked ? ' ← *your pick*' : '';
    return `- ${optionMark(option)} **${option.letter})** ${inline(option.text)}${pick}${option.why ? ` — ${inline(option.why)}` : ''}`;
  });
  const out = ['', ...options];
  if (picked.length === 0) out.push('', '*No option picked.*');
  if (question.explanation) out.push('', '### Explanation', '', ...paragraphs(reflow(question.explanation)));
  return out;
}

/** A heading `level` deep (3 under a question's `##`, 4 under a phase's `###`): sections are headings, never bold lines (markdownlint MD036). */
function heading(level: 3 | 4, text: string): string {
  return `${'#'.repeat(level)} ${text}`;
}

/** What a short question and an interview phase share: answers, follow-up, criteria, feedback. */
function unitBlock(unit: Unit, level: 3 | 4): string[] {
  const out = ['', heading(level, 'Your answer'), '', ...(unit.answer?.trim() ? quote(unit.answer) : ['*No answer.*'])];
  out.push('', heading(level, 'Model answer'), '', ...(unit.modelAnswer ? quote(reflow(unit.modelAnswer)) : ['*The topic has no model answer.*']));
  if (unit.turns && unit.turns.length > 0) {
    out.push('', heading(level, 'Conversation'));
    for (const line of conversationLines(unit.turns)) {
      out.push('', `**${line.speaker}**${line.note ? ` (${inline(line.note)})` : ''}:`, '', ...(line.text?.trim() ? quote(line.text) : ['*No answer.*']));
    }
  }
  const criteria = criteriaTable(unit.rubric, unit.grades);
  if (instructionFlagged(criteria)) out.push('', INSTRUCTION_WARNING);
  out.push('', ...criteriaBlock(criteria, unit.grade, level));
  for (const feedback of feedbackOf(criteria)) out.push('', heading(level, `Feedback from ${inline(feedback.label)}`), '', ...paragraphs(feedback.text));
  return out;
}

function criteriaBlock(criteria: CriteriaTable, grade: ReportGrade, level: 3 | 4): string[] {
  const { columns, rows } = criteria;
  if (columns.length === 0) {
    const caption = heading(level, grade.status === 'pending' ? 'Rubric (awaiting a grade)' : 'Rubric');
    return [caption, '', ...table(['Criterion', 'Points'], ['left', 'right'], rows.map((row) => [cell(row.criterion), String(row.points)]))];
  }
  const header = ['Criterion', ...columns.map((column) => cell(column.label))];
  const body = rows.map((row) => [cell(row.criterion), ...row.results.map((result) => (result ? `${markText(result.mark)} ${pointsText(result.earned, result.possible)}` : '—'))]);
  const out = [heading(level, 'Criteria'), '', ...table(header, header.map(() => 'left'), body)];
  for (const [index, column] of columns.entries()) {
    const reasons = rows.flatMap((row) => {
      const result = row.results[index];
      if (!result || (!result.justification && !result.evidence)) return [];
      const why = result.justification ? ` ${inline(result.justification)}` : '';
      const evidence = result.evidence ? ` Evidence: “${inline(result.evidence)}”` : '';
      return [`- *${inline(row.criterion)}* (${markText(result.mark)} ${pointsText(result.earned, result.possible)}):${why}${evidence}`];
    });
    if (reasons.length > 0) out.push('', heading(level, `Why, according to ${inline(column.label)}`), '', ...reasons);
  }
  return out;
}

function designBlocks(question: DesignQuestion, phases: readonly ReportPhase[], records: NonNullable<ReportEntry['item']['phases']>): string[] {
  const out: string[] = [];
  phases.forEach((phase, index) => {
    const asked = question.phases[index]!;
    const grades = records[index]?.grades ?? [];
    out.push('', `### Phase ${index + 1} of ${question.phases.length}: ${inline(phase.title)}`, '');
    out.push(...facts(gradeText(phase.grade, gradeColumns(grades)), phase.seconds, phase.budgetSeconds), '', ...paragraphs(reflow(phase.prompt)));
    out.push(...unitBlock({ answer: phase.answer, modelAnswer: asked.modelAnswer, rubric: asked.rubric, grades, grade: phase.grade, turns: phase.turns }, 4));
  });
  if (question.modelAnswer) out.push('', '### Model answer for the whole design', '', ...quote(reflow(question.modelAnswer)));
  out.push('', '### Time per phase', '', ...timeTable(phases));
  return out;
}

function timeTable(phases: readonly ReportPhase[]): string[] {
  const rows = phases.map((phase) => {
    const skipped = isSkippedPhase(phase);
    const over = phase.seconds !== null && phase.seconds > phase.budgetSeconds ? `⚠ ${formatDuration(phase.seconds - phase.budgetSeconds)} over` : '—';
    const spent = skipped ? 'skipped' : phase.seconds === null ? '—' : formatDuration(phase.seconds);
    return [cell(phase.title), spent, formatDuration(phase.budgetSeconds), skipped ? '—' : over];
  });
  return table(['Phase', 'Spent', 'Budget', 'Over'], ['left', 'right', 'right', 'left'], rows);
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

import { letterFor } from '../grading/choice.js';
import { headlineGrade, type Grade } from '../grading/grade.js';
import type { PhaseRecord } from '../session/model.js';
import type { ChoiceQuestion, Criterion, DesignQuestion, ShortQuestion } from '../topics/model.js';
import { formatDuration } from '../ui/clockText.js';
import { formatPoints } from '../ui/summary.js';
import type { ReportEntry } from './entries.js';
import { html, type Interpolation, type Markup } from './htmlEscape.js';
import type { ReportGrade } from './schema.js';

/** One question of the HTML report: prompt, answer beside model answer, grades per criterion, time. */
export function questionSection({ question, item }: ReportEntry, index: number, sessionId: string): Markup {
  const number = index + 1;
  const pending = `Awaiting a grade: run coach grade ${sessionId} --self`;
  let body: Markup;
  if (item.question.type === 'choice') body = choiceBody(item.question, question.choice ?? [], item.grades, pending);
  else if (item.question.type === 'short') body = shortBody(item.question, question.answer, item.grades, pending);
  else body = designBody(item.question, question.phases ?? [], item.phases ?? [], number, pending);
  return html`<section class="question" id="q${number}" aria-labelledby="q${number}-title">
<header class="q-head"><h2 id="q${number}-title"><span class="q-num">${number}</span><span class="q-id">${question.topic} / ${question.id}</span></h2>
<div class="chips"><span class="chip">${question.type}</span>${question.status === 'skipped' ? html`<span class="chip warn">skipped</span>` : null}${scoreChip(question.grade)}${timeChip(question.seconds, question.budgetSeconds)}</div></header>
<div class="prompt text">${question.prompt.trim()}</div>
${body}</section>`;
}

function shortBody(question: ShortQuestion, answer: string | null, grades: readonly Grade[], pending: string): Markup {
  return html`${compare(answer, question.modelAnswer)}${gradesBlock(grades, question.rubric, pending)}`;
}

function choiceBody(question: ChoiceQuestion, letters: readonly string[], grades: readonly Grade[], pending: string): Markup {
  const options = question.choices.map((option, index) => {
    const chosen = letters.includes(letterFor(index));
    const classes = ['option', chosen ? 'chosen' : '', option.correct ? 'correct' : '', chosen && !option.correct ? 'wrong' : ''].filter(Boolean).join(' ');
    return html`<li class="${classes}"><span class="letter">${letterFor(index)}</span><div class="option-body"><div class="option-text text">${option.text}</div>
<div class="option-tags">${chosen ? html`<span class="tag pick">your pick</span>` : null}${option.correct ? html`<span class="tag ok">correct</span>` : null}</div>
${option.why ? html`<div class="why">${option.why}</div>` : null}</div></li>`;
  });
  const criterion: Criterion = { id: 'correct', points: question.points, criterion: question.multiple ? 'Picks exactly the correct options' : 'Picks the correct option' };
  return html`<ol class="options" aria-label="Options">${options}</ol>
${letters.length === 0 ? html`<p class="muted">No option picked.</p>` : null}
${question.explanation ? html`<div class="explanation"><h3>Explanation</h3><div class="text">${question.explanation}</div></div>` : null}
${gradesBlock(grades, [criterion], pending)}`;
}

interface ReportPhase {
  title: string;
  prompt: string;
  answer: string | null;
  seconds: number | null;
  budgetSeconds: number;
  followUp: { question: string; answer: string | null } | null;
  grade: ReportGrade;
}

function designBody(question: DesignQuestion, phases: readonly ReportPhase[], records: readonly PhaseRecord[], number: number, pending: string): Markup {
  const sections = phases.map((phase, index) => {
    const source = question.phases[index]!;
    const id = `q${number}-${index + 1}`;
    const followUp = phase.followUp
      ? html`<div class="followup"><h4>Follow-up</h4><div class="followup-q text">${phase.followUp.question}</div>${answerText(phase.followUp.answer)}</div>`
      : null;
    return html`<section class="phase" id="${id}" aria-labelledby="${id}-title"><header class="q-head"><h3 id="${id}-title"><span class="q-num small">${number}.${index + 1}</span>${phase.title}</h3>
<div class="chips">${scoreChip(phase.grade)}${timeChip(phase.seconds, phase.budgetSeconds)}</div></header>
<div class="prompt text">${phase.prompt.trim()}</div>
${compare(phase.answer, source.modelAnswer)}${followUp}${gradesBlock(records[index]?.grades ?? [], source.rubric, pending)}</section>`;
  });
  const overall = question.modelAnswer ? html`<div class="panel model"><h3 class="panel-title">Model answer for the whole design</h3><div class="text">${question.modelAnswer.trim()}</div></div>` : null;
  return html`${sections}${overall}`;
}

function compare(answer: string | null, modelAnswer: string | undefined): Markup {
  return html`<div class="compare"><div class="panel yours"><h3 class="panel-title">Your answer</h3>${answerText(answer)}</div>
<div class="panel model"><h3 class="panel-title">Model answer</h3>${modelAnswer ? html`<div class="text">${modelAnswer.trim()}</div>` : html`<p class="muted">The topic has no model answer.</p>`}</div></div>`;
}

function answerText(answer: string | null): Markup {
  return answer && answer.trim() !== '' ? html`<div class="text">${answer.trim()}</div>` : html`<p class="muted">No answer.</p>`;
}

const KIND_TITLES: Record<Grade['kind'], string> = { model: 'Model grade', self: 'Self grade', auto: 'Automatic grade' };

/** The latest successful grade of each kind (model, self, auto), so a self grade and a model grade show side by side. */
function gradesBlock(grades: readonly Grade[], rubric: readonly Criterion[], pending: string): Markup {
  const headline = headlineGrade(grades);
  const shown = (['model', 'self', 'auto'] as const).flatMap((kind) => grades.filter((grade) => grade.kind === kind && grade.status === 'graded').slice(-1));
  const lastModel = grades.filter((grade) => grade.kind === 'model').at(-1);
  const failed = lastModel && lastModel.status === 'ungraded' ? html`<p class="notice warn">Model grading failed${lastModel.reason ? html`: ${lastModel.reason}` : null}</p>` : null;
  if (shown.length === 0) return html`<div class="grades">${failed ?? html`<p class="notice">${pending}</p>`}</div>`;
  const tables = shown.map((grade) => gradeCard(grade, rubric, grade === headline && shown.length > 1));
  return html`<div class="grades${shown.length > 1 ? ' several' : ''}">${failed}${tables}</div>`;
}

function gradeCard(grade: Grade, rubric: readonly Criterion[], isHeadline: boolean): Markup {
  const title = grade.kind === 'model' ? html`${KIND_TITLES.model} <span class="by">by ${grade.by}</span>` : KIND_TITLES[grade.kind];
  const rows = grade.criteria.map((result) => {
    const criterion = rubric.find((entry) => entry.id === result.id);
    const detail: Interpolation[] = [];
    if (result.mark === 'partly' && criterion?.partial) detail.push(html`<div class="detail"><span class="detail-label">Partly means:</span> ${criterion.partial}</div>`);
    if (result.justification) detail.push(html`<div class="detail"><span class="detail-label">Why:</span> ${result.justification}</div>`);
    if (result.evidence) detail.push(html`<blockquote class="evidence">${result.evidence}</blockquote>`);
    return html`<tr><td><div class="criterion">${criterion?.criterion ?? result.id}</div>${detail}</td><td class="num">${formatPoints(result.earned)}/${formatPoints(result.possible)}</td><td class="mark-cell"><span class="mark ${result.mark}">${result.mark}</span></td></tr>`;
  });
  const flags = grade.flags.length > 0 ? html`<div class="flags">${grade.flags.map((flag) => html`<span class="tag warn">${flag}</span>`)}</div>` : null;
  return html`<div class="grade-card ${grade.kind}"><h4>${title}<span class="chip">${formatPoints(grade.earned)} / ${formatPoints(grade.possible)}</span>${isHeadline ? html`<span class="chip accent">counts</span>` : null}${grade.reason ? html`<span class="chip warn">${grade.reason}</span>` : null}</h4>
<table class="criteria"><thead><tr><th scope="col">Criterion</th><th scope="col" class="num">Points</th><th scope="col">Mark</th></tr></thead><tbody>${rows}</tbody></table>
${grade.feedback ? html`<div class="feedback"><h5>Feedback</h5><div class="text">${grade.feedback.trim()}</div></div>` : null}${flags}</div>`;
}

function scoreChip(grade: ReportGrade): Markup {
  if (grade.status !== 'graded') return html`<span class="chip warn">${grade.status}</span>`;
  const share = grade.possible ? (grade.earned ?? 0) / grade.possible : 0;
  return html`<span class="chip score ${bandOf(share * 100)}">${formatPoints(grade.earned ?? 0)} / ${formatPoints(grade.possible ?? 0)}${grade.by ? html` <span class="by">by ${grade.by}</span>` : null}</span>`;
}

function timeChip(seconds: number | null, budgetSeconds: number): Markup {
  if (seconds === null) return html`<span class="chip muted">not timed · budget ${formatDuration(budgetSeconds)}</span>`;
  const over = seconds - budgetSeconds;
  if (over > 0) return html`<span class="chip over">Time ${formatDuration(seconds)} of ${formatDuration(budgetSeconds)} · ${formatDuration(over)} over</span>`;
  return html`<span class="chip">Time ${formatDuration(seconds)} of ${formatDuration(budgetSeconds)}</span>`;
}

/** Colour band of a percentage, matching the terminal summary: green from 70, amber from 40. */
export function bandOf(percent: number | null): 'band-good' | 'band-fair' | 'band-poor' | 'band-none' {
  if (percent === null) return 'band-none';
  return percent >= 70 ? 'band-good' : percent >= 40 ? 'band-fair' : 'band-poor';
}

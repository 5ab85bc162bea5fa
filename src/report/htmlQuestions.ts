import { reflow } from '../text/layout.js';
import { letterFor } from '../grading/choice.js';
import { formatDuration, formatPoints } from '../text/format.js';
import { headlineGrade, type Grade } from '../grading/grade.js';
import type { PhaseRecord } from '../session/model.js';
import type { ChoiceQuestion, Criterion, DesignQuestion, ShortQuestion } from '../topics/model.js';
import type { ReportEntry } from './entries.js';
import { html, type Interpolation, type Markup } from './htmlEscape.js';
import { conversationLines } from './criteriaRows.js';
import type { ReportGrade, ReportTurn } from './schema.js';
import { designGraders, isSkippedPhase } from './wording.js';

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
<div class="chips"><span class="chip">${question.type}</span>${question.status === 'skipped' ? html`<span class="chip warn">skipped</span>` : null}${scoreChip(question.grade, question.phases ? designGraders(question) : undefined)}${timeChip(question.seconds, question.budgetSeconds, question.status === 'skipped')}</div></header>
<div class="prompt text" dir="auto">${reflow(question.prompt)}</div>
${body}</section>`;
}

/** Headings below a question's h2 are h3 (and h4 inside a grade card); below a phase's h3 they are h4 (and h5). */
type Level = 3 | 4;

function heading(level: Level | 5, className: string | null, content: Interpolation): Markup {
  const tag = `h${level}`;
  return html`<${tag}${className ? html` class="${className}"` : null}>${content}</${tag}>`;
}

function shortBody(question: ShortQuestion, answer: string | null, grades: readonly Grade[], pending: string): Markup {
  return html`${compare(answer, question.modelAnswer, 3)}${gradesBlock(grades, question.rubric, pending, 3)}`;
}

function choiceBody(question: ChoiceQuestion, letters: readonly string[], grades: readonly Grade[], pending: string): Markup {
  const options = question.choices.map((option, index) => {
    const chosen = letters.includes(letterFor(index));
    const classes = ['option', chosen ? 'chosen' : '', option.correct ? 'correct' : '', chosen && !option.correct ? 'wrong' : ''].filter(Boolean).join(' ');
    return html`<li class="${classes}"><span class="letter">${letterFor(index)}</span><div class="option-body"><div class="option-text text" dir="auto">${option.text}</div>
<div class="option-tags">${chosen ? html`<span class="tag pick">your pick</span>` : null}${option.correct ? html`<span class="tag ok">correct</span>` : null}</div>
${option.why ? html`<div class="why" dir="auto">${option.why}</div>` : null}</div></li>`;
  });
  const criterion: Criterion = { id: 'correct', points: question.points, criterion: question.multiple ? 'Picks exactly the correct options' : 'Picks the correct option' };
  return html`<ol class="options">${options}</ol>
${letters.length === 0 ? html`<p class="muted">No option picked.</p>` : null}
${question.explanation ? html`<div class="explanation"><h3>Explanation</h3><div class="text" dir="auto">${reflow(question.explanation)}</div></div>` : null}
${gradesBlock(grades, [criterion], pending, 3)}`;
}

interface ReportPhase {
  title: string;
  prompt: string;
  answer: string | null;
  seconds: number | null;
  budgetSeconds: number;
  turns: readonly ReportTurn[];
  grade: ReportGrade;
  grades: readonly { reason: string | null }[];
}

function designBody(question: DesignQuestion, phases: readonly ReportPhase[], records: readonly PhaseRecord[], number: number, pending: string): Markup {
  const sections = phases.map((phase, index) => {
    const source = question.phases[index]!;
    const id = `q${number}-${index + 1}`;
    const followUp = phase.turns.length > 0 ? conversation(phase.turns) : null;
    const skipped = isSkippedPhase(phase);
    return html`<section class="phase" id="${id}" aria-labelledby="${id}-title"><header class="q-head"><h3 id="${id}-title"><span class="q-num small">${number}.${index + 1}</span><bdi>${phase.title}</bdi></h3>
<div class="chips">${skipped ? html`<span class="chip warn">skipped</span>` : null}${scoreChip(phase.grade)}${timeChip(phase.seconds, phase.budgetSeconds, skipped)}</div></header>
<div class="prompt text" dir="auto">${reflow(phase.prompt)}</div>
${compare(phase.answer, source.modelAnswer, 4)}${followUp}${gradesBlock(records[index]?.grades ?? [], source.rubric, pending, 4)}</section>`;
  });
  const overall = question.modelAnswer ? html`<div class="panel model"><h3 class="panel-title">Model answer for the whole design</h3><div class="text" dir="auto">${reflow(question.modelAnswer)}</div></div>` : null;
  return html`${sections}${overall}`;
}

function compare(answer: string | null, modelAnswer: string | undefined, level: Level): Markup {
  return html`<div class="compare"><div class="panel yours">${heading(level, 'panel-title', 'Your answer')}${answerText(answer)}</div>
<div class="panel model">${heading(level, 'panel-title', 'Model answer')}${modelAnswer ? html`<div class="text" dir="auto">${reflow(modelAnswer)}</div>` : html`<p class="muted">The topic has no model answer.</p>`}</div></div>`;
}

/** A phase's clarifying questions and follow-ups in order, the interviewer's lines set apart from the candidate's. */
function conversation(turns: readonly ReportTurn[]): Markup {
  const lines = conversationLines(turns).map((line) => {
    const who = line.speaker === 'Interviewer' || line.speaker === 'Follow-up' ? 'interviewer' : 'candidate';
    return html`<div class="turn ${who}"><div class="turn-who">${line.speaker}${line.note ? html` <span class="turn-note">(${line.note})</span>` : null}</div>${line.text?.trim() ? html`<div class="text" dir="auto">${line.text}</div>` : html`<p class="muted">No answer.</p>`}</div>`;
  });
  return html`<div class="followup"><h4>Conversation</h4>${lines}</div>`;
}

function answerText(answer: string | null): Markup {
  return answer && answer.trim() !== '' ? html`<div class="text" dir="auto">${answer.trim()}</div>` : html`<p class="muted">No answer.</p>`;
}

const KIND_TITLES: Record<Grade['kind'], string> = { model: 'Model grade', self: 'Self grade', auto: 'Automatic grade' };

/** The latest successful grade of each kind (model, self, auto), so a self grade and a model grade show side by side. */
function gradesBlock(grades: readonly Grade[], rubric: readonly Criterion[], pending: string, level: Level): Markup {
  const headline = headlineGrade(grades);
  const shown = (['model', 'self', 'auto'] as const).flatMap((kind) => grades.filter((grade) => grade.kind === kind && grade.status === 'graded').slice(-1));
  const lastModel = grades.filter((grade) => grade.kind === 'model').at(-1);
  const failed = lastModel && lastModel.status === 'ungraded' ? html`<p class="notice warn" dir="auto">Model grading failed${lastModel.reason ? html`: ${lastModel.reason}` : null}</p>` : null;
  if (shown.length === 0) return html`<div class="grades">${failed ?? html`<p class="notice">${pending}</p>`}</div>`;
  const tables = shown.map((grade) => gradeCard(grade, rubric, grade === headline && shown.length > 1, level));
  return html`<div class="grades${shown.length > 1 ? ' several' : ''}">${failed}${tables}</div>`;
}

function gradeCard(grade: Grade, rubric: readonly Criterion[], isHeadline: boolean, level: Level): Markup {
  const title = grade.kind === 'model' ? html`${KIND_TITLES.model} <span class="by">by <bdi>${grade.by}</bdi></span>` : KIND_TITLES[grade.kind];
  const rows = grade.criteria.map((result) => {
    const criterion = rubric.find((entry) => entry.id === result.id);
    const detail: Interpolation[] = [];
    if (result.mark === 'partly' && criterion?.partial) detail.push(html`<div class="detail"><span class="detail-label">Partly means:</span> <bdi>${criterion.partial}</bdi></div>`);
    if (result.justification) detail.push(html`<div class="detail"><span class="detail-label">Why:</span> <bdi>${result.justification}</bdi></div>`);
    if (result.evidence) detail.push(html`<blockquote class="evidence" dir="auto">${result.evidence}</blockquote>`);
    return html`<tr><td><div class="criterion" dir="auto">${criterion?.criterion ?? result.id}</div>${detail}</td><td class="num">${formatPoints(result.earned)}/${formatPoints(result.possible)}</td><td class="mark-cell"><span class="mark ${result.mark}">${result.mark}</span></td></tr>`;
  });
  const flags = grade.flags.length > 0 ? html`<div class="flags">${grade.flags.map((flag) => html`<span class="tag warn">${flag}</span>`)}</div>` : null;
  const cardTitle = html`${title}<span class="chip">${formatPoints(grade.earned)} / ${formatPoints(grade.possible)}</span>${isHeadline ? html`<span class="chip accent">counts</span>` : null}${grade.reason ? html`<span class="chip warn"><bdi>${grade.reason}</bdi></span>` : null}`;
  const feedbackLevel = (level + 1) as 4 | 5;
  return html`<div class="grade-card ${grade.kind}">${heading(level, 'grade-title', cardTitle)}
<table class="criteria"><thead><tr><th scope="col">Criterion</th><th scope="col" class="num">Points</th><th scope="col">Mark</th></tr></thead><tbody>${rows}</tbody></table>
${grade.feedback ? html`<div class="feedback">${heading(feedbackLevel, 'feedback-title', 'Feedback')}<div class="text" dir="auto">${grade.feedback.trim()}</div></div>` : null}${flags}</div>`;
}

/** A graded unit's score and who graded it; a design question names the graders of its answered phases (see designGraders). */
function scoreChip(grade: ReportGrade, graders?: readonly string[]): Markup {
  if (grade.status !== 'graded') return html`<span class="chip warn">${grade.status}</span>`;
  const share = grade.possible ? (grade.earned ?? 0) / grade.possible : 0;
  const by = graders ? (graders.length > 0 ? graders.join(' and ') : null) : grade.reason === 'skipped' ? null : grade.by;
  return html`<span class="chip score ${bandOf(share * 100)}">${formatPoints(grade.earned ?? 0)} / ${formatPoints(grade.possible ?? 0)}${by ? html` <span class="by">by <bdi>${by}</bdi></span>` : null}</span>`;
}

/** Time against budget; a skipped question or phase says so rather than "not timed". */
function timeChip(seconds: number | null, budgetSeconds: number, skipped: boolean): Markup {
  if (seconds === null) return html`<span class="chip muted">${skipped ? 'skipped' : 'not timed'} · budget ${formatDuration(budgetSeconds)}</span>`;
  const over = seconds - budgetSeconds;
  if (over > 0) return html`<span class="chip over">Time ${formatDuration(seconds)} of ${formatDuration(budgetSeconds)} · ${formatDuration(over)} over</span>`;
  return html`<span class="chip">Time ${formatDuration(seconds)} of ${formatDuration(budgetSeconds)}</span>`;
}

/** Colour band of a percentage, matching the terminal summary: green from 70, amber from 40. */
export function bandOf(percent: number | null): 'band-good' | 'band-fair' | 'band-poor' | 'band-none' {
  if (percent === null) return 'band-none';
  return percent >= 70 ? 'band-good' : percent >= 40 ? 'band-fair' : 'band-poor';
}

import { headlineGrade, type Grade } from '../grading/grade.js';
import { formatDuration, formatPoints } from '../text/format.js';
import type { Session } from '../session/model.js';
import { reportEntries, sanitisedInputs, type ReportEntry } from './entries.js';
import { criterionChart, timeChart, type CriterionBar, type TimeBar } from './htmlCharts.js';
import { html, type Markup } from './htmlEscape.js';
import { bandOf, questionSection } from './htmlQuestions.js';
import { REPORT_STYLE } from './htmlStyle.js';
import type { Report } from './schema.js';
import { isSkippedPhase, pendingText } from './wording.js';

/**
 * The HTML report: one self-contained page (inline CSS and SVG, no scripts, and
 * a Content-Security-Policy that forbids loading anything), readable on a
 * phone, printable, light and dark.
 */
export function renderHtmlReport(untrustedReport: Report, untrustedSession: Session): string {
  const { report, session } = sanitisedInputs(untrustedReport, untrustedSession);
  const entries = reportEntries(report, session);
  const title = `${KIND_TITLES[report.kind]} ${report.id}`;
  const page = html`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="referrer" content="no-referrer">
<meta name="color-scheme" content="light dark">
<title>${title} · interview-coach report</title>
<style>${REPORT_STYLE}</style>
</head>
<body>
<div class="page">
${header(report)}
${contents(entries)}
<section class="charts" aria-label="Charts">
<div class="card"><h2>Score per criterion</h2>${criterionChart(criterionBars(entries))}
<p class="legend"><span class="key met"></span>met <span class="key partly"></span>partly <span class="key missed"></span>missed</p></div>
<div class="card"><h2>Time against budget</h2>${timeChart(timeBars(entries))}
<p class="legend"><span class="key spent"></span>time spent <span class="key budget"></span>budget <span class="key overtime"></span>over budget</p></div>
</section>
<main>
${entries.map((entry, index) => questionSection(entry, index, report.id))}
</main>
<footer class="footer">interview-coach report · schema v${report.schemaVersion} · session ${report.id}</footer>
</div>
</body>
</html>
`;
  return page.toString();
}

const KIND_TITLES: Record<Report['kind'], string> = { quiz: 'Quiz', interview: 'Mock interview', review: 'Review', cram: 'Cram' };

function header(report: Report): Markup {
  const { earned, possible, percent } = report.score;
  const score =
    percent === null
      ? html`<div class="score-main"><span class="big">Not graded yet</span></div>`
      : html`<div class="score-main"><span class="big">${formatPoints(earned)} / ${formatPoints(possible)}</span><span class="pct">${percent}%</span></div>`;
  const rows: [string, string][] = [
    ['Status', report.status],
    ['Started', readableUtc(report.startedAt)],
    ['Finished', report.finishedAt ? readableUtc(report.finishedAt) : 'not yet'],
    ...(report.finishedAt ? [['Duration', elapsed(report.startedAt, report.finishedAt)] as [string, string]] : []),
    ['Topics', report.topics.join(', ') || 'none'],
    ['Questions', String(report.questions.length)],
  ];
  if (report.seed !== null) rows.push(['Seed', String(report.seed)]);
  if (report.usage) rows.push(['Model tokens', `${report.usage.promptTokens + report.usage.completionTokens} (${report.usage.promptTokens} prompt + ${report.usage.completionTokens} completion)`]);
  const pending =
    pendingText(report) ? html`<p class="notice warn">${pendingText(report)!.count}: run ${pendingText(report)!.command}</p>` : null;
  return html`<header class="hero">
<p class="eyebrow">interview-coach · session report</p>
<h1>${KIND_TITLES[report.kind]} <span class="session-id">${report.id}</span></h1>
<div class="scorecard ${bandOf(percent)}">${score}<div class="verdict"><span class="verdict-label">Verdict</span>${report.verdict ?? 'none yet'}</div>
${report.pending + report.ungraded > 0 ? html`<div class="pending-count">${report.pending + report.ungraded} to grade</div>` : null}</div>
${pending}
<dl class="meta">${rows.map(([name, value]) => html`<div><dt>${name}</dt><dd>${value}</dd></div>`)}</dl>
</header>`;
}

function contents(entries: readonly ReportEntry[]): Markup {
  const items = entries.map(({ question }, index) => {
    const grade = question.grade;
    const score = grade.status === 'graded' ? `${formatPoints(grade.earned ?? 0)}/${formatPoints(grade.possible ?? 0)}` : grade.status;
    const over = question.seconds !== null && question.seconds > question.budgetSeconds;
    return html`<li><a href="#q${index + 1}">${question.topic} / ${question.id}</a><span class="toc-meta">${question.type} · ${score}${question.seconds !== null ? ` · ${formatDuration(question.seconds)}` : ''}${over ? html` <span class="over-text">over</span>` : null}</span></li>`;
  });
  return html`<nav class="toc card" aria-label="Questions"><h2>Questions</h2><ol>${items}</ol></nav>`;
}

/** Every graded criterion of the session, in order: the headline grade of each question or phase. */
function criterionBars(entries: readonly ReportEntry[]): CriterionBar[] {
  return entries.flatMap(({ item }, index) => {
    const question = item.question;
    const bars = (grades: readonly Grade[], prefix: string, text: (id: string) => string) =>
      (headlineGrade(grades)?.criteria ?? []).map((result) => ({ label: `${prefix} · ${text(result.id)}`, earned: result.earned, possible: result.possible, mark: result.mark }));
    if (question.type === 'choice') return bars(item.grades, `Q${index + 1}`, () => question.prompt);
    if (question.type === 'short') return bars(item.grades, `Q${index + 1}`, (id) => question.rubric.find((entry) => entry.id === id)?.criterion ?? id);
    return question.phases.flatMap((phase, phaseIndex) =>
      bars(item.phases?.[phaseIndex]?.grades ?? [], `Q${index + 1}.${phaseIndex + 1}`, (id) => phase.rubric.find((entry) => entry.id === id)?.criterion ?? id),
    );
  });
}

/** One bar per question, or per phase for design questions. */
function timeBars(entries: readonly ReportEntry[]): TimeBar[] {
  return entries.flatMap(({ question }, index) =>
    question.phases
      ? question.phases.map((phase, phaseIndex) => ({ label: `Q${index + 1}.${phaseIndex + 1} · ${phase.title}`, seconds: phase.seconds, budgetSeconds: phase.budgetSeconds, skipped: isSkippedPhase(phase) }))
      : [{ label: `Q${index + 1} · ${question.id}`, seconds: question.seconds, budgetSeconds: question.budgetSeconds, skipped: question.status === 'skipped' }],
  );
}

/** ISO time as "2025-03-04 09:15:00 UTC"; an unparsable value is shown as it is. */
export function readableUtc(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

function elapsed(startIso: string, endIso: string): string {
  const seconds = (Date.parse(endIso) - Date.parse(startIso)) / 1000;
  return Number.isFinite(seconds) ? formatDuration(seconds) : 'unknown';
}

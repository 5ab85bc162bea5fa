import { describe, expect, test } from 'vitest';
import { gradeChoice } from '../../src/grading/choice.js';
import type { Grade } from '../../src/grading/grade.js';
import { selfGrade, skippedGrade } from '../../src/grading/rubric.js';
import { buildReport } from '../../src/report/build.js';
import { renderHtmlReport } from '../../src/report/html.js';
import { escapeHtml, html } from '../../src/report/htmlEscape.js';
import type { Answer, Session } from '../../src/session/model.js';
import { addGrade, createSession, finishSession, phaseRecord, recordAnswer, settleDesignQuestion } from '../../src/session/record.js';
import type { DesignQuestion } from '../../src/topics/model.js';
import { choice, short } from '../helpers/topics.js';

const EVIL = `<script>alert(1)</script><img src=x onerror=alert(2)>`;
const T0 = Date.UTC(2025, 2, 4, 9, 15);
const AT = new Date(T0).toISOString();

const answer = (text: string | null, seconds: number | null, letters: string[] | null = null): Answer => ({ text, choice: letters, startedAt: AT, submittedAt: AT, seconds, via: 'script' });

const design: DesignQuestion = {
  id: 'design-q',
  type: 'design',
  prompt: 'Design a shortener.',
  difficulty: 'hard',
  minutes: 4,
  phases: [
    { id: 'req', title: 'Requirements', minutes: 1, prompt: 'What do you ask?', rubric: [{ id: 'scale', points: 2, criterion: 'Asks for QPS.' }], modelAnswer: 'Ask QPS.' },
    { id: 'parts', title: 'Components', minutes: 2, prompt: 'Which boxes?', rubric: [{ id: 'store', points: 2, criterion: 'A KV store.' }, { id: 'cache', points: 1, criterion: 'A cache.' }] },
    { id: 'ops', title: 'Operations', minutes: 1, prompt: 'How to ship?', rubric: [{ id: 'canary', points: 1, criterion: 'Canary releases.' }] },
  ],
};

function modelGrade(feedback: string): Grade {
  return {
    by: 'gpt-test',
    kind: 'model',
    status: 'graded',
    at: AT,
    reason: null,
    earned: 2,
    possible: 3,
    criteria: [
      { id: 'c1', earned: 2, possible: 2, mark: 'met', justification: `Justified ${EVIL}`, evidence: `"quoted" & 'cited' ${EVIL}` },
      { id: 'c2', earned: 0, possible: 1, mark: 'missed', justification: 'Not mentioned.', evidence: null },
    ],
    feedback,
    flags: ['needs-review'],
    usage: { promptTokens: 120, completionTokens: 30 },
    templateHash: null,
  };
}

/** choice (right, in time), short (evil text, self + model grade, overtime), design (3 phases, one over, one skipped). */
function richSession(): Session {
  const evilShort = short('evil-short', [2, 1], { prompt: `Prompt ${EVIL}`, modelAnswer: `Model ${EVIL}` });
  const pick = choice('pick', [1], ['200', '201 <b>', '204']);
  const session = createSession({
    id: '20250304-091500-abcd',
    kind: 'quiz',
    nowMs: T0,
    seed: 7,
    picked: [
      { topic: 'http', question: pick },
      { topic: 'caching', question: evilShort },
      { topic: 'design', question: design },
    ],
    settings: { flip: false, timeLimitSeconds: null, scripted: true, grader: 'llm' },
  });
  recordAnswer(session, 0, answer('201 <b>', 20, ['b']), T0);
  addGrade(session, 0, gradeChoice(pick, [1], AT), T0);
  recordAnswer(session, 1, answer(EVIL, 300), T0);
  addGrade(session, 1, selfGrade(evilShort.rubric, { c1: 'met', c2: 'partly' }, AT), T0);
  addGrade(session, 1, modelGrade(`Feedback ${EVIL}`), T0);
  const phases = [
    { text: 'Ask QPS and ratio.', seconds: 90, marks: { scale: 'met' } },
    { text: 'API, KV, cache.', seconds: 100, marks: { store: 'met', cache: 'partly' } },
  ] as const;
  phases.forEach((entry, index) => {
    const record = phaseRecord(session, 2, index);
    Object.assign(record, { status: 'answered', elapsedSeconds: entry.seconds, answer: answer(entry.text, entry.seconds), grades: [selfGrade(design.phases[index]!.rubric, entry.marks, AT)] });
  });
  Object.assign(phaseRecord(session, 2, 0), { followUp: { question: 'Do links expire?', answer: `After a year ${EVIL}` } });
  Object.assign(phaseRecord(session, 2, 2), { status: 'skipped', grades: [skippedGrade(design.phases[2]!.rubric, AT)] });
  settleDesignQuestion(session, 2, T0);
  finishSession(session, T0 + 600_000);
  return session;
}

function render(session: Session): string {
  return renderHtmlReport(buildReport(session), session);
}

function svg(page: string, name: string): string {
  const match = page.match(new RegExp(`<svg class="chart chart-${name}"[\\s\\S]*?</svg>`));
  expect(match, `chart ${name}`).not.toBeNull();
  return match![0];
}

const count = (text: string, pattern: RegExp) => (text.match(pattern) ?? []).length;

describe('escapeHtml and the html tag', () => {
  test.each([
    ['<a href="x">', '&lt;a href=&quot;x&quot;&gt;'],
    [`Tom & 'Jerry'`, 'Tom &amp; &#39;Jerry&#39;'],
    ['plain', 'plain'],
  ])('%s', (input, expected) => expect(escapeHtml(input)).toBe(expected));

  test('interpolated text is escaped; nested markup and lists are not escaped twice', () => {
    const inner = html`<b>${'<i>'}</b>`;
    expect(html`<p title="${'"x"'}">${inner}${['<', '>']}${null}${false}</p>`.toString()).toBe('<p title="&quot;x&quot;"><b>&lt;i&gt;</b>&lt;&gt;</p>');
  });

  test('an object that only looks like markup is escaped', () => {
    const fake = { value: '<script>', toString: () => '<script>' };
    expect(html`${fake as never}`.toString()).toBe('&lt;script&gt;');
  });
});

describe('renderHtmlReport', () => {
  const page = render(richSession());

  test('is one HTML5 page with charset, viewport and title', () => {
    expect(page.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(page).toContain('<meta charset="utf-8">');
    expect(page).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(page).toMatch(/<title>Quiz 20250304-091500-abcd · interview-coach report<\/title>/);
    expect(page).toContain('@media (prefers-color-scheme: dark)');
    expect(page).toContain('@media print');
  });

  test('user, topic and model text is escaped everywhere', () => {
    const escaped = escapeHtml(EVIL);
    expect(page).not.toMatch(/<script/i);
    expect(page).not.toMatch(/<img/i);
    expect(page).not.toContain('onerror=alert(2)>');
    for (const text of [`Prompt ${escaped}`, `Model ${escaped}`, `Feedback ${escaped}`, `Justified ${escaped}`, `After a year ${escaped}`, `&quot;quoted&quot; &amp; &#39;cited&#39;`]) expect(page).toContain(text);
    expect(page).toContain(`<div class="text" dir="auto">${escaped}</div>`);
    expect(page).toContain('201 &lt;b&gt;');
    expect(page).not.toContain('201 <b>');
  });

  test('loads nothing: no scripts, no external src or href, only # anchors', () => {
    expect(page).not.toMatch(/<script|<link|<iframe|<object|<embed|@import|url\(/i);
    expect(page).not.toMatch(/(src|href)\s*=\s*["']?\s*(https?:|\/\/)/i);
    const hrefs = [...page.matchAll(/href="([^"]*)"/g)].map((match) => match[1]!);
    expect(hrefs.length).toBeGreaterThan(0);
    expect(hrefs.every((href) => /^#q\d+$/.test(href))).toBe(true);
    expect(page).not.toMatch(/<[^>]*\ssrc=/i);
    expect(page).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
  });

  test('the header shows score, verdict, status, times, topics and token usage', () => {
    const report = buildReport(richSession());
    expect(page).toContain(`${report.score.percent}%`);
    expect(page).toContain(`<div class="verdict"><span class="verdict-label">Verdict</span>${report.verdict}</div>`);
    expect(page).toMatch(/<div class="scorecard band-(good|fair|poor)">/);
    expect(page).toContain('<dd>2025-03-04 09:15:00 UTC</dd>');
    expect(page).toContain('<dd>2025-03-04 09:25:00 UTC</dd>');
    expect(page).toContain('<dt>Duration</dt><dd>10:00</dd>');
    expect(page).toContain('http, caching, design');
    expect(page).toContain('150 (120 prompt + 30 completion)');
  });

  test('the criterion chart has one bar per graded criterion', () => {
    const chart = svg(page, 'criteria');
    expect(chart).toMatch(/role="img" aria-label="Score per criterion: [^"]+"/);
    expect(chart).toMatch(/<title>Score per criterion/);
    // choice 1 + short (model grade) 2 + phases 1 + 2 + 1
    expect(count(chart, /<rect class="bar /g)).toBe(7);
    expect(count(chart, /<rect class="bar missed"/g)).toBe(2);
  });

  test('the time chart has one bar per timed question or phase, the budget marked and overtime flagged', () => {
    const chart = svg(page, 'time');
    expect(chart).toMatch(/role="img" aria-label="Time per question against its budget: [^"]+, 2 over budget"/);
    // choice, short, requirements, components; the skipped phase has no time
    expect(count(chart, /<rect class="bar spent"/g)).toBe(4);
    expect(count(chart, /<line class="budget"/g)).toBe(5);
    expect(count(chart, /<rect class="overtime"/g)).toBe(2);
    expect(chart).toContain('+1:00 over');
    expect(chart).toContain('+0:30 over');
    expect(chart).toContain('<title>Q3.3 · Operations: skipped, budget 1:00</title>');
    expect(chart).not.toContain('not timed');
  });

  test('overtime is called out on the question and the phase', () => {
    expect(page).toContain('<span class="chip over">Time 5:00 of 4:00 · 1:00 over</span>');
    expect(page).toContain('<span class="chip over">Time 1:30 of 1:00 · 0:30 over</span>');
    expect(page).toContain('<span class="chip">Time 0:20 of 1:00</span>');
  });

  test('a self grade and a model grade are both shown, the model one counting', () => {
    const section = page.match(/<section class="question" id="q2"[\s\S]*?<\/section>/)![0];
    expect(section).toContain('Self grade');
    expect(section).toContain('Model grade <span class="by">by <bdi>gpt-test</bdi></span>');
    expect(count(section, /<table class="criteria">/g)).toBe(2);
    expect(section).toMatch(/Model grade[^]*?<span class="chip accent">counts<\/span>/);
    expect(section).toContain('<span class="mark partly">partly</span>');
    expect(section).toContain('Not mentioned.');
    expect(section).toContain('needs-review');
    expect(section).toContain('criterion 1');
  });

  test('choice options show the pick, the correct one and each why', () => {
    const section = page.match(/<section class="question" id="q1"[\s\S]*?<\/section>/)![0];
    expect(section).toContain('<li class="option chosen correct">');
    expect(count(section, /<li class="option/g)).toBe(3);
    expect(section).toContain('your pick');
    expect(section).toContain('why 204');
  });

  test('design phases show prompt, answer beside model answer, follow-up and the skipped phase', () => {
    const section = page.match(/<section class="question" id="q3"[\s\S]*<\/main>/)![0];
    expect(count(section, /<section class="phase"/g)).toBe(3);
    expect(section).toContain('Do links expire?');
    expect(section).toContain('Ask QPS.');
    expect(section).toContain('The topic has no model answer.');
    expect(section).toContain('<span class="chip warn">skipped</span>');
  });

  test('a pending session says what to run and shows empty charts', () => {
    const question = short('later');
    const session = createSession({ id: 's-1', kind: 'quiz', nowMs: T0, seed: null, picked: [{ topic: 't', question }], settings: { flip: false, timeLimitSeconds: null, scripted: true, grader: 'self' } });
    recordAnswer(session, 0, answer('Some text', null), T0);
    const pending = render(session);
    expect(pending).toContain('Not graded yet');
    expect(pending).toContain('1 awaiting a grade: run coach grade s-1 --self');
    expect(pending).toContain('<div class="scorecard band-none">');
    expect(count(svg(pending, 'criteria'), /<rect class="bar /g)).toBe(0);
    expect(svg(pending, 'time')).toContain('not timed');
  });
});

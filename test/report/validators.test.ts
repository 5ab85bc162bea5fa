import { Ajv2020 } from 'ajv/dist/2020.js';
import { Parser, type Node } from 'commonmark';
import { describe, expect, test } from 'vitest';
import { buildReport } from '../../src/report/build.js';
import { renderHtmlReport } from '../../src/report/html.js';
import { escapeHtml } from '../../src/report/htmlEscape.js';
import { reportJsonSchema } from '../../src/report/jsonSchema.js';
import { renderMarkdownReport } from '../../src/report/markdown.js';
import { ReportSchema } from '../../src/report/schema.js';
import { renderTextReport } from '../../src/report/text.js';
import type { Session } from '../../src/session/model.js';
import { stripControl } from '../../src/text/controlChars.js';
import { plainStyle } from '../../src/ui/style.js';
import { CONTROL, htmlProblems } from '../helpers/validators.js';
import { hostileInterviewSession, hostileQuizSession, INTERVIEW_ANSWERS, QUIZ_ANSWERS } from '../helpers/hostileSessions.js';

/**
 * Third-party validators over reports of hostile sessions (see hostileSessions.ts):
 * html-validate for the HTML, commonmark.js for the Markdown, ajv with the
 * published JSON Schema for the JSON. The same validators run on reports the
 * built CLI writes in test/e2e/html.browser.test.ts, with axe-core in Chromium.
 */
const CASES: [string, () => Session, string[]][] = [
  ['quiz', hostileQuizSession, QUIZ_ANSWERS],
  ['interview', hostileInterviewSession, INTERVIEW_ANSWERS],
];


function walk(root: Node, visit: (node: Node) => void): void {
  const walker = root.walker();
  for (let event = walker.next(); event; event = walker.next()) if (event.entering) visit(event.node);
}

function textOf(root: Node): string {
  let text = '';
  walk(root, (node) => {
    if (node.type === 'text' || node.type === 'code') text += node.literal ?? '';
    if (node.type === 'softbreak' || node.type === 'linebreak') text += '\n';
  });
  return text;
}

const normalise = (text: string) => text.replace(/[\s\u00a0]+/g, ' ').trim();

const OUR_HEADINGS = /^(?:(?:Quiz|Interview|Review) report |\d+\. |Phase \d+ of \d+: |Your answer$|Model answer$|Follow-up$|Conversation$|Criteria$|Rubric|Explanation$|Why, according to |Feedback from |Model answer for the whole design$|Time per phase$)/;

describe.each(CASES)('a hostile %s report', (_kind, makeSession, answers) => {
  const session = makeSession();
  const report = buildReport(session);

  test('HTML: html-validate finds nothing (recommended + document presets)', async () => {
    expect(await htmlProblems(renderHtmlReport(report, session))).toEqual([]);
  });

  test('HTML: every answer is shown whole, escaped, in an element with dir="auto"', () => {
    const page = renderHtmlReport(report, session);
    for (const text of answers) expect(page).toContain(`dir="auto">${escapeHtml(stripControl(text).trim())}</div>`);
  });

  test('no format carries a control character, whatever the text came from', () => {
    const outputs = [renderHtmlReport(report, session), renderMarkdownReport(report, session), renderTextReport(report, session, plainStyle, 100), JSON.stringify(report)];
    for (const output of outputs) expect(output).not.toMatch(CONTROL);
    // The report JSON is clean even though the session is not.
    expect(JSON.stringify(session)).toMatch(CONTROL);
  });

  test('Markdown: commonmark.js finds every answer alone in its blockquote, and no link, image or HTML from any text', () => {
    const document = new Parser().parse(renderMarkdownReport(report, session));
    const quotes: string[] = [];
    const html: string[] = [];
    const headings: { level: number; text: string }[] = [];
    walk(document, (node) => {
      expect(['link', 'image', 'html_block', 'code_block']).not.toContain(node.type);
      if (node.type === 'html_inline') html.push(node.literal ?? '');
      if (node.type === 'block_quote') quotes.push(normalise(textOf(node)));
      if (node.type === 'heading') headings.push({ level: node.level, text: textOf(node) });
      // markdownlint MD036: a paragraph that is only bold (or only italics without closing punctuation) should be a heading.
      if (node.type === 'paragraph' && node.firstChild && node.firstChild === node.lastChild && (node.firstChild.type === 'strong' || (node.firstChild.type === 'emph' && !/[.,;:!?]$/.test(textOf(node))))) {
        throw new Error(`MD036: emphasis used as a heading: ${textOf(node)}`);
      }
    });
    // Our own line breaks inside GFM table cells are the only HTML.
    expect(new Set(html)).toEqual(html.length > 0 ? new Set(['<br>']) : new Set());
    for (const text of answers) expect(quotes).toContain(normalise(stripControl(text)));
    expect(headings.filter((heading) => heading.level === 1)).toHaveLength(1);
    headings.forEach((heading, index) => {
      expect(heading.text, `heading "${heading.text}"`).toMatch(OUR_HEADINGS);
      if (index > 0) expect(heading.level - headings[index - 1]!.level, `heading "${heading.text}" skips a level`).toBeLessThanOrEqual(1);
    });
  });

  test('JSON: valid against the published JSON Schema and ReportSchema', () => {
    const validate = new Ajv2020({ strict: false, allErrors: true }).compile(reportJsonSchema());
    const json = JSON.parse(JSON.stringify(report)) as unknown;
    expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
    expect(ReportSchema.parse(json)).toEqual(json);
  });
});

describe('the published JSON Schema', () => {
  test('rejects what the contract rejects', () => {
    const validate = new Ajv2020({ strict: false }).compile(reportJsonSchema());
    const good = JSON.parse(JSON.stringify(buildReport(hostileQuizSession()))) as Record<string, unknown>;
    expect(validate(good)).toBe(true);
    expect(validate({ ...good, schemaVersion: 1 })).toBe(false);
    expect(validate({ ...good, kind: 'exam' })).toBe(false);
    expect(validate({ ...good, extra: true })).toBe(false);
    const { questions: _questions, ...missing } = good;
    expect(validate(missing)).toBe(false);
  });

  test('the interview headline grade: pending while a phase awaits a grade, with no grader or points', () => {
    const report = buildReport(hostileInterviewSession());
    expect(report.questions[0]!.grade).toMatchObject({ by: null, status: 'pending', earned: null, possible: null, criteria: [] });
  });
});

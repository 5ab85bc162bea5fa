import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { Parser, type Node } from 'commonmark';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { stripControl } from '../../src/text/controlChars.js';
import { launchChromium } from '../helpers/browser.js';
import { ROOT, runCoach, tempHome, writeFiles } from '../helpers/cli.js';
import { CONTROL, htmlProblems } from '../helpers/validators.js';

/**
 * Reports the built CLI writes for sessions on a hostile topic
 * (test/fixtures/hostile) with hostile answers: html-validate, axe-core inside
 * Chromium (light and dark, desktop and phone), commonmark.js, and the JSON
 * against `coach schema --report`.
 */
const TOPICS = join(ROOT, 'test', 'fixtures', 'hostile');
const AXE = readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

const SHORT_ANSWER = 'NUL\u0000 ESC\u001b[31mred\u001b[0m OSC\u001b]0;title\u0007 <script>alert(1)</script> # heading\n[link](javascript:alert(1)) <https://evil.example> ![i](x) | a | b |\n\u05e9\u05dc\u05d5\u05dd \u0645\u0631\u062d\u0628\u0627';
const PHASE_ANSWER = '\u0000\u001b[31m<script>x</script> **bold** \u0645\u0631\u062d\u0628\u0627';
const FOLLOW_UP = 'F \u001b[1m</div> `tick`';

const normalise = (text: string) => text.replace(/[\s\u00a0]+/g, ' ').trim();

/** A node's text as a reader sees it: literals joined, line breaks as spaces. */
function plainText(root: Node): string {
  let text = '';
  const walker = root.walker();
  for (let event = walker.next(); event; event = walker.next()) {
    const node = event.node;
    if (!event.entering) continue;
    if (node.type === 'text' || node.type === 'code') text += node.literal ?? '';
    if (node.type === 'softbreak' || node.type === 'linebreak') text += ' ';
  }
  return normalise(text);
}

interface Written {
  html: string;
  md: string;
  json: string;
}

async function session(home: string, args: string[], answers: unknown): Promise<Written> {
  const env = { COACH_HOME: home, COACH_TOPICS: TOPICS };
  const file = join(writeFiles(join(home, 'in'), { 'answers.json': JSON.stringify(answers) }), 'answers.json');
  const run = await runCoach([...args, '--answers', file], { env });
  expect(run.code, run.stderr).toBe(0);
  const out = (format: string) => join(home, `report.${format}`);
  for (const format of ['html', 'md', 'json']) {
    const result = await runCoach(['report', 'latest', '--format', format, '--output', out(format)], { env });
    expect(result.code, result.stderr).toBe(0);
  }
  return { html: out('html'), md: out('md'), json: out('json') };
}

interface AxeFinding {
  id: string;
  impact: string | null;
  nodes: { target: string[]; failureSummary?: string }[];
}

describe('hostile reports written by the CLI pass the validators', () => {
  let browser: Browser | undefined;
  const written: Record<'quiz' | 'interview', Written> = {} as never;

  beforeAll(async () => {
    [written.quiz, written.interview] = await Promise.all([
      session(tempHome(), ['quiz'], { 'hostile-choice': 'b', 'hostile-short': { answer: SHORT_ANSWER, seconds: 300, self: { order: 'met', race: 'partly' } } }),
      // components answered but not graded: the question's headline stays pending; ops skipped.
      session(tempHome(), ['interview', 'hostile-design'], { 'hostile-design': { requirements: { answer: PHASE_ANSWER, seconds: 90, followUp: FOLLOW_UP, self: { scale: 'met' } }, components: { answer: 'API', seconds: 100 } } }),
    ]);
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  test.each(['quiz', 'interview'] as const)('%s: html-validate finds nothing; no control character in any format', async (kind) => {
    const files = written[kind];
    const html = readFileSync(files.html, 'utf8');
    expect(await htmlProblems(html)).toEqual([]);
    // The only links are the page's own anchors: no text (and no reference URL) becomes a link elsewhere.
    expect([...html.matchAll(/\bhref="([^"]*)"/g)].map((match) => match[1]!.charAt(0))).toEqual(expect.arrayContaining(['#']));
    expect([...html.matchAll(/\b(?:href|src|action|formaction)="(?!#)/g)]).toEqual([]);
    for (const file of [files.html, files.md, files.json]) expect(readFileSync(file, 'utf8')).not.toMatch(CONTROL);
  });

  test.each(['quiz', 'interview'] as const)('%s: the JSON validates against `coach schema --report`', async (kind) => {
    const printed = await runCoach(['schema', '--report']);
    expect(printed.code).toBe(0);
    const validate = new Ajv2020({ strict: false, allErrors: true }).compile(JSON.parse(printed.stdout) as object);
    const report = JSON.parse(readFileSync(written[kind].json, 'utf8')) as { questions: { type: string; grade: Record<string, unknown> }[] };
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    if (kind === 'interview') expect(report.questions[0]!.grade).toMatchObject({ by: null, status: 'pending', earned: null, possible: null });
  });

  test.each([
    ['quiz', [SHORT_ANSWER]],
    ['interview', [PHASE_ANSWER, FOLLOW_UP]],
  ] as const)('%s: commonmark.js sees no link, image or HTML node; every answer is a blockquote of its own', (kind, answers) => {
    const document = new Parser().parse(readFileSync(written[kind].md, 'utf8'));
    const walker = document.walker();
    const quotes: string[] = [];
    for (let event = walker.next(); event; event = walker.next()) {
      if (!event.entering) continue;
      const node = event.node;
      expect(['link', 'image', 'html_block']).not.toContain(node.type);
      if (node.type === 'html_inline') expect(node.literal).toBe('<br>');
      if (node.type === 'block_quote') quotes.push(plainText(node));
    }
    for (const answer of answers) expect(quotes).toContain(normalise(stripControl(answer)));
  });

  for (const kind of ['quiz', 'interview'] as const) {
    for (const scheme of ['light', 'dark'] as const) {
      for (const width of [1280, 375]) {
        test(`${kind}, ${scheme}, ${width} px: axe-core finds no serious or critical violation`, async () => {
          if (!browser) throw new Error('Chromium did not start; see the beforeAll error above');
          // The page's CSP forbids scripts, as it should; only this test's page may inject axe.
          const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: scheme, bypassCSP: true });
          try {
            const page = await context.newPage();
            await page.goto(pathToFileURL(written[kind].html).href, { waitUntil: 'load' });
            await page.evaluate(AXE);
            const violations = (await page.evaluate('axe.run(document, { resultTypes: ["violations"] }).then((result) => result.violations)')) as AxeFinding[];
            const serious = violations.filter((finding) => finding.impact === 'serious' || finding.impact === 'critical');
            const summary = serious.map((finding) => `${finding.id} (${finding.impact}) on ${finding.nodes.length} nodes: ${finding.nodes.slice(0, 3).map((node) => `${node.target.join(' ')} — ${node.failureSummary ?? ''}`).join(' | ')}`);
            expect(summary).toEqual([]);
            expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
          } finally {
            await context.close();
          }
        });
      }
    }
  }
});

import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildReport } from '../../src/report/build.js';
import { renderHtmlReport } from '../../src/report/html.js';
import { SessionSchema } from '../../src/session/model.js';
import { ROOT, runCoach, tempHome, writeFiles } from '../helpers/cli.js';

/**
 * The HTML report in a real headless Chromium: sessions come from the built CLI
 * (`npm run build` first; `npm test` does it), the page is rendered here.
 * CI installs Chromium with `apt-get install -y chromium`; without it this fails.
 */
const CHROMIUM = '/usr/bin/chromium';
const FIXTURES = join(ROOT, 'test', 'fixtures', 'topics');
const ARTIFACTS = join(ROOT, 'test', 'artifacts');
const EVIL = '<script>alert(1)</script><img src=x onerror=alert(2)>';
const PHONE = { width: 375, height: 812 };

async function sessionPage(command: 'quiz' | 'interview', args: string[], answers: string): Promise<string> {
  const home = tempHome();
  const file = join(writeFiles(join(home, 'answers'), { 'answers.yaml': answers }), 'answers.yaml');
  const result = await runCoach([command, ...args, '--answers', file], { env: { COACH_HOME: home, COACH_TOPICS: FIXTURES } });
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  const [name] = readdirSync(join(home, 'sessions'));
  const session = SessionSchema.parse(JSON.parse(readFileSync(join(home, 'sessions', name!), 'utf8')));
  const target = join(home, 'report.html');
  writeFileSync(target, renderHtmlReport(buildReport(session), session));
  return target;
}

interface Watched {
  page: Page;
  errors: string[];
  requests: string[];
  dialogs: string[];
}

async function open(browser: Browser, path: string, viewport: { width: number; height: number }): Promise<Watched> {
  const page = await browser.newPage({ viewport });
  const watched: Watched = { page, errors: [], requests: [], dialogs: [] };
  page.on('console', (message) => {
    if (message.type() === 'error') watched.errors.push(message.text());
  });
  page.on('pageerror', (error) => watched.errors.push(error.message));
  page.on('request', (request) => watched.requests.push(request.url()));
  page.on('dialog', (dialog) => {
    watched.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(pathToFileURL(path).href, { waitUntil: 'load' });
  return watched;
}

async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth);
}

describe('the HTML report in headless Chromium', () => {
  let browser: Browser | undefined;
  let quizPath: string;
  let interviewPath: string;

  /** A missing Chromium fails every test with the fix, rather than marking them skipped. */
  function ready(): Browser {
    if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: install it with "apt-get update && apt-get install -y chromium" (CI must; this test never skips)`);
    if (!browser) throw new Error('Chromium did not start; see the beforeAll error above');
    return browser;
  }

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) return;
    mkdirSync(ARTIFACTS, { recursive: true });
    [quizPath, interviewPath] = await Promise.all([
      sessionPage('quiz', [], `sample-short:\n  answer: ${JSON.stringify(EVIL)}\n  seconds: 300\n  self: { order: met, race: partly }\nsample-choice: { answer: b, seconds: 20 }\n`),
      sessionPage('interview', ['sample-design'], `sample-design:\n  requirements: { answer: Ask QPS and ratio., seconds: 90, followUp: Links expire after a year., self: { scale: met } }\n  components: { answer: "API, KV store, cache.", seconds: 100, self: { store: met, cache: partly } }\n`),
    ]);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  test('a quiz report: no errors, no network, escaped answer shown as text, charts visible, fits 375 px', async () => {
    const { page, errors, requests, dialogs } = await open(ready(), quizPath, PHONE);
    const answer = page.getByText(EVIL, { exact: true });
    expect(await answer.count()).toBe(1);
    expect(await answer.isVisible()).toBe(true);
    expect(await page.locator('script, img, link, iframe').count()).toBe(0);
    for (const name of ['criteria', 'time']) {
      const chart = page.locator(`svg.chart-${name}[role="img"]`);
      expect(await chart.isVisible()).toBe(true);
      expect(await chart.getAttribute('aria-label')).toMatch(/\w{3,}/);
    }
    expect(await page.locator('svg.chart-criteria rect.bar').count()).toBe(3);
    expect(await page.locator('svg.chart-time rect.bar').count()).toBe(2);
    expect(await page.locator('svg.chart-time rect.overtime').count()).toBe(1);
    expect(await page.locator('.chip.over').textContent()).toContain('1:00 over');
    expect(await page.locator('.chip.over').isVisible()).toBe(true);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(PHONE.width);
    await page.screenshot({ path: join(ARTIFACTS, 'report-phone.png'), fullPage: true });
    await page.setViewportSize({ width: 1100, height: 900 });
    await page.screenshot({ path: join(ARTIFACTS, 'report.png'), fullPage: true });
    await page.close();
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    expect(requests).toEqual([pathToFileURL(quizPath).href]);
  });

  test('an interview report: phases, follow-up and overtime render without errors and fit 375 px', async () => {
    const { page, errors, requests, dialogs } = await open(ready(), interviewPath, PHONE);
    expect(await page.locator('section.phase').count()).toBe(3);
    expect(await page.getByText('Links expire after a year.', { exact: true }).isVisible()).toBe(true);
    expect(await page.locator('svg.chart-time rect.bar').count()).toBe(2);
    expect(await page.locator('svg.chart-time rect.overtime').count()).toBe(1);
    expect(await page.locator('svg.chart-criteria rect.bar').count()).toBe(4);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(PHONE.width);
    await page.screenshot({ path: join(ARTIFACTS, 'report-interview-phone.png'), fullPage: true });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.setViewportSize({ width: 1100, height: 900 });
    await page.screenshot({ path: join(ARTIFACTS, 'report-interview-dark.png'), fullPage: true });
    await page.close();
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    expect(requests).toEqual([pathToFileURL(interviewPath).href]);
  });
});

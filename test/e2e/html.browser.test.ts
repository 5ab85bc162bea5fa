import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium } from '../helpers/browser.js';
import { ROOT, runCoach, tempHome, writeFiles } from '../helpers/cli.js';

/**
 * The HTML report in a real headless Chromium (from npm: see test/helpers/browser.ts).
 * Sessions and pages both come from the built CLI (`npm run build` first; `npm test` does it).
 */
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
  const target = join(home, 'report.html');
  const report = await runCoach(['report', 'latest', '--format', 'html', '--output', target], { env: { COACH_HOME: home, COACH_TOPICS: FIXTURES } });
  expect(report.stderr).toBe(`Wrote ${target}\n`);
  expect(report.code).toBe(0);
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

  function ready(): Browser {
    if (!browser) throw new Error('Chromium did not start; see the beforeAll error above');
    return browser;
  }

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    [quizPath, interviewPath] = await Promise.all([
      sessionPage('quiz', [], `sample-short:\n  answer: ${JSON.stringify(EVIL)}\n  seconds: 300\n  self: { order: met, race: partly }\nsample-choice: { answer: b, seconds: 20 }\n`),
      sessionPage('interview', ['sample-design'], `sample-design:\n  requirements: { answer: Ask QPS and ratio., seconds: 90, followUp: Links expire after a year., self: { scale: met } }\n  components: { answer: "API, KV store, cache.", seconds: 100, self: { store: met, cache: partly } }\n`),
    ]);
    browser = await launchChromium();
  }, 120_000);

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

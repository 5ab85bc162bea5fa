import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { displayWidth } from '../../src/text/layout.js';
import { runCoach, tempHome, writeFiles } from '../helpers/cli.js';
import { KEYS, spawnCoach } from '../helpers/pty.js';

/**
 * Screens at 60, 80 and 120 columns: every line the coach prints fits, so the
 * terminal never wraps anything itself, and no word is broken unless it is
 * longer than the line. Topic prose below is written the way YAML authors write
 * it: hard line breaks mid-sentence, a list, a fence, CJK and emoji.
 */
const WIDTHS = [60, 80, 120] as const;
const GOLDEN = join(dirname(fileURLToPath(import.meta.url)), 'golden');

const MODEL = `Count views with a sharded counter: each video's counter
is split over N keys so 200,000 increments/s at
peak never land on one shard, and readers sum the shards on each video page.

- shard the counter across
  sixteen keys, chosen at random per increment
- sum on read, cached for a second

\`\`\`
INCRBY views:{42}:7 1
\`\`\`

表示回数は数秒以内に反映されます 🚀 and the totals reconcile nightly from the event log.`;

const TOPIC = `id: widths
title: 幅のテスト — layout at every width
questions:
  - id: widths-choice
    type: choice
    difficulty: easy
    prompt: |
      Which index makes random reads of heap pages cheap when the
      working set is larger than memory and the access pattern is uniform?
    choices:
      - { text: "A B-tree on the key", correct: true, why: "It turns random heap page reads into a few index page reads, most of which stay cached in the buffer pool." }
      - { text: "A full table scan", why: "It reads every heap page, sequentially but all of them, for every single lookup." }
    explanation: |
      Random heap pages are the
      expensive part; the index keeps
      the hot path in memory.
  - id: widths-short
    type: short
    difficulty: medium
    prompt: |
      How do you count video views at 200,000 increments per second and show
      a fresh total on every video page within a few seconds?
    rubric:
      - { id: shard, points: 2, criterion: "Shards the counter over several keys so no single shard takes every increment at peak load." }
      - { id: read, points: 1, criterion: "Sums the shards on read and caches the total briefly." }
    modelAnswer: |
${MODEL.split('\n').map((line) => `      ${line}`).join('\n')}
`;

const ANSWERS = `widths-choice: b
widths-short:
  answer: |
    I would shard the counter and sum the shards on read.
  self: { shard: met, read: partly }
`;

function setup(): { home: string; env: Record<string, string> } {
  const home = tempHome();
  const topics = writeFiles(join(home, 'mine'), { 'widths.yaml': TOPIC });
  return { home, env: { COACH_HOME: home, COACH_TOPICS: topics, PAGER: 'cat', TZ: 'UTC' } };
}

/** Lines of printed text (escape sequences and carriage returns removed). */
function printedLines(text: string): string[] {
  return text.replace(/\r/g, '').split('\n');
}

function expectFits(text: string, width: number): void {
  const wide = printedLines(text).filter((line) => displayWidth(line) > width);
  expect(wide, `lines wider than ${width}:\n${wide.join('\n')}`).toEqual([]);
}

/** Every word of `source` no longer than `room` columns appears whole on the screen. */
function expectWordsWhole(screen: string, source: string, room: number): void {
  const tokens = new Set(screen.split(/[\s│]+/));
  const words = source.split(/\s+/).filter((word) => word !== '' && displayWidth(word) <= room);
  const broken = words.filter((word) => !tokens.has(word));
  expect(broken, 'words broken across lines').toEqual([]);
}

function golden(name: string, actual: string): void {
  const file = join(GOLDEN, name);
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(GOLDEN, { recursive: true });
    writeFileSync(file, actual);
  }
  expect(existsSync(file), `${file} is missing: run UPDATE_GOLDEN=1 npx vitest run test/e2e/widths.test.ts`).toBe(true);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

const maskSession = (text: string) => text.replace(/\d{8}-\d{6}-[0-9a-z]{4}/g, '<session>').replace(/\d{4}-\d\d-\d\d \d\d:\d\d \(UTC\)/g, '<time>').replace(/\/\S+\/sessions\/\S+\.json/g, '<path>');

describe.each(WIDTHS)('at %i columns', (width) => {
  test('the report: reflowed model answer, wrapped options and rubric, within the width (golden)', async () => {
    const { home, env } = setup();
    const answers = writeFiles(join(home, 'a'), { 'a.yaml': ANSWERS });
    const quiz = await runCoach(['quiz', 'widths', '--answers', join(answers, 'a.yaml'), '--seed', '1'], { env: { ...env, COLUMNS: String(width) } });
    expect(quiz.code).toBe(0);
    expectFits(quiz.stdout, width);
    const term = spawnCoach(['report'], env, { cols: width, rows: 200 });
    expect(await term.exit).toMatchObject({ exitCode: 0 });
    const screen = term.screen();
    expectFits(screen, width);
    // The YAML's soft break ("… increments/s at" / "peak …") is gone: the sentence flows.
    expect(await term.softWrapped()).toEqual([]);
    const modelColumn = width >= 90 ? screen.split('\n').filter((line) => line.includes(' │ ')).map((line) => line.slice(line.indexOf(' │ ') + 3)).join(' ') : screen;
    expect(modelColumn.replace(/\s+/g, ' ')).toContain('200,000 increments/s at peak never land on one shard');
    expectWordsWhole(screen, MODEL, width >= 90 ? Math.floor((width - 3) / 2) : width - 1);
    // The fence stays verbatim: its line is not joined with the prose around it.
    expect(modelColumn).toMatch(/```\s+INCRBY views:\{42\}:7 1\s+```/);
    expect(screen).toMatch(/^(.*│ )?INCRBY views:\{42\}:7 1$/m);
    golden(`report-${width}.txt`, maskSession(screen));
  });

  test('topics, questions, history and stats fit the width', async () => {
    const { home, env } = setup();
    const answers = writeFiles(join(home, 'a'), { 'a.yaml': ANSWERS });
    await runCoach(['quiz', 'widths', '--answers', join(answers, 'a.yaml')], { env });
    for (const args of [['topics'], ['questions', 'widths'], ['history'], ['stats'], ['review', '--list'], ['--help'], ['quiz', '--help']]) {
      const result = await runCoach(args, { env: { ...env, COLUMNS: String(width) } });
      expect(result.code, args.join(' ')).toBe(0);
      if (args[0] !== '--help' && args[1] !== '--help') expectFits(result.stdout, width);
      if (args[0] === 'topics') {
        // Ids are never cut; the title column gives way.
        for (const id of ['caching', 'distributed-consistency', 'widths']) expect(result.stdout).toMatch(new RegExp(`^${id}\\s`, 'm'));
      }
    }
  });

  test('a quiz in the terminal: options, feedback and answers side by side, no word broken', async () => {
    const { env } = setup();
    const term = spawnCoach(['quiz', 'widths', '--type', 'choice', '--count', '1', '--seed', '1'], env, { cols: width, rows: 60 });
    await term.waitFor('A full table scan');
    term.write('b');
    term.write(KEYS.enter);
    await term.waitFor('Not quite');
    await term.exit;
    // Prompts redraw in place, so the emulator (not the byte stream) says whether the terminal wrapped a line itself.
    expect(await term.softWrapped()).toEqual([]);
    const screen = [...(await term.scrollback()), ...(await term.rows())].join('\n');
    expectWordsWhole(screen.slice(screen.indexOf('Not quite')), 'It turns random heap page reads into a few index page reads, most of which stay cached in the buffer pool. Random heap pages are the expensive part; the index keeps the hot path in memory.', width - 8);
  });
});

test('the scenario picker shows title, difficulty and the minutes --minutes gives', async () => {
  const { env } = setup();
  const term = spawnCoach(['interview', '--topic', 'caching', '--minutes', '3'], env, { cols: 80, rows: 30 });
  await term.waitFor('Which scenario?');
  const screen = await term.waitForScreen(/· \w+ · 3 min/);
  for (const row of screen.split('\n')) expect(displayWidth(row)).toBeLessThanOrEqual(80);
  expect(screen).not.toContain('45 min');
  expect(screen).toMatch(/Design [^\n]*· (easy|medium|hard) · 3 min/);
  term.write(KEYS.ctrlC);
  await term.exit;
});

test('--count larger than the selection says how many were found', async () => {
  const { home, env } = setup();
  const answers = writeFiles(join(home, 'a'), { 'a.yaml': 'widths-choice: a\n' });
  const result = await runCoach(['quiz', 'widths', '--type', 'choice', '--count', '99', '--answers', join(answers, 'a.yaml')], { env });
  expect(result.code).toBe(0);
  expect(result.stderr).toContain('--count 99: only 1 question matches the topics and filters, so the quiz has 1.');
});

test('a skipped question shows its model answer in the summary, and the interview counts phases', async () => {
  const { home, env } = setup();
  const answers = writeFiles(join(home, 'a'), { 'a.yaml': 'widths-choice: a\n' });
  const quiz = await runCoach(['quiz', 'widths', '--answers', join(answers, 'a.yaml')], { env });
  expect(quiz.stdout).toContain('1 question answered, 1 skipped');
  expect(quiz.stdout.replace(/\s+/g, ' ')).toContain("Count views with a sharded counter: each video's counter is split over N keys");
  const design = writeFiles(join(home, 'd'), { 'd.yaml': 'design-url-shortener:\n  requirements: { answer: "QPS and ratio" }\n' });
  const interview = await runCoach(['interview', 'design-url-shortener', '--answers', join(design, 'd.yaml')], { env: { ...env, COACH_TOPICS: '' } });
  const phases = /(\d+) phases? answered, (\d+) skipped/.exec(interview.stdout);
  expect(phases, interview.stdout + interview.stderr).not.toBeNull();
  expect(Number(phases![1]) + Number(phases![2])).toBeGreaterThan(1);
  const history = await runCoach(['history', '--json'], { env });
  const entry = (JSON.parse(history.stdout) as { sessions: { kind: string; questions: number; answered: number }[] }).sessions.find((session) => session.kind === 'interview')!;
  expect([entry.answered, entry.questions]).toEqual([Number(phases![1]), Number(phases![1]) + Number(phases![2])]);
});

test('the Markdown and HTML reports reflow topic prose the same way, and keep its structure', async () => {
  const { home, env } = setup();
  const answers = writeFiles(join(home, 'a'), { 'a.yaml': ANSWERS });
  await runCoach(['quiz', 'widths', '--answers', join(answers, 'a.yaml')], { env });
  const md = await runCoach(['report', '--format', 'md'], { env });
  expect(md.stdout).toContain('> Count views with a sharded counter: each video\'s counter is split over N keys so 200,000 increments/s at peak never land on one shard, and readers sum the shards on each video page.');
  expect(md.stdout).toContain('shard the counter across sixteen keys, chosen at random per increment');
  expect(md.stdout).toContain('Random heap pages are the expensive part; the index keeps the hot path in memory.');
  expect(md.stdout).not.toMatch(/\d{4}-\d\d-\d\dT\d\d:\d\d/); // local, human times in Markdown
  const html = await runCoach(['report', '--format', 'html'], { env });
  expect(html.stdout).toContain('is split over N keys so 200,000 increments/s at peak never land on one shard');
  expect(html.stdout).toMatch(/- shard the counter across sixteen keys, chosen at random per increment\n- sum on read/);
  const json = await runCoach(['report', '--json'], { env });
  expect(JSON.parse(json.stdout).startedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/); // ISO stays in JSON
});

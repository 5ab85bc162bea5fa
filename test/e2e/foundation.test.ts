import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ROOT, runCoach, stripAnsi, tempHome, writeFiles } from '../helpers/cli.js';

const bundledIds = readdirSync(join(ROOT, 'topics'))
  .filter((name) => name.endsWith('.yaml'))
  .map((name) => name.replace(/\.yaml$/, ''))
  .sort();
const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const STACK_LINE = /^\s+at .+:\d+:\d+\)?$/m;

const userTopic = (id: string, title: string, questionIds: string[]) =>
  `id: ${id}\ntitle: ${title}\nquestions:\n${questionIds
    .map((qid) => `  - id: ${qid}\n    type: choice\n    prompt: Pick one.\n    choices: [{ text: A, correct: true }, { text: B }]\n`)
    .join('')}`;

describe('coach --version and --help', () => {
  test('--version prints the package version only', async () => {
    const result = await runCoach(['--version']);
    expect(result).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  test('--help lists commands and exits 0', async () => {
    const result = await runCoach(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Usage: coach');
    expect(result.stderr).toBe('');
  });
});

describe('coach topics', () => {
  test('lists every bundled topic with counts by type', async () => {
    const result = await runCoach(['topics']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const lines = stripAnsi(result.stdout).split('\n');
    expect(lines[0]).toMatch(/^ID\s+TITLE\s+CHOICE\s+SHORT\s+DESIGN$/);
    for (const id of bundledIds) expect(lines.some((line) => line.startsWith(`${id} `))).toBe(true);
  });

  test('--json gives machine-readable summaries and no colour', async () => {
    const result = await runCoach(['topics', '--json'], { env: { FORCE_COLOR: '1' } });
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain('\u001b[');
    const { topics } = JSON.parse(result.stdout) as { topics: { id: string; questions: number; counts: Record<string, number>; source: string }[] };
    expect(topics.map((topic) => topic.id)).toEqual(bundledIds);
    for (const topic of topics) {
      expect(topic.source).toBe('bundled');
      expect(topic.counts.choice + topic.counts.short + topic.counts.design).toBe(topic.questions);
    }
  });

  test('a user topic with a bundled id overrides it; --topics and COACH_TOPICS both work', async () => {
    const home = tempHome();
    const first = writeFiles(join(home, 'first'), { 'mine.yaml': userTopic('my-topic', 'Mine v1', ['a']) });
    const second = writeFiles(join(home, 'second'), {
      'mine.yaml': userTopic('my-topic', 'Mine v2', ['a', 'b']),
      'override.yaml': userTopic(bundledIds[0]!, 'Overridden', ['x']),
    });
    const result = await runCoach(['--json', 'topics', '--topics', second], { env: { COACH_TOPICS: first } });
    expect(result.code).toBe(0);
    const { topics } = JSON.parse(result.stdout) as { topics: { id: string; title: string; questions: number; source: string }[] };
    expect(topics.find((topic) => topic.id === 'my-topic')).toMatchObject({ title: 'Mine v2', questions: 2, source: join(second, 'mine.yaml') });
    expect(topics.find((topic) => topic.id === bundledIds[0])).toMatchObject({ title: 'Overridden', questions: 1 });
    expect(topics).toHaveLength(bundledIds.length + 1);
  });

  test('a broken user file is reported on stderr and skipped; the rest still load', async () => {
    const dir = writeFiles(join(tempHome(), 'mine'), {
      'good.yaml': userTopic('good-one', 'Good', ['g']),
      'broken.yaml': 'id: broken\ntitle: Broken\nquestions:\n  - id: q\n    type: short\n    prompt: P\n',
    });
    const result = await runCoach(['topics', '--topics', dir]);
    expect(result.code).toBe(0);
    expect(stripAnsi(result.stderr)).toContain(`${join(dir, 'broken.yaml')}:4:5  questions[0].rubric: required field is missing`);
    expect(result.stderr).not.toMatch(STACK_LINE);
    expect(result.stdout).toMatch(/^good-one /m);
    expect(result.stdout).not.toMatch(/^broken /m);
  });

  test('--strict makes a topic problem fatal, still without a stack trace', async () => {
    const dir = writeFiles(join(tempHome(), 'mine'), { 'broken.yaml': 'id: broken\ntitle: [\n' });
    const result = await runCoach(['--strict', 'topics', '--topics', dir]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(new RegExp(`^${join(dir, 'broken.yaml')}:\\d+:\\d+  YAML syntax: `, 'm'));
    expect(result.stderr).not.toMatch(STACK_LINE);
  });

  test('a missing topic folder is a usage error (exit 2)', async () => {
    const result = await runCoach(['topics', '--topics', '/no/such/folder']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('coach: topic folder not found: /no/such/folder (from --topics)\n');
  });
});

describe('coach lint', () => {
  test('the bundled topics lint clean', async () => {
    const result = await runCoach(['lint']);
    expect(result.stdout).toBe('');
    expect(stripAnsi(result.stderr)).toMatch(/^✔ \d+ files, \d+ questions: no problems\n$/);
    expect(result.code).toBe(0);
  });

  test('one line per problem on stdout, summary on stderr, exit 1', async () => {
    const dir = writeFiles(join(tempHome(), 'bad'), {
      'a.yaml': 'id: a\ntitle: A\nquestions:\n\t- x\n',
      'b.yaml': 'id: b\ntitle: B\nbogus: 1\nquestions: []\n',
      'c.yaml': userTopic('c', 'C', ['fine']),
    });
    const result = await runCoach(['lint', dir], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stdout.split('\n').filter(Boolean)).toEqual([
      'a.yaml:4:1  YAML syntax: Tabs are not allowed as indentation',
      'b.yaml:3:1  bogus: unknown field "bogus" (allowed: id, title, summary, tags, questions)',
      'b.yaml:4:12  questions: needs at least 1 item, found a list of 0',
    ]);
    expect(stripAnsi(result.stderr)).toBe('✖ 3 problems in 2 of 3 files\n');
  });

  test('--json reports problems as data', async () => {
    const dir = writeFiles(join(tempHome(), 'bad'), { 'a.yaml': 'id: a\ntitle: A\nquestions: 3\n' });
    const result = await runCoach(['lint', '--json', join(dir, 'a.yaml')]);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toEqual({
      files: 1,
      topics: 0,
      questions: 0,
      problems: [{ file: join(dir, 'a.yaml'), line: 3, col: 12, message: 'questions: expected a list, found 3' }],
      emptyFolders: [],
    });
  });

  test('two files with the same topic id are reported', async () => {
    const dir = writeFiles(join(tempHome(), 'dup'), { 'one.yaml': userTopic('same', 'One', ['a']), 'two.yaml': `# comment\n${userTopic('same', 'Two', ['b'])}` });
    const result = await runCoach(['lint', '.'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('two.yaml:2:1  id: topic "same" is already defined in one.yaml\n');
  });

  test('a path that does not exist is a usage error', async () => {
    const result = await runCoach(['lint', 'nope.yaml'], { cwd: tempHome() });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^coach: no such file or folder: .*nope\.yaml\n$/);
  });
});

describe('other commands', () => {
  test('coach schema prints the committed JSON Schema', async () => {
    const result = await runCoach(['schema']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(readFileSync(join(ROOT, 'topics', 'topic.schema.json'), 'utf8'));
  });

  test('unknown options exit 2 with a hint', async () => {
    const result = await runCoach(['topics', '--frobnicate']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("error: unknown option '--frobnicate'");
    expect(result.stderr).not.toMatch(STACK_LINE);
  });
});

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runCoach, tempHome } from '../helpers/cli.js';

/** File names with a line feed or an escape sequence are shown escaped: one line, nothing raw reaches the terminal. */
const NEWLINE_NAME = 'n\nl.yaml';
const OSC_NAME = 'x\u001b]0;T\u0007.json';
const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

function setup() {
  const work = tempHome();
  const home = join(work, 'data');
  mkdirSync(join(work, 'd'), { recursive: true });
  writeFileSync(join(work, 'd', NEWLINE_NAME), 'id: y\n');
  return { work, env: { COACH_HOME: home } };
}

describe('paths and file names in messages keep to one line', () => {
  test('lint d: every problem line names d/n\\nl.yaml on its own line', async () => {
    const { work, env } = setup();
    const run = await runCoach(['lint', 'd'], { cwd: work, env });
    expect(run.code).toBe(1);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).toMatch(/^d\/n\\nl\.yaml:\d+:\d+ {2}/);
    expect(run.stdout + run.stderr).not.toMatch(RAW);
  });

  test('--topics d: the skipped-file problems on stderr are one line each', async () => {
    const { work, env } = setup();
    const run = await runCoach(['--topics', 'd', 'topics'], { cwd: work, env });
    const named = run.stderr.split('\n').filter((line) => line.includes('n\\nl.yaml'));
    expect(named.length).toBeGreaterThan(0);
    for (const line of named) expect(line).toMatch(/d\/n\\nl\.yaml:\d+:\d+ {2}/);
    expect(run.stderr).not.toMatch(RAW);
  });

  test('import and export --output show an OSC sequence in the name escaped, the same way', async () => {
    const { work, env } = setup();
    const missing = await runCoach(['import', OSC_NAME], { cwd: work, env });
    expect(missing.stderr).toBe('coach: x\\x1b]0;T\\x07.json: no such file\n');
    const exported = await runCoach(['export', '--output', OSC_NAME], { cwd: work, env });
    expect(exported).toMatchObject({ code: 0, stderr: 'Wrote x\\x1b]0;T\\x07.json\n' });
    const imported = await runCoach(['import', OSC_NAME], { cwd: work, env });
    expect(imported).toMatchObject({ code: 0, stdout: 'Imported 0 sessions from x\\x1b]0;T\\x07.json; 0 already here.\n' });
    const again = await runCoach(['export', '--output', OSC_NAME], { cwd: work, env });
    expect(again).toMatchObject({ code: 1, stderr: 'coach: x\\x1b]0;T\\x07.json already exists; use --force to overwrite it\n' });
  });

  test('backup names its target escaped', async () => {
    const { work, env } = setup();
    const name = `b\n${OSC_NAME}.db`;
    const run = await runCoach(['backup', name], { cwd: work, env });
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/^Backed up 0 sessions from .* to b\\nx\\x1b\]0;T\\x07\.json\.db\n$/);
  });

  test('report --output and a missing --topics folder: escaped too', async () => {
    const { work, env } = setup();
    writeFileSync(join(work, 'a.yaml'), 'eviction-lru: c\n');
    expect((await runCoach(['quiz', 'caching', '--answers', 'a.yaml', '--json'], { cwd: work, env })).code).toBe(0);
    const report = await runCoach(['report', '--format', 'md', '--output', `r\n.md`], { cwd: work, env });
    expect(report).toMatchObject({ code: 0, stderr: 'Wrote r\\n.md\n' });
    const topics = await runCoach(['--topics', `gone\u001b[2J`, 'topics'], { cwd: work, env });
    expect(topics.code).not.toBe(0);
    expect(topics.stderr).toContain('gone\\x1b[2J');
    expect(topics.stderr.trimEnd().split('\n')).toHaveLength(1);
  });
});

describe('any error about a path with a line feed in it is one line, whichever part of the coach raises it', () => {
  test.each([
    ['a data folder that is a file', (work: string) => (writeFileSync(join(work, 'h\nome'), 'x'), join(work, 'h\nome')), ['history']],
    ['config set under a data folder that is a file', (work: string) => (writeFileSync(join(work, 'h\nome'), 'x'), join(work, 'h\nome')), ['config', 'set', 'plan.minutes', '30']],
    ['stats with a data folder under a file', (work: string) => (writeFileSync(join(work, 'f\nile'), 'x'), join(work, 'f\nile', 'sub')), ['stats']],
  ])('%s', async (_name, make, args) => {
    const work = tempHome();
    const home = make(work);
    const run = await runCoach(args, { env: { COACH_HOME: home } });
    expect(run.code).not.toBe(0);
    expect(run.stderr.trimEnd().split('\n'), run.stderr).toHaveLength(1);
    expect(run.stderr).toMatch(/^coach: .*\\n/);
    expect(run.stderr).not.toMatch(RAW);
  });

  test('--strict still lists one problem per line', async () => {
    const work = tempHome();
    mkdirSync(join(work, 'd'));
    writeFileSync(join(work, 'd', 'a.yaml'), 'id: a\n');
    writeFileSync(join(work, 'd', 'b.yaml'), 'id: b\n');
    const run = await runCoach(['--strict', '--topics', 'd', 'topics'], { cwd: work, env: { COACH_HOME: join(work, 'data') } });
    expect(run.code).toBe(1);
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^coach: --strict: stopping on \d+ topic problems:$/);
    expect(lines.filter((line) => /^d\/[ab]\.yaml:\d+:\d+ {2}/.test(line)).length).toBeGreaterThanOrEqual(2);
  });
});

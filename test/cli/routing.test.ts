import { describe, expect, test } from 'vitest';
import { runCli, type Dispatch } from '../../src/cli.js';
import type { Context } from '../../src/context.js';
import { captureIo } from '../helpers/io.js';

interface Call {
  name: string;
  options: object;
  ctx: Context;
}

async function route(argv: string[], env: Record<string, string> = {}) {
  const calls: Call[] = [];
  const dispatch: Dispatch = async (name, options, ctx) => {
    calls.push({ name, options, ctx });
  };
  const io = captureIo({ env });
  const code = await runCli(argv, io, dispatch);
  return { code, calls, out: io.out(), err: io.err() };
}

describe('each command receives the options it should', () => {
  test.each([
    [['topics'], 'topics', {}],
    [['lint'], 'lint', { paths: [] }],
    [['lint', 'a.yaml', 'dir/'], 'lint', { paths: ['a.yaml', 'dir/'] }],
    [['schema'], 'schema', {}],
    [['schema', '--report'], 'schema', { report: true }],
    [['schema', '--plan'], 'schema', { plan: true }],
    [['plan', '--until', '2026-12-14', '--minutes', '45', 'caching'], 'plan', { topics: ['caching'], until: '2026-12-14', minutes: '45' }],
    [['plan', '--until', '2026-12-14', '--today'], 'plan', { topics: [], until: '2026-12-14', today: true }],
    [['today', '--until', '2026-12-14', '--answers', 'a.yaml'], 'today', { topics: [], until: '2026-12-14', answers: 'a.yaml' }],
    [['cram', 'caching', '--limit', '5', '--flip'], 'cram', { topics: ['caching'], limit: '5', flip: true, tag: [] }],
  ])('coach %j', async (argv, name, options) => {
    const { code, calls } = await route(argv as string[]);
    expect(code).toBe(0);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.name).toBe(name);
    expect(calls[0]!.options).toEqual(options);
  });

  test('global flags work before and after the command name', async () => {
    for (const argv of [
      ['--json', '--strict', '--topics', 'a', 'topics', '--topics', 'b'],
      ['topics', '--json', '--topics', 'a', '--strict', '--topics', 'b'],
    ]) {
      const { calls } = await route(argv);
      const { ctx } = calls[0]!;
      expect(ctx.json).toBe(true);
      expect(ctx.strict).toBe(true);
      expect(ctx.topicSources.userDirs.map((entry) => entry.dir.split('/').at(-1))).toEqual(['a', 'b']);
    }
  });

  test('COACH_TOPICS folders come before --topics folders (later ones override)', async () => {
    const { calls } = await route(['topics', '--topics', 'flag'], { COACH_TOPICS: 'env1::env2' });
    expect(calls[0]!.ctx.topicSources.userDirs.map((entry) => [entry.dir.split('/').at(-1), entry.source])).toEqual([
      ['env1', 'COACH_TOPICS'],
      ['env2', 'COACH_TOPICS'],
      ['flag', '--topics'],
    ]);
  });

  test('--json turns colour off even when FORCE_COLOR asks for it', async () => {
    const { calls } = await route(['topics', '--json'], { FORCE_COLOR: '1' });
    expect(calls[0]!.ctx.style.level).toBe(0);
    const forced = await route(['topics'], { FORCE_COLOR: '1' });
    expect(forced.calls[0]!.ctx.style.level).toBe(1);
    expect(forced.calls[0]!.ctx.style.red('x')).toBe('\u001b[31mx\u001b[39m');
  });
});

describe('usage errors exit 2, help and version exit 0', () => {
  test.each([[['bogus']], [['topics', '--bogus']], [['lint', '--count']], [['--topics']]])('coach %j exits 2', async (argv) => {
    const { code, calls, err } = await route(argv);
    expect(code).toBe(2);
    expect(calls).toHaveLength(0);
    expect(err).toMatch(/^error: /);
  });

  test('unknown commands get a suggestion', async () => {
    const { err } = await route(['topic']);
    expect(err).toContain("Did you mean topics?");
  });

  test.each([[['--help']], [['topics', '--help']], [['--version']], [[]]])('coach %j exits 0', async (argv) => {
    const { code, calls, out } = await route(argv);
    expect(code).toBe(0);
    expect(calls).toHaveLength(0);
    expect(out.length).toBeGreaterThan(0);
  });

  test('every command of PRODUCT.md is listed in --help, with examples', async () => {
    const { out } = await route(['--help']);
    for (const name of ['quiz', 'interview', 'review', 'plan', 'today', 'cram', 'resume', 'grade', 'report', 'history', 'stats', 'export', 'calibrate', 'lint', 'schema', 'config', 'doctor', 'topics']) {
      expect(out).toMatch(new RegExp(`^  ${name}\\b`, 'm'));
    }
    expect(out).toContain('Examples:');
  });

  test.each(['topics', 'lint', 'schema', 'plan', 'today', 'cram'])('coach %s --help has examples', async (name) => {
    const { out } = await route([name, '--help']);
    expect(out).toContain('Examples:');
    expect(out).toContain(`$ coach ${name}`);
  });
});

describe('mistakes name the fix', () => {
  test.each([
    [['quiz', '--cout', '3'], /unknown option '--cout'\n\(Did you mean --count\?\)\n\(run "coach quiz --help" for usage and examples\)/],
    [['interview', '--minuts', '3'], /\(Did you mean --minutes\?\)\n\(run "coach interview --help"/],
    [['quizz'], /unknown command 'quizz'\n\(Did you mean quiz\?\)/],
    [['reveiw'], /\(Did you mean review\?\)/],
    [['questons'], /\(Did you mean questions\?\)/],
    [['history', 'extra'], /\(run "coach history --help" for usage and examples\)/],
  ])('coach %j', async (argv, message) => {
    const { code, calls, err } = await route(argv);
    expect(code).toBe(2);
    expect(calls).toHaveLength(0);
    expect(err).toMatch(message);
  });

  test.each([
    [['questions'], 'questions', { topics: [] }],
    [['questions', 'caching', '--type', 'design'], 'questions', { topics: ['caching'], type: 'design' }],
    [['topics', '--questions'], 'topics', { questions: true }],
  ])('coach %j routes', async (argv, name, options) => {
    const { calls } = await route(argv as string[]);
    expect(calls[0]!.name).toBe(name);
    expect(calls[0]!.options).toEqual(options);
  });

  test('--help examples cover the main flows', async () => {
    const { out } = await route(['--help']);
    for (const flow of ['coach quiz', 'coach interview', 'coach review', 'coach resume', 'coach history', 'coach stats', 'coach questions']) expect(out).toContain(`$ ${flow}`);
  });
});

describe('did you mean', () => {
  test.each([
    ['cachng', ['caching', 'databases'], ['caching']],
    ['design-url-shortner', ['design-url-shortener', 'design-news-feed'], ['design-url-shortener']],
    ['meduim', ['easy', 'medium', 'hard'], ['medium']],
    ['CACHING', ['caching'], ['caching']],
    ['zzz', ['caching', 'databases'], []],
    ['cache', ['caching', 'cache-aside-write-path', 'auth'], ['caching', 'cache-aside-write-path']],
  ])('%s among %j', async (input, candidates, expected) => {
    const { closestMatches } = await import('../../src/text/suggest.js');
    expect(closestMatches(input, candidates)).toEqual(expected);
  });
});

import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ROOT, runCoach, type RunResult } from '../helpers/cli.js';
import { runAsNobody } from '../helpers/faults.js';

/**
 * Every command that touches the data folder, against every odd kind of
 * COACH_HOME and of coach.db (and its -wal, -shm, -journal files): one line
 * naming the odd path, a non-zero exit, never a stack trace or a hang. `doctor`
 * prints its checks instead, one of them failed and naming the path.
 */
const FIXTURES = join(ROOT, 'test', 'fixtures', 'topics');

/** A world-readable base, so the "no permission" cases can run as nobody. */
function base(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kinds-'));
  chmodSync(dir, 0o755);
  return dir;
}

function mkfifo(path: string) {
  const made = spawnSync('mkfifo', [path]);
  if (made.status !== 0) throw new Error(`mkfifo failed: ${made.stderr}`);
}

/** A data folder with one finished session, made by the CLI itself. */
async function goodHome(dir: string): Promise<string> {
  const home = join(dir, 'home');
  mkdirSync(home);
  chmodSync(home, 0o777);
  const answers = join(dir, 'answers.yaml');
  writeFileSync(answers, 'sample-choice: b\n');
  const made = await runCoach(['quiz', 'sample', '--answers', answers], { env: { COACH_HOME: home, COACH_TOPICS: FIXTURES } });
  if (made.code !== 0) throw new Error(made.stderr);
  return home;
}

interface Kind {
  name: string;
  /** Makes the odd thing under `dir`; returns COACH_HOME and the path every message must name. */
  make: (dir: string) => Promise<{ home: string; named: string }>;
  asNobody?: boolean;
}

const HOME_KINDS: Kind[] = [
  { name: 'COACH_HOME a file', make: async (dir) => (writeFileSync(join(dir, 'h'), 'x'), { home: join(dir, 'h'), named: join(dir, 'h') }) },
  { name: 'COACH_HOME under a file', make: async (dir) => (writeFileSync(join(dir, 'h'), 'x'), { home: join(dir, 'h', 'sub'), named: join(dir, 'h', 'sub') }) },
  { name: 'COACH_HOME a dangling link', make: async (dir) => (symlinkSync(join(dir, 'nowhere'), join(dir, 'h')), { home: join(dir, 'h'), named: join(dir, 'h') }) },
  { name: 'COACH_HOME a link loop', make: async (dir) => (symlinkSync(join(dir, 'h'), join(dir, 'h')), { home: join(dir, 'h'), named: join(dir, 'h') }) },
  { name: 'COACH_HOME a FIFO', make: async (dir) => (mkfifo(join(dir, 'h')), { home: join(dir, 'h'), named: join(dir, 'h') }) },
  {
    name: 'COACH_HOME with no permission',
    asNobody: true,
    make: async (dir) => {
      mkdirSync(join(dir, 'locked', 'h'), { recursive: true });
      chmodSync(join(dir, 'locked'), 0o000);
      return { home: join(dir, 'locked', 'h'), named: join(dir, 'locked', 'h') };
    },
  },
];

/** Odd kinds of one of the database's own files, in an otherwise good data folder. */
function databaseKinds(file: string): Kind[] {
  const at = async (dir: string, make: (path: string) => void) => {
    const home = await goodHome(dir);
    make(join(home, file));
    return { home, named: join(home, file) };
  };
  const replace = (make: (path: string) => void) => (path: string) => {
    spawnSync('rm', ['-f', path]);
    make(path);
  };
  return [
    { name: `${file} a folder`, make: (dir) => at(dir, replace((path) => mkdirSync(path))) },
    { name: `${file} a FIFO`, make: (dir) => at(dir, replace(mkfifo)) },
    { name: `${file} a dangling link`, make: (dir) => at(dir, replace((path) => symlinkSync(`${path}.nowhere`, path))) },
    { name: `${file} a link loop`, make: (dir) => at(dir, replace((path) => symlinkSync(path, path))) },
  ];
}

const KINDS: Kind[] = [
  ...HOME_KINDS,
  ...databaseKinds('coach.db'),
  { name: 'coach.db with no permission', asNobody: true, make: async (dir) => { const home = await goodHome(dir); chmodSync(join(home, 'coach.db'), 0o000); return { home, named: join(home, 'coach.db') }; } },
  ...databaseKinds('coach.db-shm').slice(0, 2),
  ...databaseKinds('coach.db-wal').slice(0, 2),
  ...databaseKinds('coach.db-journal').slice(0, 1),
];

const COMMANDS = (dir: string): string[][] => [
  ['history'],
  ['topics'],
  ['stats'],
  ['plan', '--until', '2099-01-01'],
  ['today', '--until', '2099-01-01', '--answers', join(dir, 'answers.yaml')],
  ['cram', '--answers', join(dir, 'answers.yaml')],
  ['export'],
  ['report'],
  ['review', '--list'],
  ['grade', 'latest', '--self'],
  ['quiz', 'sample', '--answers', join(dir, 'answers.yaml')],
  ['import', join(dir, 'export.json')],
  ['backup', join(dir, 'copy.db')],
  ['doctor'],
];

/** Runs the CLI as root, or as nobody (for the permission cases; root may read anything). */
function run(args: string[], home: string, asNobody: boolean): Promise<RunResult> {
  const env = { COACH_HOME: home, COACH_TOPICS: FIXTURES };
  return asNobody ? runAsNobody(args, env) : runCoach(args, { env });
}

describe('every command x every odd COACH_HOME or database file: one line naming the path, non-zero exit', () => {
  test.each(KINDS.map((kind) => [kind.name, kind]))('%s', async (_name, kind) => {
    if (kind.asNobody && process.getuid?.() !== 0) throw new Error('the permission cases run the CLI as nobody through setpriv, which needs root (as in CI containers)');
    const dir = base();
    writeFileSync(join(dir, 'answers.yaml'), 'sample-choice: b\n');
    writeFileSync(join(dir, 'export.json'), JSON.stringify({ sessions: [], records: [] }));
    chmodSync(dir, 0o777);
    const { home, named } = await kind.make(dir);
    const commands = COMMANDS(dir);
    const results: RunResult[] = [];
    // Two at a time: the machine is shared.
    for (let index = 0; index < commands.length; index += 2) {
      results.push(...(await Promise.all(commands.slice(index, index + 2).map((args) => run(args, home, kind.asNobody === true)))));
    }
    commands.forEach((args, index) => {
      const result = results[index]!;
      const what = `${kind.name}: coach ${args.join(' ')}\n${result.stderr}${result.stdout}`;
      expect(result.code, what).not.toBe(0);
      expect(result.code, what).not.toBeNull();
      expect(`${result.stdout}${result.stderr}`, what).not.toMatch(/internal error|^\s+at /m);
      if (args[0] === 'doctor') {
        expect(result.code, what).toBe(1);
        expect(result.stdout.split('\n').some((line) => line.startsWith('✖') && line.includes(named)), what).toBe(true);
      } else {
        expect(result.stderr.trimEnd().split('\n'), what).toHaveLength(1);
        expect(result.stderr, what).toMatch(/^coach: /);
        expect(result.stderr, what).toContain(named);
      }
    });
  }, 120_000);
});

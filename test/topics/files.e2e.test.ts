import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ROOT as ROOT_DIR, runCoach, stripAnsi, tempHome, writeFiles } from '../helpers/cli.js';

const GOOD = `id: good
title: Good
questions:
  - id: q1
    type: short
    prompt: Why?
    rubric: [{ id: a, points: 2, criterion: Says why. }]
`;
const NO_RAW_OUTPUT = /\(node:\d+\)|Warning: |internal error|\n\s+at /;

describe('files that are not regular files are skipped, never opened', () => {
  function specialFolder(): string {
    const dir = writeFiles(join(tempHome(), 'topics'), { 'good.yaml': GOOD });
    execFileSync('mkfifo', [join(dir, 'fifo.yaml')]);
    mkdirSync(join(dir, 'folder.yaml'));
    symlinkSync(join(dir, 'missing-target.yaml.gone'), join(dir, 'dangling.yaml'));
    symlinkSync(join(dir, 'loop-b.yaml'), join(dir, 'loop-a.yaml'));
    symlinkSync(join(dir, 'loop-a.yaml'), join(dir, 'loop-b.yaml'));
    return dir;
  }

  test('coach lint: one line per special file, the good file still counted, exit 1', async () => {
    const dir = specialFolder();
    const result = await runCoach(['lint', dir, '--no-color'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stdout.trim().split('\n').sort()).toEqual([
      'dangling.yaml:1:1  not a regular file (a symbolic link to nothing); skipped',
      'fifo.yaml:1:1  not a regular file (a FIFO); skipped',
      'folder.yaml:1:1  not a regular file (a folder); skipped',
      'loop-a.yaml:1:1  not a regular file (a symbolic link loop); skipped',
      'loop-b.yaml:1:1  not a regular file (a symbolic link loop); skipped',
    ]);
    expect(result.stderr).toContain('of 6 files');
    expect(result.stderr).not.toMatch(NO_RAW_OUTPUT);
  }, 20_000);

  test.each([
    ['a folder named like a topic file', 'folder.yaml', 'not a regular file (a folder); skipped'],
    ['a FIFO', 'fifo.yaml', 'not a regular file (a FIFO); skipped'],
    ['a dangling link', 'dangling.yaml', 'not a regular file (a symbolic link to nothing); skipped'],
    ['a loop of links', 'loop-a.yaml', 'not a regular file (a symbolic link loop); skipped'],
  ])('coach lint given %s directly: the same one-line problem as in a folder scan, exit 1', async (_name, file, message) => {
    const dir = specialFolder();
    const result = await runCoach(['lint', file, '--no-color'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(`${file}:1:1  ${message}\n`);
    expect(result.stderr).toContain('1 problem in 1 of 1 files');
  }, 20_000);

  test('coach lint given a device directly: one line, exit 1', async () => {
    const result = await runCoach(['lint', '/dev/null', '--no-color']);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('/dev/null:1:1  not a regular file (a device); skipped\n');
  });

  test('coach lint on a folder with no topic files says so in one line and exits 1 (a lint of nothing is not a pass)', async () => {
    const home = tempHome();
    const empty = join(home, 'empty');
    mkdirSync(empty);
    writeFileSync(join(empty, 'notes.txt'), 'not a topic');
    const result = await runCoach(['lint', 'empty', '--no-color'], { cwd: home });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('coach: empty holds no topic files (*.yaml, *.yml); nothing to lint\n');
    const json = await runCoach(['lint', 'empty', '--json'], { cwd: home });
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({ files: 0, problems: [], emptyFolders: ['empty'] });
    // Next to a folder that has topic files, the empty one still fails the lint.
    writeFiles(join(home, 'full'), { 'good.yaml': GOOD });
    const mixed = await runCoach(['lint', 'full', 'empty', '--no-color'], { cwd: home });
    expect(mixed.code).toBe(1);
    expect(mixed.stderr).toContain('coach: empty holds no topic files');
  }, 20_000);

  test('coach topics does not block on a FIFO: the other topics are listed', async () => {
    const dir = specialFolder();
    const result = await runCoach(['topics', '--topics', dir, '--json']);
    expect(result.code).toBe(0);
    expect((JSON.parse(result.stdout) as { topics: { id: string }[] }).topics.map((topic) => topic.id)).toContain('good');
    expect(stripAnsi(result.stderr)).toContain('fifo.yaml:1:1  not a regular file (a FIFO); skipped');
    expect(result.stderr).not.toMatch(NO_RAW_OUTPUT);
  }, 20_000);

  test('--topics FILE says it wants a folder', async () => {
    const file = join(writeFiles(join(tempHome(), 't'), { 'good.yaml': GOOD }), 'good.yaml');
    const result = await runCoach(['topics', '--topics', file]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`coach: --topics wants a folder of topic files, and ${file} is not a folder\n`);
  });
});

describe('coach lint: warnings, --strict, raw library output', () => {
  test('a warning is printed as file:line:col  warning: ...; exit 0, and 1 under --strict', async () => {
    const dir = writeFiles(join(tempHome(), 't'), { 'tagged.yaml': GOOD.replace('title: Good', 'title: !local Good') });
    const plain = await runCoach(['lint', dir, '--no-color'], { cwd: dir });
    expect(plain.code).toBe(0);
    expect(plain.stdout).toBe('tagged.yaml:2:8  warning: YAML: Unresolved tag: !local\n');
    expect(plain.stderr).toBe('✔ 1 file, 1 questions: no errors, 1 warning\n');
    const strict = await runCoach(['lint', dir, '--strict', '--no-color'], { cwd: dir });
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain('--strict makes warnings fatal');
  });

  test('ids YAML reads as numbers, booleans or null are warnings at the id (the schema rejects them); --strict makes them fatal', async () => {
    const dir = writeFiles(join(tempHome(), 't'), { 'ids.yaml': GOOD.replace('id: q1', 'id: 0123').replace('id: a,', 'id: true,') });
    const plain = await runCoach(['lint', dir, '--no-color'], { cwd: dir });
    expect(plain.code).toBe(0);
    expect(plain.stdout).toBe(
      [
        'ids.yaml:4:9  warning: id 0123 is read here as the text "0123", but YAML reads a plain 0123 as the number 123 (as do editors checking topic.schema.json); quote it, id: "0123", so every YAML reader agrees',
        'ids.yaml:7:20  warning: id true is read here as the text "true", but YAML reads a plain true as the boolean true (as do editors checking topic.schema.json); quote it, id: "true", so every YAML reader agrees',
        '',
      ].join('\n'),
    );
    expect((await runCoach(['lint', dir, '--strict', '--no-color'], { cwd: dir })).code).toBe(1);
    // Quoted, they are the same ids and nothing to warn about.
    const quoted = writeFiles(join(tempHome(), 't'), { 'ids.yaml': GOOD.replace('id: q1', 'id: "0123"').replace('id: a,', 'id: "true",') });
    const clean = await runCoach(['lint', quoted, '--strict', '--no-color'], { cwd: quoted });
    expect(clean.code).toBe(0);
    expect(clean.stdout).toBe('');
  });

  test('explicit core tags: !!float 2 loads as 2 with a warning that the yaml package reads it otherwise; !!bool yes is an error at the value', async () => {
    const dir = writeFiles(join(tempHome(), 't'), { 'tags.yaml': GOOD.replace('points: 2', 'points: !!float 2'), 'bad.yaml': GOOD.replace('id: good', 'id: bad').replace('type: short', 'type: short\n    minutes: !!int 1.5') });
    const result = await runCoach(['lint', dir, '--no-color'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(
      [
        'bad.yaml:6:20  YAML: !!int cannot be "1.5" (YAML 1.2 integers are written 12, -12, 0o17 or 0x1F)',
        `tags.yaml:7:39  warning: YAML: !!float 2 is the number 2 in YAML 1.2, but the yaml package (behind many editors' YAML support) reads it as the text "2"; write it without the tag`,
        '',
      ].join('\n'),
    );
  });

  test('control characters and escape sequences in topic text are warnings at the field; --strict makes them fatal', async () => {
    const hostile = `id: hostile
title: "Caching \\e]0;owned\\a"
summary: "\\e[2J cleared"
questions:
  - id: q1
    type: choice
    prompt: "Pick one \\e]52;c;aGk=\\a"
    choices:
      - { text: "right \\e[?1049h", correct: true, why: "\\e[2J because" }
      - { text: wrong }
    explanation: "\\e]8;;https://x.example\\e\\\\link\\e]8;;\\e\\\\"
  - id: q2
    type: short
    prompt: Why?
    modelAnswer: "tab\\tand newline\\n are fine, bell \\a is not"
    rubric: [{ id: a, points: 2, criterion: "Says \\x9b31m why." }]
`;
    const dir = writeFiles(join(tempHome(), 't'), { 'hostile.yaml': hostile });
    const plain = await runCoach(['lint', dir, '--no-color'], { cwd: dir });
    expect(plain.code).toBe(0);
    const tail = ': holds control characters or an escape sequence; they are removed before the text is shown';
    expect(plain.stdout.split('\n').filter(Boolean)).toEqual([
      `hostile.yaml:2:8  warning: title${tail}`,
      `hostile.yaml:3:10  warning: summary${tail}`,
      `hostile.yaml:7:13  warning: questions[0].prompt${tail}`,
      `hostile.yaml:9:17  warning: questions[0].choices[0].text${tail}`,
      `hostile.yaml:9:56  warning: questions[0].choices[0].why${tail}`,
      `hostile.yaml:11:18  warning: questions[0].explanation${tail}`,
      `hostile.yaml:15:18  warning: questions[1].modelAnswer${tail}`,
      `hostile.yaml:16:45  warning: questions[1].rubric[0].criterion${tail}`,
    ]);
    expect(plain.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(plain.stderr).toBe('✔ 1 file, 2 questions: no errors, 8 warnings\n');
    const strict = await runCoach(['lint', dir, '--strict', '--no-color'], { cwd: dir });
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain('--strict makes warnings fatal');
    const clean = writeFiles(join(tempHome(), 't'), { 'clean.yaml': GOOD.replace('prompt: Why?', 'prompt: "Why?\\n\\tIndented, 👩‍💻 ok"') });
    const quiet = await runCoach(['lint', clean, '--no-color'], { cwd: clean });
    expect(quiet).toMatchObject({ code: 0, stdout: '' });
  });

  test('a collection key is an error at its line; no library warning reaches stderr', async () => {
    const dir = writeFiles(join(tempHome(), 't'), { 'key.yaml': GOOD.replace('    type: short\n', '    type: short\n    ? [a, b]\n    : x\n') });
    const result = await runCoach(['lint', dir, '--no-color'], { cwd: dir });
    expect(result.stdout).toBe('key.yaml:6:7  a key must be text, found a list\n');
    expect(result.stderr).not.toMatch(NO_RAW_OUTPUT);
  });
});

describe('the lint cache gives the verdict parsing would', () => {
  test('a second lint reads the cache, and a changed file is checked again', async () => {
    const home = tempHome();
    const env = { XDG_CACHE_HOME: join(home, 'cache') };
    const dir = writeFiles(join(home, 't'), { 'a.yaml': GOOD, 'b.yaml': GOOD.replace('id: good', 'id: other').replace('points: 2', 'points: 0') });
    const first = await runCoach(['lint', dir, '--json'], { env, cwd: dir });
    const cache = join(home, 'cache', 'interview-coach', 'lint-cache.json');
    expect(Object.keys((JSON.parse(readFileSync(cache, 'utf8')) as { entries: object }).entries)).toHaveLength(2);
    const second = await runCoach(['lint', dir, '--json'], { env, cwd: dir });
    expect(second).toEqual(first);
    expect(JSON.parse(first.stdout).problems).toEqual([{ file: 'b.yaml', line: 7, col: 31, message: 'questions[0].rubric[0].points: must be greater than 0, found 0' }]);

    writeFileSync(join(dir, 'a.yaml'), GOOD.replace('id: q1', 'id: Q1'));
    const changed = await runCoach(['lint', dir, '--json'], { env, cwd: dir });
    expect(JSON.parse(changed.stdout).problems.map((problem: { file: string }) => problem.file)).toEqual(['a.yaml', 'b.yaml']);

    writeFileSync(cache, '{"format":1,"fingerpr');
    const torn = await runCoach(['lint', dir, '--json'], { env, cwd: dir });
    expect(torn).toEqual(changed);
  });

  test('two files with the same content under different names: each named in its own problems', async () => {
    const bad = GOOD.replace('title: Good', 'title: ""');
    const dir = writeFiles(join(tempHome(), 't'), { 'one.yaml': bad, 'two.yaml': bad.replace('id: good', 'id: good ') });
    const result = await runCoach(['lint', dir, '--no-color'], { cwd: dir });
    expect(result.stdout).toBe('one.yaml:2:8  title: must not be empty, found ""\ntwo.yaml:2:8  title: must not be empty, found ""\n');
  });
});

describe('line ends: CR LF and CR files read as their LF twin (YAML 1.2 §5.4)', () => {
  test('a 1023-character key after a line: lint and --answers give the same verdict whatever the line ends', async () => {
    const key = 'k'.repeat(1023);
    const text = `a:\n${key}: v\n`;
    const dir = writeFiles(join(tempHome(), 't'), { 'lf.yaml': text, 'crlf.yaml': text.replaceAll('\n', '\r\n'), 'cr.yaml': text.replaceAll('\n', '\r') });
    const lint = (name: string) => runCoach(['lint', name, '--json'], { cwd: dir }).then((result) => ({ code: result.code, problems: JSON.parse(result.stdout).problems.map(({ file: _file, ...problem }: { file: string }) => problem) }));
    const lf = await lint('lf.yaml');
    expect(lf.problems.some((problem: { message: string }) => /YAML syntax/.test(problem.message))).toBe(false);
    expect(await lint('crlf.yaml')).toEqual(lf);
    expect(await lint('cr.yaml')).toEqual(lf);

    const answers = `sample-choice: b\n${key}: x\n`;
    writeFileSync(join(dir, 'a-lf.yaml'), answers);
    writeFileSync(join(dir, 'a-crlf.yaml'), answers.replaceAll('\n', '\r\n'));
    const quiz = async (name: string) => (await runCoach(['quiz', '--answers', name], { cwd: dir, env: { COACH_TOPICS: join(ROOT_DIR, 'test', 'fixtures', 'topics') } })).stderr.replace(name, 'FILE');
    const expected = await quiz('a-lf.yaml');
    expect(expected).toMatch(/^coach: FILE:2:1  unknown question "k{1023}"/);
    expect(await quiz('a-crlf.yaml')).toBe(expected);
  });
});

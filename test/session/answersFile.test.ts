import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { topLevelKeyPosition } from '../../src/session/answersFile.js';
import { readFast } from '../../src/topics/fastYaml.js';
import { positionAt } from '../../src/topics/locate.js';
import { readYaml } from '../../src/topics/yamlDocument.js';
import { runCoach, tempHome, writeFiles } from '../helpers/cli.js';

/** Question ids "123" and "0123" are different questions: an answers file keyed `0123:` must answer the second. */
const TOPIC = `id: numbers
title: Numeric ids
questions:
  - id: "123"
    type: choice
    prompt: First?
    choices: [{ text: yes, correct: true }, { text: no }]
  - id: "0123"
    type: choice
    prompt: Second?
    choices: [{ text: yes }, { text: no, correct: true }]
`;
const NO_STACK = /internal error|\n\s+at |\(node:\d+\)/;

function setUp(answers: string | Uint8Array) {
  const home = tempHome();
  const topics = writeFiles(join(home, 'topics'), { 'numbers.yaml': TOPIC });
  const file = join(home, 'answers.yaml');
  writeFileSync(file, answers);
  return { file, run: () => runCoach(['quiz', '--answers', file, '--json'], { env: { COACH_HOME: join(home, 'data'), COACH_TOPICS: topics } }) };
}

describe('answers files: keys are text as written', () => {
  test('0123: b answers question "0123", not "123"', async () => {
    const { run } = setUp('0123: b\n');
    const result = await run();
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as { questions: { id: string; choice: string[]; grade: { earned: number } }[] };
    expect(report.questions.map((question) => [question.id, question.choice, question.grade.earned])).toEqual([['0123', ['b'], 1]]);
  });

  test('123: a and "0123": b answer both', async () => {
    const { run } = setUp('123: a\n"0123": b\n');
    const report = JSON.parse((await run()).stdout) as { questions: { id: string; choice: string[] }[] };
    expect(report.questions.map((question) => [question.id, question.choice])).toEqual([['123', ['a']], ['0123', ['b']]]);
  });

  test('null: b names the question "null"', async () => {
    const { run } = setUp('null: b\n');
    const result = await run();
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^coach: \S*answers\.yaml:1:1  unknown question "null"/);
  });
});

describe('answers files: broken ones are one located line, exit 2, never a stack', () => {
  const nested = ['a: &a [x, x, x, x, x, x, x, x, x]', ...Array.from({ length: 8 }, (_, k) => `${String.fromCharCode(98 + k)}: &${String.fromCharCode(98 + k)} [${Array(9).fill(`*${String.fromCharCode(97 + k)}`).join(', ')}]`)].join('\n');
  test.each([
    ['nine levels of nested aliases', `${nested}\n`, /^coach: .*answers\.yaml:\d+:\d+  YAML: alias \*\w expands the file past its limit/],
    ['a duplicate key', '123: a\n0123: b\n123: b\n', /^coach: .*answers\.yaml:3:1  YAML syntax: Map keys must be unique; "123" is already at line 1\n$/],
    ['Latin-1 bytes', new Uint8Array([...Buffer.from('123: caf'), 0xe9, 0x0a]), /^coach: .*answers\.yaml:1:9  file is not valid UTF-8 \(byte 0xe9 at offset 8\); save it as UTF-8\n$/],
    ['a collection key', '[123]: a\n', /^coach: .*answers\.yaml:1:1  a key must be text, found a list\n$/],
    ['a syntax error', '123: "a\n', /^coach: .*answers\.yaml:2:1  YAML syntax: Missing closing "quote\n$/],
    ['two documents', '123: a\n---\n0123: b\n', /^coach: .*answers\.yaml:2:1  an answers file holds one YAML document, this one holds 2/],
    ['an unresolved tag', '123: !pick a\n', /^coach: .*answers\.yaml:1:6  warning: YAML: Unresolved tag: !pick\n$/],
  ])('%s', async (_name, content, expected) => {
    const { run } = setUp(content);
    const result = await run();
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(expected);
    expect(result.stderr).not.toMatch(NO_STACK);
  });

  // Every problem is `file:line:col  message`, the whole-file ones too.
  test.each([
    ['an empty file', '', /^coach: .*answers\.yaml:1:1  file is empty \(no YAML document\): expected a mapping of question id to answer\n$/],
    ['only comments', '# nothing yet\n\n# still nothing\n', /^coach: .*answers\.yaml:1:1  file is empty \(no YAML document\): expected a mapping of question id to answer\n$/],
    ['a top-level list', '# answers\n- a\n- b\n', /^coach: .*answers\.yaml:2:1  \(top level\): expected a mapping of question id to answer, found a list\n$/],
    ['a JSON list', '[]', /^coach: .*answers\.yaml:1:1  \(top level\): expected a mapping of question id to answer, found a list\n$/],
    ['a single value', '\n"just text"\n', /^coach: .*answers\.yaml:2:1  \(top level\): expected a mapping of question id to answer, found a single value\n$/],
    ['a number', '123\n', /^coach: .*answers\.yaml:1:1  \(top level\): expected a mapping of question id to answer, found a single value\n$/],
    ['null', 'null\n', /^coach: .*answers\.yaml:1:1  \(top level\): expected a mapping of question id to answer, found an empty document\n$/],
    ['a document of just ---', '---\n', /^coach: .*answers\.yaml:\d+:\d+  \(top level\): expected a mapping of question id to answer, found an empty document\n$/],
  ])('whole file: %s is located', async (_name, content, expected) => {
    const { run } = setUp(content);
    const result = await run();
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(expected);
  });

  // YAML 1.2 limits an implicit key to 1024 characters; js-yaml (the LF fast path) did not, yaml (CRLF) does.
  test.each([
    ['LF', '\n'],
    ['CRLF', '\r\n'],
  ])('a key longer than 1024 characters is the same located error with %s line ends', async (_name, eol) => {
    const { run } = setUp(`0123: b${eol}${'k'.repeat(1025)}: a${eol}`);
    const result = await run();
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^coach: .*answers\.yaml:2:1  YAML syntax: The : indicator must be at most 1024 chars after the start of an implicit block mapping key\n$/);
  });

  test('an explicit tag whose content does not fit is a located error', async () => {
    const { run } = setUp('0123: !!bool yes\n');
    const result = await run();
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^coach: .*answers\.yaml:1:14  YAML: !!bool cannot be "yes" \(YAML 1\.2 booleans are/);
  });

  test('a FIFO as the answers file is refused without opening it', async () => {
    const home = tempHome();
    const fifo = join(home, 'answers.yaml');
    execFileSync('mkfifo', [fifo]);
    const topics = writeFiles(join(home, 'topics'), { 'numbers.yaml': TOPIC });
    const result = await runCoach(['quiz', '--answers', fifo, '--json'], { env: { COACH_HOME: join(home, 'data'), COACH_TOPICS: topics } });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`coach: ${fifo}: not a regular file (a FIFO)\n`);
  }, 20_000);
});

describe('topLevelKeyPosition places a top-level key as the yaml reading does, without re-reading the file', () => {
  const agree = (text: string) => {
    const fast = readFast(text);
    if (!fast || fast.value === null || typeof fast.value !== 'object' || Array.isArray(fast.value)) return 0;
    const reading = readYaml(text, 'a.yaml', 'answers file');
    let placed = 0;
    for (const key of Object.keys(fast.value)) {
      const quick = topLevelKeyPosition(text, key);
      if (quick === undefined) continue;
      placed += 1;
      expect(quick, `${key} in ${JSON.stringify(text)}`).toEqual(positionAt(reading, [key], true));
    }
    return placed;
  };
  test.each([
    'q1: b\nq2: { answer: a, seconds: 3 }\n',
    '# header\n\n"0123": b\n\'it\'\'s\': a\nnull: c\ntrue: d\n',
    'short:\n  answer: |\n    q2: not a key\n    more\n  self: { a: met }\nq2: b\n',
    'k1 : v\n"k 2": v\n',
  ])('%j', (text) => {
    expect(agree(text)).toBeGreaterThan(0);
  });
  test('a key it cannot place plainly is left to the yaml reading', () => {
    expect(topLevelKeyPosition('{q1: a, q2: b}\n', 'q2')).toBeUndefined();
    expect(topLevelKeyPosition('"q\\u0032": b\n', 'q2')).toBeUndefined();
  });
  test('property: generated answers files', () => {
    const key = fc.oneof(fc.stringMatching(/^[a-z0-9][a-z0-9_-]{0,8}$/), fc.stringMatching(/^[a-z ']{1,6}$/).map((text) => `'${text.replaceAll("'", "''")}'`), fc.stringMatching(/^[a-z0-9 ]{1,6}$/).map((text) => `"${text}"`));
    const value = fc.constantFrom('b', '[a, c]', '{ answer: a, seconds: 3 }', '\n  answer: x\n  self: { c1: met }', '|\n  q9: inside a block\n  more', '"quoted: value"', '# just a comment');
    const line = fc.tuple(key, fc.constantFrom(':', ' :'), value).map(([k, colon, v]) => `${k}${colon}${v.startsWith('\n') || v.startsWith('|') ? (v.startsWith('|') ? ` ${v}` : v) : ` ${v}`}`);
    let placed = 0;
    fc.assert(
      fc.property(fc.array(fc.oneof(line, fc.constant('# comment'), fc.constant('')), { minLength: 1, maxLength: 8 }).map((lines) => `${lines.join('\n')}\n`), (text) => {
        placed += agree(text);
      }),
      { numRuns: 1000 },
    );
    expect(placed).toBeGreaterThan(500);
  });
});

import { describe, expect, test } from 'vitest';
import { parseTopicSource } from '../../src/topics/parse.js';
import { readFast } from '../../src/topics/fastYaml.js';
import { readYaml } from '../../src/topics/yamlDocument.js';
import { formatProblem } from '../../src/topics/problems.js';
import { VALID } from './malformed.fixtures.js';

const encode = (text: string) => new TextEncoder().encode(text);
async function problems(source: string): Promise<string[]> {
  const result = await parseTopicSource(encode(source), 'demo.yaml');
  return result.problems.map((problem) => formatProblem(problem).replace(/^demo\.yaml:/, ''));
}
async function topicOf(source: string) {
  const result = await parseTopicSource(encode(source), 'demo.yaml');
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  return result;
}

describe('invalid YAML that js-yaml accepted is a located syntax error, whatever else the file has', () => {
  test.each([
    ['a comment glued to a quoted scalar', VALID.replace('title: Demo', 'title: "T"# c'), /^2:\d+  YAML syntax: /],
    ['a comment glued to a flow list', VALID.replace('title: Demo', 'title: Demo\ntags: [a, b]#c'), /^3:\d+  YAML syntax: /],
    ['an under-indented flow list', VALID.replace('title: Demo', 'title: Demo\ntags: [a,\nb]'), /^4:1  YAML syntax: /],
    ['a quoted scalar continued at column 0', VALID.replace('title: Demo', 'title: "Demo\nagain"'), /^2:\d+  YAML syntax: Missing closing "quote/],
  ])('%s', async (_name, source, expected) => {
    expect(readFast(source)).toBeUndefined();
    const found = await problems(source);
    expect(found[0]).toMatch(expected);
    // The same file with an unrelated schema error still reports the syntax error.
    const alsoBroken = await problems(source.replace('points: 2', 'points: 0'));
    expect(alsoBroken[0]).toMatch(expected);
  });
});

describe('one reading of scalars and keys', () => {
  test('[id]: t is an error at the key, not id: t', async () => {
    expect(await problems(VALID.replace('id: demo', '[id]: demo'))).toEqual(['1:1  a key must be text, found a list']);
  });

  test('a mapping used as a key is an error at its own line, and nothing is printed raw', async () => {
    const source = VALID.replace('    type: short', '    type: short\n    ? { a: 1 }\n    : x');
    expect(await problems(source)).toEqual(['6:7  a key must be text, found a mapping']);
  });

  test('0b11 is text in YAML 1.2 core, so points: 0b11 is an error, not 3 points', async () => {
    const source = VALID.replace('points: 2', 'points: 0b11');
    expect(await problems(source)).toEqual(['8:26  questions[0].rubric[0].points: expected a number, found "0b11"']);
  });

  test.each([
    ['+.5', 0.5],
    ['1e1', 10],
    ['0x1F', 31],
    ['0o17', 15],
    ['+12', 12],
  ])('minutes: %s reads as %s on both paths', async (written, value) => {
    const source = VALID.replace('    type: short', `    type: short\n    minutes: ${written}`);
    const result = await topicOf(source);
    expect(result.topic.questions[0]!.minutes).toBe(value);
    expect((readFast(source)?.value as { questions: { minutes: number }[] }).questions[0]!.minutes).toBe(value);
  });

  test.each(['1_000', '0b11', '012_3', '1:20', '2026-11-30', 'Yes', 'on', '.5.', '+.inf.'])('%s stays text on both paths', (written) => {
    const source = `a: ${written}\n`;
    expect(readYaml(source, 'f', 'topic file').value).toEqual({ a: written });
    expect(readFast(source)?.value).toEqual({ a: written });
  });

  test('ids are text as written: id: 0123 is "0123" on both paths, and plain keys keep their text', async () => {
    const source = VALID.replace('id: q1', 'id: 0123').replace('id: a,', 'id: 007,');
    const result = await topicOf(source);
    expect(result.topic.questions[0]!.id).toBe('0123');
    expect(result.topic.questions[0]!.type === 'short' && result.topic.questions[0]!.rubric[0]!.id).toBe('007');
    expect(readYaml('0123: a\n123: b\nnull: c\ntrue: d\n~: e\n', 'f', 'answers file').value).toEqual({ '0123': 'a', '123': 'b', null: 'c', true: 'd', '~': 'e' });
    expect(readFast('0123: a\n123: b\nnull: c\ntrue: d\n~: e\n')?.value).toEqual({ '0123': 'a', '123': 'b', null: 'c', true: 'd', '~': 'e' });
  });

  test('an id YAML reads as a number, boolean or null: the fast path counts it, the topic loads with a warning at the id', async () => {
    for (const written of ['0123', '12', 'true', 'null', '~', '1e3']) {
      const source = VALID.replace('id: q1', `id: ${written}`);
      expect(readFast(source)?.nonTextIds, written).toBe(1);
      const result = await parseTopicSource(encode(source), 'demo.yaml');
      expect(result.problems[0], written).toMatchObject({ line: 4, col: 9, level: 'warning' });
      expect(result.problems[0]!.message).toContain(`quote it, id: "${written}"`);
    }
    expect(readFast(VALID.replace('id: q1', 'id: "0123"'))?.nonTextIds).toBe(0);
    // Answers files have no id fields to warn about: the same reading, no such warning.
    expect(readYaml('q: { id: 0123 }\n', 'f', 'answers file').problems).toEqual([]);
  });

  test('an empty key and a tagged non-text key are errors at their position', () => {
    expect(readYaml('a: 1\n? \n: b\n', 'f', 'f').problems.map(formatProblem)).toEqual(['f:2:3  a key must be text, found an empty key']);
    expect(readYaml('a: 1\n!!int 5: b\n', 'f', 'f').problems.map(formatProblem)).toEqual(['f:2:7  a key must be text, found !!int 5']);
  });
});

describe('explicit core tags are read by the YAML 1.2 core expressions (spec §10.3.2)', () => {
  test.each([
    ['!!float 1', 1],
    ['!!float +1', 1],
    ['!!float "12"', 12],
    ['!!float 1.5', 1.5],
    ['!!float .inf', Infinity],
    ['!<tag:yaml.org,2002:float> 7', 7],
    ['!!int 0x1F', 31],
    ['!!int 0o17', 15],
    ['!!int "-12"', -12],
    ['!!bool True', true],
    ["!!bool 'FALSE'", false],
    ['!!null ~', null],
    ['!!null', null],
    ['!!str 12', '12'],
    ['!!str', ''],
  ])('a: %s reads as %j, with no warning', (written, value) => {
    const reading = readYaml(`a: ${written}\n`, 'f', 'topic file');
    expect(reading.problems).toEqual([]);
    expect(reading.value).toEqual({ a: value });
  });

  test.each([
    ['!!bool yes', '1:11  YAML: !!bool cannot be "yes" (YAML 1.2 booleans are true, false, True, False, TRUE or FALSE)'],
    ["!!bool 'on'", '1:11  YAML: !!bool cannot be "on" (YAML 1.2 booleans are true, false, True, False, TRUE or FALSE)'],
    ['!!int 1.5', '1:10  YAML: !!int cannot be "1.5" (YAML 1.2 integers are written 12, -12, 0o17 or 0x1F)'],
    ['!!int 1_000', '1:10  YAML: !!int cannot be "1_000" (YAML 1.2 integers are written 12, -12, 0o17 or 0x1F)'],
    ['!!int', '1:9  YAML: !!int cannot be empty (YAML 1.2 integers are written 12, -12, 0o17 or 0x1F)'],
    ['!!float 0x1F', '1:12  YAML: !!float cannot be "0x1F" (YAML 1.2 floats are written 1, 1.5, -2e3, .5, .inf or .nan)'],
    ['!!float one', '1:12  YAML: !!float cannot be "one" (YAML 1.2 floats are written 1, 1.5, -2e3, .5, .inf or .nan)'],
    ['!!null x', '1:11  YAML: !!null cannot be "x" (YAML 1.2 null is written null, Null, NULL, ~ or nothing)'],
    ['!!int [1]', '1:10  YAML: !!int cannot be a list'],
    ['!!str { b: 1 }', '1:10  YAML: !!str cannot be a mapping'],
    ['!!seq { b: 1 }', '1:10  YAML: !!seq cannot be a mapping'],
    ['!!map x', '1:10  YAML: !!map cannot be a single value "x"'],
  ])('a: %s is a located error in our words, not a warning and a string', (written, expected) => {
    const reading = readYaml(`a: ${written}\n`, 'f', 'topic file');
    expect(reading.problems.map(formatProblem)).toEqual([`f:${expected}`]);
    expect(reading.value).toBeUndefined();
  });

  test('a key tagged with a non-text core type is not a text key, whatever its content', () => {
    expect(readYaml('a: 1\n!!float 1: b\n', 'f', 'f').problems.map(formatProblem)).toEqual(['f:2:9  a key must be text, found !!float 1']);
    expect(readYaml('a: 1\n!!bool yes: b\n', 'f', 'f').problems.map(formatProblem)).toEqual(['f:2:8  a key must be text, found !!bool yes']);
    expect(readYaml('!!str 1: b\n', 'f', 'f').value).toEqual({ 1: 'b' });
  });

  test('in a topic file: minutes: !!float 3 is 3 minutes, points: !!int 1.5 an error at the value', async () => {
    expect((await topicOf(VALID.replace('    type: short', '    type: short\n    minutes: !!float 3'))).topic.questions[0]!.minutes).toBe(3);
    expect(await problems(VALID.replace('points: 2', 'points: !!int 1.5'))).toEqual(['8:32  YAML: !!int cannot be "1.5" (YAML 1.2 integers are written 12, -12, 0o17 or 0x1F)']);
  });
});

describe('warnings are problems with a position', () => {
  test('an unresolved tag is a warning at the tag; the file still loads', async () => {
    const result = await parseTopicSource(encode(VALID.replace('title: Demo', 'title: !local Demo')), 'demo.yaml');
    expect(result.ok).toBe(true);
    expect(result.problems.map(formatProblem)).toEqual(['demo.yaml:2:8  warning: YAML: Unresolved tag: !local']);
  });

  test('a warning beside an error is reported too', async () => {
    expect(await problems(VALID.replace('title: Demo', 'title: !local Demo').replace('points: 2', 'points: 0'))).toEqual([
      '2:8  warning: YAML: Unresolved tag: !local',
      '8:26  questions[0].rubric[0].points: must be greater than 0, found 0',
    ]);
  });

  test('a second document is named in our words', async () => {
    expect(await problems(`${VALID}---\nid: other\n`)).toEqual(['9:1  a topic file holds one YAML document, this one holds 2 (a "---" line starts a new one); remove the extra "---"']);
  });
});

describe('nesting deeper than yaml can read is one located problem in our words', () => {
  test.each([
    ['flow', `k: ${'['.repeat(3000)}x${']'.repeat(3000)}\n`],
    ['block mappings', `${Array.from({ length: 3000 }, (_, i) => `${' '.repeat(i)}a:`).join('\n')}\n`],
  ])('%s', async (_name, source) => {
    expect(readFast(source)).toBeUndefined();
    const found = await problems(source);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^\d+:\d+  YAML: collections are nested too deeply to read/);
  });
});

describe('aliases are bounded in topic files as in answers files', () => {
  const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]', ...Array.from({ length: 8 }, (_, k) => `${String.fromCharCode(98 + k)}: &${String.fromCharCode(98 + k)} [${Array(9).fill(`*${String.fromCharCode(97 + k)}`).join(', ')}]`)].join('\n');
  test('nine levels of nested aliases: one located problem', () => {
    const reading = readYaml(`${bomb}\n`, 'f', 'topic file');
    expect(reading.problems).toHaveLength(1);
    expect(formatProblem(reading.problems[0]!)).toMatch(/^f:\d+:\d+  YAML: alias \*\w expands the file past its limit/);
  });
  test('an alias inside its own anchor', () => {
    expect(readYaml('a: &a [1, *a]\n', 'f', 'f').problems.map(formatProblem)).toEqual(['f:1:11  YAML syntax: alias *a refers to a node that contains it']);
  });
  test('a problem in a merged field is placed where that field is written', async () => {
    const source = 'id: t\ntitle: T\nbase: &base { id: c, points: 0, criterion: x }\nquestions:\n  - id: q\n    type: short\n    prompt: P\n    rubric:\n      - <<: *base\n        id: d\n';
    expect(await problems(source.replace('base: &base', 'x-base: &base'))).toEqual([
      '3:1  x-base: unknown field "x-base" (allowed: id, title, summary, tags, questions)',
      '3:32  questions[0].rubric[0].points: must be greater than 0, found 0',
    ]);
  });

  test('merge keys: written keys win, then earlier sources', () => {
    const reading = readYaml('b: &b { x: 1, y: 1 }\nc: &c { y: 2, z: 2 }\nd: { <<: [*b, *c], x: 0 }\n', 'f', 'f');
    expect(reading.value).toEqual({ b: { x: 1, y: 1 }, c: { y: 2, z: 2 }, d: { x: 0, y: 1, z: 2 } });
  });
});

describe('duplicate keys are found in one pass', () => {
  test('40,000 keys with a duplicate at the end (the time is measured in npm run bench)', () => {
    const source = `${Array.from({ length: 40_000 }, (_, k) => `q${k}: a`).join('\n')}\nq0: b\n`;
    const reading = readYaml(source, 'f', 'answers file');
    expect(reading.problems.map(formatProblem)).toEqual(['f:40001:1  YAML syntax: Map keys must be unique; "q0" is already at line 1']);
  });
});

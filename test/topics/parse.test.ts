import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { parseTopicSource } from '../../src/topics/parse.js';
import { MALFORMED, VALID } from './malformed.fixtures.js';

const encode = (text: string) => new TextEncoder().encode(text);

async function problemsOf(source: string | Uint8Array): Promise<string[]> {
  const result = await parseTopicSource(typeof source === 'string' ? encode(source) : source, 'demo.yaml');
  if (result.ok) return [];
  return result.problems.map((problem) => {
    expect(problem.file).toBe('demo.yaml');
    return `${problem.line}:${problem.col}  ${problem.message}`;
  });
}

describe('malformed topic files get located one-line errors', () => {
  test('the valid skeleton parses, with defaults applied', async () => {
    const result = await parseTopicSource(encode(VALID), 'demo.yaml');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.topic.questions[0]).toMatchObject({ id: 'q1', difficulty: 'medium', minutes: 4 });
  });

  test.each(MALFORMED)('$name', async ({ source, problems }) => {
    const found = await problemsOf(source);
    expect(found).toEqual(problems);
    for (const line of found) expect(line).not.toContain('\n');
  });

  test(`there are at least 20 fixtures (${MALFORMED.length})`, () => {
    expect(MALFORMED.length).toBeGreaterThanOrEqual(20);
  });
});

describe('valid YAML features', () => {
  test('anchors, aliases, merge keys, block scalars and unicode', async () => {
    const source = `id: unicode-topic
title: "Caches — ünïcödé 🚀"
summary: >
  Folded text
  on two lines.
questions:
  - id: q
    type: short
    prompt: |
      Line one
      Line two ✓
    rubric:
      - &crit { id: a, points: 2, criterion: Explains it. }
      - <<: *crit
        id: b
  - id: d
    type: design
    prompt: Design it.
    phases:
      - &phase { id: p1, title: First, minutes: 5, prompt: Go., rubric: [*crit] }
      - { <<: *phase, id: p2, minutes: 10 }
`;
    const result = await parseTopicSource(encode(source), 'u.yaml');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [short, design] = result.topic.questions;
    expect(result.topic.title).toBe('Caches — ünïcödé 🚀');
    expect(result.topic.summary).toBe('Folded text on two lines.\n');
    expect(short).toMatchObject({ prompt: 'Line one\nLine two ✓\n', rubric: [{ id: 'a', points: 2 }, { id: 'b', points: 2, criterion: 'Explains it.' }] });
    expect(design).toMatchObject({ minutes: 15, phases: [{ id: 'p1', minutes: 5 }, { id: 'p2', minutes: 10, title: 'First' }] });
  });

  test('a byte-order mark is accepted', async () => {
    expect(await problemsOf(new Uint8Array([0xef, 0xbb, 0xbf, ...encode(VALID)]))).toEqual([]);
  });
});

describe('property: the parser never throws, it only reports located problems', () => {
  const lineCount = (text: string) => text.split('\n').length;

  async function assertWellFormedOutcome(source: string) {
    const result = await parseTopicSource(encode(source), 'p.yaml');
    if (result.ok) return;
    expect(result.problems.length).toBeGreaterThan(0);
    for (const problem of result.problems) {
      expect(problem.line).toBeGreaterThanOrEqual(1);
      expect(problem.line).toBeLessThanOrEqual(lineCount(source) + 1);
      expect(problem.col).toBeGreaterThanOrEqual(1);
      expect(problem.message.trim()).not.toBe('');
      expect(problem.message).not.toContain('\n');
    }
  }

  test('random text', async () => {
    await fc.assert(fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 300 }), assertWellFormedOutcome), { numRuns: 300 });
  });

  test('random YAML-ish text', async () => {
    const token = fc.constantFrom('id', 'title', 'questions', ':', ' ', '  ', '\n', '- ', '[', ']', '{', '}', ',', '"', "'", '#', '&a', '*a', '<<', '|', '>', '\t', 'type', 'short', 'choice', 'design', 'rubric', 'points', '0', '1', '-3', 'null', '~');
    await fc.assert(fc.asyncProperty(fc.array(token, { maxLength: 60 }).map((tokens) => tokens.join('')), assertWellFormedOutcome), { numRuns: 400 });
  });

  test('mutations of a valid file', async () => {
    const mutation = fc.record({ at: fc.nat(VALID.length), remove: fc.nat(6), insert: fc.string({ maxLength: 6 }) });
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 4 }), async (mutations) => {
        let source = VALID;
        for (const { at, remove, insert } of mutations) source = source.slice(0, at) + insert + source.slice(at + remove);
        await assertWellFormedOutcome(source);
      }),
      { numRuns: 400 },
    );
  });

  test('random bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 200 }), async (bytes) => {
        const result = await parseTopicSource(bytes, 'b.yaml');
        if (!result.ok) for (const problem of result.problems) expect(problem.line).toBeGreaterThanOrEqual(1);
      }),
      { numRuns: 300 },
    );
  });
});

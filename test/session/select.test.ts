import { describe, expect, test } from 'vitest';
import { matchingQuestions, resolveQuestionId, selectQuestions, type SelectionFilters } from '../../src/session/select.js';
import { choice, short, topic } from '../helpers/topics.js';

const topics = [
  topic('caching', [choice('c1', [0]), short('c2'), choice('c3', [1], undefined, { difficulty: 'hard', tags: ['redis'] }), short('shared')], ['cache']),
  topic('databases', [short('d1', [2], { difficulty: 'hard' }), choice('d2', [2]), short('shared')]),
];
const all: SelectionFilters = { topics: [], types: ['choice', 'short'], difficulties: [], tags: [] };
const ids = (picked: { topic: string; question: { id: string } }[]) => picked.map((entry) => `${entry.topic}/${entry.question.id}`);

describe('selection', () => {
  test('the same seed gives the same questions in the same order', () => {
    expect(ids(selectQuestions(topics, all, 5, 42))).toEqual(ids(selectQuestions(topics, all, 5, 42)));
  });

  test('different seeds give different orders (over many seeds, not always the same)', () => {
    const orders = new Set(Array.from({ length: 20 }, (_, seed) => ids(selectQuestions(topics, all, 7, seed)).join(',')));
    expect(orders.size).toBeGreaterThan(5);
  });

  test('count caps the selection and every pick is distinct', () => {
    const picked = ids(selectQuestions(topics, all, 3, 1));
    expect(picked).toHaveLength(3);
    expect(new Set(picked).size).toBe(3);
    expect(ids(selectQuestions(topics, all, 100, 1))).toHaveLength(7);
  });

  test.each([
    [{ topics: ['databases'] }, ['databases/d1', 'databases/d2', 'databases/shared']],
    [{ types: ['choice' as const] }, ['caching/c1', 'caching/c3', 'databases/d2']],
    [{ difficulties: ['hard' as const] }, ['caching/c3', 'databases/d1']],
    [{ tags: ['redis'] }, ['caching/c3']],
    [{ tags: ['cache'] }, ['caching/c1', 'caching/c2', 'caching/c3', 'caching/shared']],
  ])('filters %j', (filters, expected) => {
    expect(ids(matchingQuestions(topics, { ...all, ...filters }))).toEqual(expected);
  });

  test('an unknown topic is a usage error listing the known ones', () => {
    expect(() => matchingQuestions(topics, { ...all, topics: ['nope'] })).toThrow(/unknown topic "nope" \(known topics: caching, databases\)/);
  });
});

describe('question ids', () => {
  test('a unique id resolves on its own; topic/id always works', () => {
    expect(ids([resolveQuestionId(topics, 'd1')])).toEqual(['databases/d1']);
    expect(ids([resolveQuestionId(topics, 'caching/shared')])).toEqual(['caching/shared']);
  });

  test('an ambiguous id lists the candidates (exit 2)', () => {
    expect(() => resolveQuestionId(topics, 'shared')).toThrow('question id "shared" is in several topics; use one of: caching/shared, databases/shared');
    try {
      resolveQuestionId(topics, 'shared');
    } catch (error) {
      expect((error as { exitCode: number }).exitCode).toBe(2);
    }
  });

  test('an unknown id is a usage error', () => {
    expect(() => resolveQuestionId(topics, 'missing')).toThrow(/unknown question "missing"/);
  });
});

import { describe, expect, test } from 'vitest';
import { bindAnswer, parseAnswersDocument, pickOption } from '../../src/session/answers.js';
import { choice, short } from '../helpers/topics.js';

const single = choice('s', [1], ['Redis', 'Memcached', 'Hazelcast']);
const multi = choice('m', [0, 2], ['A', 'B', 'C']);
const rubricQuestion = short('q', [3, 2]);

describe('choice answers pick by letter, number or text', () => {
  test.each([
    ['b', 1], ['B', 1], [' c ', 2], [1, 0], ['3', 2], ['memcached', 1], ['  REDIS ', 0],
  ] as const)('%j -> option %d', (value, index) => {
    expect(pickOption(single, value, 'f: s')).toBe(index);
  });

  test.each([
    ['d', /"d" is not an option \(a-c or 1-3, or an option's exact text\)/],
    [4, /option 4 does not exist/],
    [0, /option 0 does not exist/],
    [true, /expected an option letter, number or text/],
  ] as const)('%j is rejected', (value, message) => {
    expect(() => pickOption(single, value, 'f: s')).toThrow(message);
  });

  test('a multiple-answer question takes a list; a single one refuses several', () => {
    expect(bindAnswer(multi, ['a', 3], 'f: m')).toEqual({ type: 'choice', picked: [0, 2], seconds: null });
    expect(bindAnswer(multi, 'a', 'f: m')).toEqual({ type: 'choice', picked: [0], seconds: null });
    expect(() => bindAnswer(single, ['a', 'b'], 'f: s')).toThrow('f: s: this question has one answer; got 2');
  });

  test('the mapping form carries seconds', () => {
    expect(bindAnswer(single, { answer: 'b', seconds: 30 }, 'f: s')).toEqual({ type: 'choice', picked: [1], seconds: 30 });
    expect(bindAnswer(single, { answer: 'b', seconds: 86_400 }, 'f: s')).toEqual({ type: 'choice', picked: [1], seconds: 86_400 });
    for (const seconds of [1e300, 86_401, -1, Number.NaN]) expect(() => bindAnswer(single, { answer: 'b', seconds }, 'f: s')).toThrow(/seconds: expected a number of seconds from 0 to 86400 \(a day\)/);
  });
});

describe('short answers', () => {
  test('plain text: the grade stays pending', () => {
    expect(bindAnswer(rubricQuestion, 'my answer', 'f: q')).toEqual({ type: 'short', text: 'my answer', seconds: null, self: null });
  });

  test('with self marks for every criterion and seconds', () => {
    expect(bindAnswer(rubricQuestion, { answer: 'x', seconds: 180, self: { c1: 'met', c2: 'partly' } }, 'f: q')).toEqual({
      type: 'short', text: 'x', seconds: 180, self: { c1: 'met', c2: 'partly' },
    });
  });

  test.each([
    [{ answer: 'x', self: { c1: 'met' } }, 'f: q.self: marks are missing for c2 (mark every criterion, or none to leave the grade pending)'],
    [{ answer: 'x', self: { c1: 'met', c2: 'met', c9: 'met' } }, 'f: q.self: unknown criterion "c9"; this rubric has c1, c2'],
    [{ answer: 'x', self: { c1: 'met', c2: 'great' } }, 'f: q.self.c2: expected met | partly | missed, got "great"'],
    [{ answer: 'x', seconds: -1 }, 'f: q.seconds: expected a number of seconds from 0 to 86400 (a day), got -1'],
    [{ answer: 'x', notes: 'hi' }, 'f: q: unknown field "notes" (allowed: answer, seconds, self)'],
    [{ seconds: 3 }, 'f: q.answer: expected the answer text'],
    [42, 'f: q: expected the answer text, or a mapping with answer, seconds and self'],
  ])('%j is a usage error', (value, message) => {
    try {
      bindAnswer(rubricQuestion, value, 'f: q');
      expect.unreachable('should have thrown');
    } catch (error) {
      expect((error as Error).message).toBe(message);
      expect((error as { exitCode: number }).exitCode).toBe(2);
    }
  });
});

test('the file must be a mapping', () => {
  expect(() => parseAnswersDocument(['a'], 'answers.yaml')).toThrow('answers.yaml: expected a mapping of question id to answer');
  expect([...parseAnswersDocument({ b: 1, a: 2 }, 'f').keys()]).toEqual(['b', 'a']);
});

test('the map keeps the order the file writes, integer-like keys included; merged keys follow', () => {
  const value = { s1: 'x', '123': 'b', '0123': 'a', null: 'a', merged: 'm' };
  expect([...parseAnswersDocument(value, 'f', ['0123', '123', 'null', 's1']).keys()]).toEqual(['0123', '123', 'null', 's1', 'merged']);
});

test('a value error carries its path, and bindAnswerAt places it at the node', async () => {
  const { AnswerValueError, bindAnswerAt, RawAnswers } = await import('../../src/session/answers.js');
  const error = (() => {
    try {
      bindAnswer(rubricQuestion, { answer: 'x', seconds: Number.NaN }, 'f: q');
    } catch (caught) {
      return caught;
    }
  })() as InstanceType<typeof AnswerValueError>;
  expect(error).toBeInstanceOf(AnswerValueError);
  expect(error.path).toEqual(['seconds']);
  expect(error.message).toBe('f: q.seconds: expected a number of seconds from 0 to 86400 (a day), got .nan (not a number)');
  const seen: unknown[] = [];
  const answers = new RawAnswers([['q', { answer: 'x', self: { c1: 'met' } }]], (path, atKey) => (seen.push([path, atKey]), { line: 7, col: 5 }));
  expect(() => bindAnswerAt(answers, 'q', rubricQuestion, 'a.yaml')).toThrow('a.yaml:7:5  q.self: marks are missing for c2');
  expect(seen).toEqual([[['q', 'self'], false]]);
  // Without a known position, the classic message.
  expect(() => bindAnswerAt(new RawAnswers([['q', 42]]), 'q', rubricQuestion, 'a.yaml')).toThrow('a.yaml: q: expected the answer text');
});

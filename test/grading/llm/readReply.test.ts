import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { readStructuredReply, stripReasoning, type Validation } from '../../../src/grading/llm/readReply.js';

const Grade = z.strictObject({ score: z.int().min(0).max(3) });
const validate = (value: unknown): Validation<{ score: number }> => {
  const parsed = Grade.safeParse(value);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, error: parsed.error.issues[0]!.message };
};
const read = (content: string) => readStructuredReply(content, validate);

describe('reading a reply like a careful person', () => {
  test.each([
    ['bare JSON', '{"score": 2}'],
    ['a ```json fence', '```json\n{"score": 2}\n```'],
    ['a bare ``` fence', '```\n{"score": 2}\n```'],
    ['prose, then JSON', 'Here is my grade: {"score": 2} Hope this helps!'],
    ['a <think> block first', '<think>Maybe {"score": 0}? No.</think>\n{"score": 2}'],
    ['a <reasoning> block first', '<reasoning>\nweighing it\n</reasoning>{"score": 2}'],
    ['two reasoning blocks', '<think>a</think><think>b {"score": 1}</think> {"score": 2}'],
    ['a lone closing </think> (template opened it)', 'the answer names the order {"score": 3} hmm\n</think>\n\n{"score": 2}'],
    ['the same object twice (fence and prose)', 'Grade: {"score": 2}\n```json\n{"score": 2}\n```'],
    ['an invalid object and a valid one', '{"score": 9} sorry, corrected: {"score": 2}'],
    ['braces inside strings', '{"note": "not {this}"} then {"score": 2}'],
  ])('%s', (_name, content) => {
    expect(read(content)).toEqual({ ok: true, value: { score: 2 } });
  });

  test.each([
    ['two different valid objects', 'Strict: {"score": 1} Lenient: {"score": 2}', /holds 2 different JSON objects/],
    ['no JSON at all', 'A fine answer, I would say.', /^no JSON object found/],
    ['nothing but a think block', '<think>{"score": 2}</think>', /^the reply was empty/],
    ['an unclosed object', '{"score": 2', /^no JSON object found/],
    ['JSON that does not validate', '{"score": 7}', /Too big/],
    ['an array is not an object', '[{"score": 2}, {"score": 3}]', /holds 2 different/],
  ])('%s is an error for the repair request, never a guess', (_name, content, error) => {
    const result = read(content);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(error);
  });

  test('a JSON value that merely quotes </think> is not cut in half', () => {
    expect(read('{"score": 2, "note": "x"}'.replace(', "note": "x"', ''))).toEqual({ ok: true, value: { score: 2 } });
    const quoting = z.strictObject({ score: z.int(), evidence: z.string() });
    const result = readStructuredReply('{"score": 1, "evidence": "wrote </think> in the answer"}', (value) => {
      const parsed = quoting.safeParse(value);
      return parsed.success ? { ok: true, value: parsed.data } : { ok: false, error: 'bad' };
    });
    expect(result).toEqual({ ok: true, value: { score: 1, evidence: 'wrote </think> in the answer' } });
  });

  test('stripReasoning only removes leading blocks', () => {
    expect(stripReasoning('<think>x</think>{"a":1}')).toBe('{"a":1}');
    expect(stripReasoning('{"a":1} <think>x</think>', { loneClose: false })).toBe('{"a":1} <think>x</think>');
  });
});

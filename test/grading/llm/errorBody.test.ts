import { describe, expect, test } from 'vitest';
import { readCompletion } from '../../../src/grading/llm/completionBody.js';
import { readErrorBody } from '../../../src/grading/llm/errorBody.js';
import { sanitiseServerText } from '../../../src/grading/llm/failures.js';

describe('error bodies in every shape servers send', () => {
  test.each([
    ['OpenAI / vLLM >= 0.10.1', '{"error":{"message":"bad schema","type":"invalid_request_error","param":"response_format","code":"bad"}}', { message: 'bad schema', type: 'invalid_request_error', param: 'response_format', code: 'bad' }],
    ['vLLM < 0.10.1 (flat)', '{"object":"error","message":"bad schema","type":"BadRequestError","param":null,"code":400}', { message: 'bad schema', type: 'BadRequestError', code: '400' }],
    ['LM Studio (string)', `{"error":"'response_format.type' must be 'json_schema' or 'text'"}`, { message: "'response_format.type' must be 'json_schema' or 'text'" }],
    ['array-wrapped', '[{"error":{"code":400,"message":"bad schema","status":"INVALID_ARGUMENT"}}]', { message: 'bad schema', code: '400' }],
    ['FastAPI detail string', '{"detail":"Not Found"}', { message: 'Not Found' }],
    ['FastAPI detail list', '{"detail":[{"loc":["body","model"],"msg":"Field required","type":"missing"}]}', { message: 'body.model: Field required' }],
    ['plain text', '404 page not found\n', { message: '404 page not found' }],
    ['an HTML page', '<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>', { message: 'an HTML page titled "502 Bad Gateway"' }],
    ['empty', '', { message: '(no body)' }],
    ['a JSON string', '"overloaded"', { message: 'overloaded' }],
  ])('%s', (_name, text, expected) => {
    expect(readErrorBody(text)).toMatchObject(expected);
  });
});

describe('2xx bodies that are not what they should be never throw', () => {
  test.each([
    ['null', 'null', 'not a chat completion'],
    ['no choices', '{"id":"x","choices":[]}', 'not a chat completion'],
    ['an error object with 200', '{"error":{"message":"model is loading"}}', 'not a chat completion'],
    ['plain text', 'OK', 'not a chat completion'],
    ['content_filter', '{"choices":[{"message":{"content":""},"finish_reason":"content_filter"}]}', 'refused'],
  ])('%s', (_name, text, category) => {
    const read = readCompletion(text, 'application/json');
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.failure.category).toBe(category);
  });

  test('usage: missing, partial, or nonsense fields are defaulted', () => {
    const body = (usage: unknown) => JSON.stringify({ choices: [{ message: { content: '{}' }, finish_reason: 'stop' }], usage });
    expect(readCompletion(body(undefined), '')).toMatchObject({ ok: true, usage: { promptTokens: 0, completionTokens: 0 } });
    expect(readCompletion(body({ total_tokens: 42 }), '')).toMatchObject({ ok: true, usage: { promptTokens: 0, completionTokens: 42 } });
    expect(readCompletion(body({ prompt_tokens: 'many', completion_tokens: -3 }), '')).toMatchObject({ ok: true, usage: { promptTokens: 0, completionTokens: 0 } });
    expect(readCompletion(body('lots'), '')).toMatchObject({ ok: true, usage: { promptTokens: 0, completionTokens: 0 } });
  });

  test('content as an array of parts is joined', () => {
    const text = JSON.stringify({ choices: [{ message: { content: [{ type: 'text', text: '{"a":' }, { type: 'text', text: '1}' }] } }] });
    expect(readCompletion(text, '')).toMatchObject({ ok: true, content: '{"a":1}' });
  });

  test('server text is one line, without control characters, bounded', () => {
    const text = sanitiseServerText(`evil\u001b[31m red\r\n\u0007${'x'.repeat(500)}`);
    expect(text).not.toMatch(/[\u0000-\u001f]/);
    // The whole escape sequence goes, not just its ESC byte (issue 11).
    expect(text.startsWith('evil red ')).toBe(true);
    expect(text.length).toBe(300);
  });
});

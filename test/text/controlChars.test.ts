import { describe, expect, test } from 'vitest';
import type { Grade } from '../../src/grading/grade.js';
import { renderModelGrade } from '../../src/ui/modelGrade.js';
import { plainStyle } from '../../src/ui/style.js';
import { hasControl, stripControl, stripControlDeep } from '../../src/text/controlChars.js';

const HOSTILE = 'ok\u001b[2J\u001b]0;pwned\u0007 done\r\n\tnext\u009b1m';

test('control characters and whole escape sequences are removed; line breaks and tabs stay', () => {
  expect(stripControl(HOSTILE)).toBe('ok done\n\tnext');
  expect(stripControlDeep({ a: [HOSTILE, 3, null], b: { c: '\u001bx' } })).toEqual({ a: ['ok done\n\tnext', 3, null], b: { c: '' } });
});

test('stripControlDeep copies: clean text comes back equal but not shared, and a "__proto__" key from JSON stays a plain key', () => {
  const input = { a: ['clean', { b: 'text' }] };
  const copy = stripControlDeep(input);
  expect(copy).toEqual(input);
  expect(copy.a).not.toBe(input.a);
  const parsed = JSON.parse('{"__proto__": {"polluted": "\\u001b[31myes"}, "x": 1}') as Record<string, unknown>;
  const cleaned = stripControlDeep(parsed);
  expect(Object.getPrototypeOf(cleaned)).toBe(Object.prototype);
  expect((cleaned as { polluted?: string }).polluted).toBeUndefined();
  expect(Object.keys(cleaned)).toEqual(['__proto__', 'x']);
  expect(Object.getOwnPropertyDescriptor(cleaned, '__proto__')?.value).toEqual({ polluted: 'yes' });
});

test('a model grade with escape sequences in its text cannot reach the terminal raw', () => {
  const grade: Grade = {
    by: 'model\u001b[31m', kind: 'model', status: 'graded', at: '2026-01-01T00:00:00.000Z', reason: null, earned: 1, possible: 2,
    criteria: [{ id: 'a', earned: 1, possible: 2, mark: 'partly', justification: HOSTILE, evidence: HOSTILE }],
    feedback: HOSTILE, flags: [], usage: null, templateHash: null,
  };
  const out = renderModelGrade(grade, [{ id: 'a', points: 2, criterion: 'Says a.' }], plainStyle);
  expect(out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  expect(out).toContain('ok done');
});

test('the terminal text report strips control characters from answers and model feedback', async () => {
  const { createSession, recordAnswer, addGrade } = await import('../../src/session/record.js');
  const { buildReport } = await import('../../src/report/build.js');
  const { renderTextReport } = await import('../../src/report/text.js');
  const { short } = await import('../helpers/topics.js');
  const question = short('q', [2]);
  const session = createSession({ id: '20260101-000000-abcd', kind: 'quiz', nowMs: Date.UTC(2026, 0, 1), seed: 1, picked: [{ topic: 't', question }], settings: { flip: false, timeLimitSeconds: null, scripted: true, grader: 'llm' } });
  recordAnswer(session, 0, { text: HOSTILE, choice: null, startedAt: null, submittedAt: '2026-01-01T00:00:00.000Z', seconds: 5, via: 'script' }, Date.UTC(2026, 0, 1));
  addGrade(session, 0, { by: 'm', kind: 'model', status: 'graded', at: '2026-01-01T00:00:01.000Z', reason: null, earned: 1, possible: 2, criteria: [{ id: 'c1', earned: 1, possible: 2, mark: 'partly', justification: HOSTILE, evidence: HOSTILE }], feedback: HOSTILE, flags: [], usage: null, templateHash: null }, Date.UTC(2026, 0, 1));
  const out = renderTextReport(buildReport(session), session, plainStyle);
  expect(out).toContain('ok done');
  expect(out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
});

describe('every kind of escape sequence goes whole, not just its ESC byte', () => {
  const cases: [string, string][] = [
    ['OSC 0 title, BEL-terminated', 'a\u001b]0;title\u0007b'],
    ['OSC 2 title, ST-terminated', 'a\u001b]2;title\u001b\\b'],
    ['OSC 8 hyperlink', 'a\u001b]8;;https://evil.example\u001b\\b\u001b]8;;\u001b\\'],
    ['OSC 52 clipboard write', 'a\u001b]52;c;cm0gLXJmIH4=\u0007b'],
    ['CSI clear screen', 'a\u001b[2Jb'],
    ['CSI alternate screen', 'a\u001b[?1049hb'],
    ['CSI with intermediates', 'a\u001b[1 qb'],
    ['C1 CSI', 'a\u009b31mb'],
    ['C1 OSC with C1 ST', 'a\u009d0;title\u009cb'],
    ['DCS', 'a\u001bP1$r0m\u001b\\b'],
    ['APC', 'a\u001b_payload\u001b\\b'],
    ['two-byte ESC (reset)', 'a\u001bcb'],
    ['charset designation', 'a\u001b(Bb'],
    ['bare C0 and C1', 'a\u0000\u0007\u0008\u0085b'],
  ];
  test.each(cases)('%s', (_name, input) => {
    expect(stripControl(input)).toBe('ab');
    expect(hasControl(input)).toBe(true);
  });

  test('an unterminated OSC or CSI is dropped to the end, not left half-open', () => {
    expect(stripControl('a\u001b]0;never ends')).toBe('a');
    expect(stripControl('a\u001b[')).toBe('a');
  });

  test('ordinary text, including non-ASCII, is untouched', () => {
    const text = 'Größe 漢字 👩‍💻 x🇳🇴 [2J] tab\there\nline';
    expect(stripControl(text)).toBe(text);
    expect(hasControl(text)).toBe(false);
  });
});

test('the end-of-session summary strips escape sequences from an older session\'s copied topic text', async () => {
  const { createSession, recordAnswer, addGrade } = await import('../../src/session/record.js');
  const { buildReport } = await import('../../src/report/build.js');
  const { weakestCriteria } = await import('../../src/report/weakest.js');
  const { renderSummary } = await import('../../src/ui/summary.js');
  const { selfGrade } = await import('../../src/grading/rubric.js');
  const { short } = await import('../helpers/topics.js');
  const question = short('q\u001b]0;PWNED\u0007', [2]);
  question.rubric[0]!.criterion = `Says it ${HOSTILE}`;
  const at = Date.UTC(2026, 0, 1);
  const session = createSession({ id: '20260101-000000-abcd', kind: 'quiz', nowMs: at, seed: 1, picked: [{ topic: 't\u001b[2J', question }], settings: { flip: false, timeLimitSeconds: null, scripted: false, grader: 'self' } });
  recordAnswer(session, 0, { text: HOSTILE, choice: null, startedAt: null, submittedAt: '2026-01-01T00:00:00.000Z', seconds: 5, via: 'typed' }, at);
  addGrade(session, 0, selfGrade(question.rubric, { c1: 'missed' }, '2026-01-01T00:00:01.000Z'), at);
  const out = renderSummary(buildReport(session), weakestCriteria(session), '/tmp/s.json', plainStyle);
  expect(out).toContain('Says it ok done');
  expect(out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  expect(out).not.toContain('PWNED');
});

describe('bidirectional overrides and isolates go; emoji joiners and variation selectors stay', () => {
  const bidi = ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069'];
  test.each(bidi.map((char) => [`U+${char.codePointAt(0)!.toString(16).toUpperCase()}`, char]))('%s is removed', (_name, char) => {
    expect(stripControl(`a${char}b`)).toBe('ab');
    expect(hasControl(`a${char}b`)).toBe(true);
  });
  test('ZWJ sequences, variation selectors, flags and RTL text itself are kept', () => {
    const kept = '👩‍💻 ❤️ 🇳🇴 שלום مرحبا \u200d\ufe0f';
    expect(stripControl(kept)).toBe(kept);
    expect(hasControl(kept)).toBe(false);
  });
});

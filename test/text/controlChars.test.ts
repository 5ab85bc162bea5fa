import { expect, test } from 'vitest';
import type { Grade } from '../../src/grading/grade.js';
import { renderModelGrade } from '../../src/ui/modelGrade.js';
import { plainStyle } from '../../src/ui/style.js';
import { stripControl, stripControlDeep } from '../../src/text/controlChars.js';

const HOSTILE = 'ok\u001b[2J\u001b]0;pwned\u0007 done\r\n\tnext\u009b1m';

test('control characters are removed; line breaks and tabs stay', () => {
  expect(stripControl(HOSTILE)).toBe('ok[2J]0;pwned done\n\tnext1m');
  expect(stripControlDeep({ a: [HOSTILE, 3, null], b: { c: '\u001bx' } })).toEqual({ a: ['ok[2J]0;pwned done\n\tnext1m', 3, null], b: { c: 'x' } });
});

test('a model grade with escape sequences in its text cannot reach the terminal raw', () => {
  const grade: Grade = {
    by: 'model\u001b[31m', kind: 'model', status: 'graded', at: '2026-01-01T00:00:00.000Z', reason: null, earned: 1, possible: 2,
    criteria: [{ id: 'a', earned: 1, possible: 2, mark: 'partly', justification: HOSTILE, evidence: HOSTILE }],
    feedback: HOSTILE, flags: [], usage: null, templateHash: null,
  };
  const out = renderModelGrade(grade, [{ id: 'a', points: 2, criterion: 'Says a.' }], plainStyle);
  expect(out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  expect(out).toContain('0;pwned done');
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
  expect(out).toContain('0;pwned done');
  expect(out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
});

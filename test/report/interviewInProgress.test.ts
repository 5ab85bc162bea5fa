import { describe, expect, test } from 'vitest';
import { pasteBinDesign } from '../helpers/topics.js';
import { buildReport } from '../../src/report/build.js';
import { renderMarkdownReport } from '../../src/report/markdown.js';
import { renderTextReport } from '../../src/report/text.js';
import { plainStyle } from '../../src/text/style.js';
import type { Session } from '../../src/session/model.js';
import { createSession, finishSession, settleDesignQuestion } from '../../src/session/record.js';
import { summarize } from '../../src/session/summaries.js';

const QUESTION = pasteBinDesign();

const AT = Date.UTC(2026, 10, 30, 6);

/** An interview interrupted in phase 2: phase 1 answered with a clarifying question and a follow-up. */
function interrupted(): Session {
  const session = createSession({ id: '20261130-060000-abcd', kind: 'interview', nowMs: AT, seed: null, picked: [{ topic: 'talk', question: QUESTION }], settings: { flip: false, timeLimitSeconds: null, scripted: false, grader: 'self' } });
  const phase = session.questions[0]!.phases![0]!;
  phase.status = 'answered';
  phase.elapsedSeconds = 60;
  phase.answer = { text: 'per key limits\nfail open', choice: null, startedAt: '2026-11-30T06:00:00.000Z', submittedAt: '2026-11-30T06:01:00.000Z', seconds: 60, via: 'typed' };
  phase.turns = [
    { kind: 'clarify', question: 'How many keys?', answer: 'About a million.', criterion: null, by: 'topic', at: '2026-11-30T06:00:30.000Z' },
    { kind: 'follow-up', question: 'Why fail open?', answer: 'Availability.', criterion: null, by: 'topic', at: '2026-11-30T06:00:50.000Z' },
  ];
  session.questions[0]!.phases![1]!.elapsedSeconds = 12;
  return session;
}

describe('an interview in progress', () => {
  test('its answered phases count in the summary (history, stats, CSV) and the report', () => {
    const session = interrupted();
    expect(session.questions[0]!.status).toBe('unasked');
    const summary = summarize(session);
    expect(summary).toMatchObject({ status: 'in-progress', questions: 1, answered: 1, clarifying: 1, pending: 1 });
    expect(summary.results).toEqual([expect.objectContaining({ question: 'talk-design', phase: 'requirements', status: 'answered', answeredAt: '2026-11-30T06:01:00.000Z' })]);

    const report = buildReport(session);
    expect(report.questions).toHaveLength(1);
    expect(report.questions[0]).toMatchObject({ id: 'talk-design', status: 'answered' });
    expect(report.questions[0]!.phases!.map((phase) => [phase.id, phase.answer, phase.turns.length])).toEqual([['requirements', 'per key limits\nfail open', 2]]);

    const text = renderTextReport(report, session, plainStyle, 80);
    expect(text).toContain('Phase 1/2: Clarify requirements');
    expect(text).toContain('fail open');
    expect(text).toContain('You asked: How many keys?');
    expect(renderMarkdownReport(report, session)).toContain('Phase 1 of 2: Clarify requirements');
  });

  test('no phase settled yet: nothing shows, as before', () => {
    const session = createSession({ id: '20261130-060000-abce', kind: 'interview', nowMs: AT, seed: null, picked: [{ topic: 'talk', question: QUESTION }], settings: { flip: false, timeLimitSeconds: null, scripted: false, grader: 'self' } });
    expect(summarize(session)).toMatchObject({ questions: 0, answered: 0 });
    expect(buildReport(session).questions).toEqual([]);
  });

  test('a finished interview reads as before: every phase, answered or skipped', () => {
    const session = interrupted();
    const second = session.questions[0]!.phases![1]!;
    second.status = 'skipped';
    settleDesignQuestion(session, 0, AT + 120_000);
    finishSession(session, AT + 120_000);
    expect(summarize(session)).toMatchObject({ status: 'finished', questions: 2, answered: 1 });
    expect(buildReport(session).questions[0]!.phases!.map((phase) => phase.id)).toEqual(['requirements', 'storage']);
  });
});

import { parse } from 'csv-parse/sync';
import { describe, expect, test } from 'vitest';
import { pasteBinDesign } from '../helpers/topics.js';
import { createSession } from '../../src/session/record.js';
import { SessionStore } from '../../src/session/store.js';
import { runCoach, tempHome } from '../helpers/cli.js';

const QUESTION = pasteBinDesign();

describe('an interview interrupted after its first phase, through the built CLI', () => {
  test('history, report and CSV show the answered phase; each phase save updates history', async () => {
    const home = tempHome();
    const env = { COACH_HOME: home };
    const id = '20261130-060000-abcd';
    const session = createSession({ id, kind: 'interview', nowMs: Date.UTC(2026, 10, 30, 6), seed: null, picked: [{ topic: 'talk', question: QUESTION }], settings: { flip: false, timeLimitSeconds: null, scripted: false, grader: 'self' } });
    // Saved as the interview runner does: once at the start, again when phase 1 is answered.
    const store = new SessionStore(home);
    try {
      store.save(session);
      const phase = session.questions[0]!.phases![0]!;
      phase.turns.push({ kind: 'clarify', question: 'How many keys?', answer: 'About a million.', criterion: null, by: 'topic', at: '2026-11-30T06:00:30.000Z' });
      phase.answer = { text: 'per key limits\nfail open', choice: null, startedAt: '2026-11-30T06:00:00.000Z', submittedAt: '2026-11-30T06:01:00.000Z', seconds: 60, via: 'typed' };
      phase.status = 'answered';
      phase.elapsedSeconds = 60;
      store.save(session);
    } finally {
      store.close();
    }

    const history = JSON.parse((await runCoach(['history', '--json'], { env })).stdout) as { sessions: { id: string; questions: number; answered: number; clarifying: number; status: string }[] };
    expect(history.sessions).toEqual([expect.objectContaining({ id, status: 'in-progress', questions: 1, answered: 1, clarifying: 1 })]);
    const table = (await runCoach(['history'], { env })).stdout;
    expect(table).toMatch(/interview\s.*1\/1\s.*in-progress/);

    const report = JSON.parse((await runCoach(['report', id, '--json'], { env })).stdout) as { questions: { id: string; status: string; phases: { id: string; answer: string | null }[] }[] };
    expect(report.questions).toEqual([expect.objectContaining({ id: 'talk-design', status: 'answered', phases: [expect.objectContaining({ id: 'requirements', answer: 'per key limits\nfail open' })] })]);
    const text = (await runCoach(['report', id], { env })).stdout;
    expect(text).toContain('Phase 1/2: Clarify requirements');
    expect(text).toContain('fail open');

    const rows = parse((await runCoach(['export', '--format', 'csv'], { env })).stdout, { columns: true }) as Record<string, string>[];
    // CSV rows are graded criteria: the phase is listed once graded (self-grading comes at the interview's end), like any question.
    expect(rows.filter((row) => row.session === id)).toEqual([]);
  }, 60_000);
});

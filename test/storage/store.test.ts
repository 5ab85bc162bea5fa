import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { Grade } from '../../src/grading/grade.js';
import { computeStats } from '../../src/progress/stats.js';
import { addGrade, createSession, finishSession, recordAnswer } from '../../src/session/record.js';
import { SessionStore } from '../../src/session/store.js';
import { statsFromRows } from '../../src/storage/statsRows.js';
import { writeSessions } from '../helpers/sessions.js';
import { choice, short } from '../helpers/topics.js';

const tempDir = () => mkdtempSync(join(tmpdir(), 'store-'));

function newSession(id = '20261127-120000-abcd') {
  return createSession({
    id,
    kind: 'quiz',
    nowMs: Date.UTC(2026, 10, 27, 12),
    seed: 1,
    picked: [
      { topic: 't', question: short('s1') },
      { topic: 't', question: short('s2') },
      { topic: 't', question: choice('c1', [0]) },
    ],
    settings: { flip: false, timeLimitSeconds: null, scripted: false, grader: 'self' },
  });
}

function selfGrade(at: string, earned = 3): Grade {
  return { by: 'self', kind: 'self', status: 'graded', at, reason: null, earned, possible: 5, criteria: [{ id: 'c1', earned, possible: 3, mark: earned === 3 ? 'met' : 'missed', justification: null, evidence: null }, { id: 'c2', earned: 0, possible: 2, mark: 'missed', justification: null, evidence: null }], feedback: null, flags: [], usage: null, templateHash: null };
}

const answer = (text: string) => ({ text, choice: null, startedAt: null, submittedAt: '2026-11-27T12:01:00.000Z', seconds: 60, via: 'typed' as const });

describe('sessions in SQLite', () => {
  test('a session round-trips through save and load', () => {
    const store = new SessionStore(tempDir());
    const session = newSession();
    recordAnswer(session, 0, answer('first'), Date.UTC(2026, 10, 27, 12, 1));
    addGrade(session, 0, selfGrade('2026-11-27T12:02:00.000Z'), Date.UTC(2026, 10, 27, 12, 2));
    store.save(session);
    expect(new SessionStore(store.dataDir).load(session.id)).toEqual(session);
  });

  test('random answers and grades round-trip, and history sees them', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ index: fc.nat(2), text: fc.string(), grade: fc.boolean() }), { maxLength: 8 }), (steps) => {
        const store = new SessionStore(tempDir());
        const session = newSession();
        store.save(session);
        for (const step of steps) {
          recordAnswer(session, step.index, answer(step.text), Date.UTC(2026, 10, 27, 12, 5));
          if (step.grade) addGrade(session, step.index, selfGrade('2026-11-27T12:06:00.000Z', 0), Date.UTC(2026, 10, 27, 12, 6));
          store.save(session);
        }
        const again = new SessionStore(store.dataDir);
        expect(again.load(session.id)).toEqual(session);
        expect(again.summaries()[0]!.answered).toBe(session.questions.filter((item) => item.status === 'answered').length);
        store.close();
        again.close();
      }),
      { numRuns: 25 },
    );
  });

  test('two processes on one session: answers from one and grades from the other are all kept', () => {
    const dataDir = tempDir();
    const runner = new SessionStore(dataDir);
    const session = newSession();
    recordAnswer(session, 0, answer('first'), Date.UTC(2026, 10, 27, 12, 1));
    runner.save(session);

    // A grader loads the session as it is now, and grades question 1 twice (two grade runs).
    const grader = new SessionStore(dataDir);
    const graded = grader.load(session.id);
    const otherGrader = new SessionStore(dataDir);
    const graded2 = otherGrade(otherGrader, session.id);
    addGrade(graded, 0, selfGrade('2026-11-27T12:03:00.000Z'), Date.UTC(2026, 10, 27, 12, 3));
    // Meanwhile the runner answers question 2 and finishes: its copy has no grade.
    recordAnswer(session, 1, answer('second'), Date.UTC(2026, 10, 27, 12, 4));
    runner.save(session);
    grader.save(graded);
    otherGrader.save(graded2);
    session.status = 'finished';
    runner.save(session);

    const stored = new SessionStore(dataDir).load(session.id);
    expect(stored.questions[0]!.answer?.text).toBe('first');
    expect(stored.questions[1]!.answer?.text).toBe('second');
    expect(stored.questions[0]!.grades.map((grade) => grade.at)).toEqual(['2026-11-27T12:03:00.000Z', '2026-11-27T12:09:00.000Z']);
    expect(stored.status).toBe('finished');
  });

  test('the grader never writes back a status it did not change', () => {
    const dataDir = tempDir();
    const runner = new SessionStore(dataDir);
    const session = newSession();
    runner.save(session);
    const grader = new SessionStore(dataDir);
    const graded = grader.load(session.id);
    session.status = 'finished';
    runner.save(session);
    addGrade(graded, 0, selfGrade('2026-11-27T12:03:00.000Z'), Date.UTC(2026, 10, 27, 12, 3));
    grader.save(graded);
    expect(new SessionStore(dataDir).load(session.id).status).toBe('finished');
  });

  test('a full disk (max_page_count) is one line naming the database; earlier answers stay', () => {
    const store = new SessionStore(tempDir());
    const session = newSession();
    recordAnswer(session, 0, answer('kept'), Date.UTC(2026, 10, 27, 12, 1));
    store.save(session);
    const pages = store.db.db.pragma('page_count', { simple: true }) as number;
    store.db.db.pragma(`max_page_count = ${pages}`);
    recordAnswer(session, 1, answer('x'.repeat(200_000)), Date.UTC(2026, 10, 27, 12, 2));
    expect(() => store.save(session)).toThrow(/coach\.db: the disk is full; nothing from this step was saved/);
    store.close();
    const stored = new SessionStore(store.dataDir).load(session.id);
    expect(stored.questions[0]!.answer?.text).toBe('kept');
    expect(stored.questions[1]!.status).toBe('unasked');
  });

  test('a new session and its questions are one transaction: a full disk at creation stores neither', () => {
    const store = new SessionStore(tempDir());
    const first = newSession('20261127-110000-aaaa');
    store.save(first);
    const pages = store.db.db.pragma('page_count', { simple: true }) as number;
    store.db.db.pragma(`max_page_count = ${pages}`);
    const big = newSession();
    // A question copy too big for the pages left: the sessions row fits, the question rows do not.
    big.questions[0]!.question = { ...big.questions[0]!.question, prompt: 'q'.repeat(300_000) };
    expect(() => store.save(big)).toThrow(/the disk is full/);
    expect(store.ids()).toEqual([first.id]);
    expect(store.db.db.prepare('SELECT count(*) FROM questions WHERE session_id = ?').pluck().get(big.id)).toBe(0);
    expect(store.historyRows().map((row) => row.id)).toEqual([first.id]);
  });

  test('a second interactive claim is refused while the first process lives; a dead one is taken over', () => {
    const dataDir = tempDir();
    const store = new SessionStore(dataDir);
    store.save(newSession());
    store.db.db.prepare('INSERT INTO runs (session_id, pid, started_at) VALUES (?, ?, ?)').run('20261127-120000-abcd', process.ppid, 'then');
    expect(() => store.claim('20261127-120000-abcd')).toThrow(new RegExp(`already open in another coach \\(process ${process.ppid}`));
    store.db.db.prepare('UPDATE runs SET pid = ?').run(2 ** 22 + 12345);
    store.claim('20261127-120000-abcd');
    store.release('20261127-120000-abcd');
    expect(store.db.db.prepare('SELECT count(*) FROM runs').pluck().get()).toBe(0);
  });
});

function otherGrade(store: SessionStore, id: string) {
  const session = store.load(id);
  addGrade(session, 0, selfGrade('2026-11-27T12:09:00.000Z'), Date.UTC(2026, 10, 27, 12, 9));
  return session;
}

describe('the one-time import of first-version JSON files', () => {
  test('good files are imported, bad ones reported with their path and skipped, all left in place; it runs once', () => {
    const dataDir = tempDir();
    writeSessions(dataDir, { count: 3 });
    const dir = join(dataDir, 'sessions');
    writeFileSync(join(dir, '20990101-000000-bad1.json'), '{"schemaVersion": 1, "id": ');
    mkdirSync(join(dir, '20990101-000000-dir1.json'));
    writeFileSync(join(dir, '20990101-000000-new1.json'), JSON.stringify({ schemaVersion: 9 }));
    // Well-formed but meaningless: an escape sequence where a topic id belongs.
    const hostile = { ...newSession('20990101-000000-esc1'), topics: ['to\u001b[31mpic'] };
    writeFileSync(join(dir, '20990101-000000-esc1.json'), JSON.stringify(hostile));
    const warnings: string[] = [];
    const store = new SessionStore(dataDir, (message) => warnings.push(message));
    expect(store.ids()).toHaveLength(3);
    expect(warnings).toHaveLength(4);
    expect(warnings.join('\n')).toMatch(/20990101-000000-esc1\.json: not a valid session file \(topics\.0: "to\\u001b\[31mpic" is not a topic id\)/);
    expect(warnings.join('\n')).toMatch(/20990101-000000-bad1\.json: not a readable session file/);
    expect(warnings.join('\n')).toMatch(/20990101-000000-dir1\.json: not a regular file \(a folder\)/);
    expect(warnings.join('\n')).toMatch(/20990101-000000-new1\.json: written by a newer interview-coach/);
    store.close();
    const again: string[] = [];
    expect(new SessionStore(dataDir, (message) => again.push(message)).ids()).toHaveLength(3);
    expect(again).toEqual([]);
  });
});

describe('stats from the derived tables equal stats computed from summaries', () => {
  test('over generated history, after regrades too', () => {
    const dataDir = tempDir();
    writeSessions(dataDir, { count: 60 });
    const store = new SessionStore(dataDir);
    const regraded = store.load(store.ids()[4]!);
    addGrade(regraded, 0, { ...selfGrade('2026-01-01T00:00:00.000Z'), kind: 'model', by: 'm' }, Date.UTC(2026, 0, 1));
    store.save(regraded);
    // One session with a skipped question, one never reached, and a self grade the model disagrees with.
    const mixed = newSession('20991231-120000-mixd');
    recordAnswer(mixed, 0, answer('a cache in front'), Date.UTC(2099, 11, 31, 12, 1));
    addGrade(mixed, 0, selfGrade('2099-12-31T12:02:00.000Z', 3), Date.UTC(2099, 11, 31, 12, 2));
    addGrade(mixed, 0, { ...selfGrade('2099-12-31T12:03:00.000Z', 0), kind: 'model', by: 'm' }, Date.UTC(2099, 11, 31, 12, 3));
    recordAnswer(mixed, 1, null, Date.UTC(2099, 11, 31, 12, 4));
    finishSession(mixed, Date.UTC(2099, 11, 31, 12, 5));
    store.save(mixed);
    const fromRows = statsFromRows(store.db);
    expect(fromRows.topics.find((topic) => topic.topic === 't')).toMatchObject({ sessions: 1, skipped: 1, answered: 1 });
    expect(fromRows.drift.byTopic.find((topic) => topic.topic === 't')).toEqual({ topic: 't', questions: 1, meanPoints: 60 });
    const fromSummaries = computeStats(store.summaries());
    expect(fromRows.topics).toEqual(fromSummaries.topics);
    expect(fromRows.drift).toEqual(fromSummaries.drift);
    expect(fromRows.sessions).toBe(fromSummaries.sessions);
    expect(fromRows.mostMissed.map(({ lostShare, ...rest }) => ({ ...rest, lostShare: Math.round(lostShare * 1e9) }))).toEqual(fromSummaries.mostMissed.map(({ lostShare, ...rest }) => ({ ...rest, lostShare: Math.round(lostShare * 1e9) })));
  });
});

describe('drafts', () => {
  const draft = { questionIndex: 0, phaseId: null, part: 'answer' as const, text: 'typing…', startedAt: '2026-11-27T12:00:00.000Z', seconds: 9, savedAt: '2026-11-27T12:00:09.000Z' };

  test('saveDraft writes only the draft row; a session that never had one loads without one', () => {
    const dataDir = tempDir();
    const store = new SessionStore(dataDir);
    const session = newSession();
    store.save(session);
    expect(store.load(session.id).draft).toBeUndefined();
    // Another process answers question 2 meanwhile: the draft must not write it back.
    const other = new SessionStore(dataDir);
    const theirs = other.load(session.id);
    recordAnswer(theirs, 1, answer('theirs'), Date.UTC(2026, 10, 27, 12, 5));
    other.save(theirs);
    store.saveDraft(session.id, 0, null, draft);
    const loaded = store.load(session.id);
    expect(loaded.draft).toEqual(draft);
    expect(loaded.questions[1]!.answer?.text).toBe('theirs');
    store.saveDraft(session.id, 0, null, null);
    expect(store.load(session.id).draft).toBeNull();
    expect(() => store.saveDraft(session.id, 1, null, draft)).toThrow(/saved as 1/);
  });

  test('a draft saved with the session (an interrupt) round-trips, and a phase draft lives on its phase', () => {
    const store = new SessionStore(tempDir());
    const session = newSession();
    session.draft = { ...draft, questionIndex: 1, text: 'half' };
    store.save(session);
    expect(store.load(session.id).draft).toEqual(session.draft);
    session.draft = null;
    store.save(session);
    expect(store.load(session.id).draft).toBeNull();
  });
});

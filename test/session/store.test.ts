import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { createSession } from '../../src/session/record.js';
import { SessionFileError, SessionStore } from '../../src/session/store.js';
import { runCoach } from '../helpers/cli.js';
import { choice } from '../helpers/topics.js';

function storeWith(files: Record<string, string | Uint8Array> = {}) {
  const home = mkdtempSync(join(tmpdir(), 'store-'));
  mkdirSync(join(home, 'sessions'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(home, 'sessions', name), content);
  return { home, store: new SessionStore(home) };
}

const valid = createSession({
  id: '20261127-120000-abcd', kind: 'quiz', nowMs: Date.UTC(2026, 10, 27, 12), seed: 1,
  picked: [{ topic: 't', question: choice('a', [0]) }],
  settings: { flip: false, timeLimitSeconds: null, scripted: false, grader: 'self' },
});
const validJson = JSON.stringify(valid);

describe('unreadable session files are reported, never fatal, never rewritten', () => {
  test('random bytes and truncated JSON always give a SessionFileError naming the file', () => {
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 300 }), fc.nat(validJson.length - 1).map((cut) => Buffer.from(validJson.slice(0, cut)))), (bytes) => {
        const { store } = storeWith({ '20261127-120000-abcd.json': bytes });
        try {
          store.load('20261127-120000-abcd');
        } catch (error) {
          expect(error).toBeInstanceOf(SessionFileError);
          expect((error as Error).message).toContain('20261127-120000-abcd.json');
          return;
        }
        throw new Error('a broken file loaded as a session');
      }),
      { numRuns: 300 },
    );
  });

  test('a valid file round-trips', () => {
    const { store } = storeWith();
    store.save(valid);
    expect(store.load(valid.id)).toEqual(valid);
  });

  test('history and resume report broken files and carry on (CLI, a sample of random inputs)', async () => {
    const samples = fc.sample(fc.oneof(fc.uint8Array({ maxLength: 200 }), fc.nat(validJson.length - 1).map((cut) => Buffer.from(validJson.slice(0, cut)))), { numRuns: 8, seed: 7 });
    for (const bytes of samples) {
      const { home } = storeWith({ '20261127-120000-abcd.json': bytes });
      const history = await runCoach(['history', '--json'], { env: { COACH_HOME: home } });
      expect(history.code).toBe(0);
      expect(JSON.parse(history.stdout)).toEqual({ sessions: [] });
      expect(history.stderr).toMatch(/20261127-120000-abcd\.json: .*\(the file is left untouched\)/);
      const resume = await runCoach(['resume', '20261127-120000-abcd'], { env: { COACH_HOME: home } });
      expect(resume.code).toBe(2); // no terminal here: refused before reading anything
      const report = await runCoach(['report', '20261127-120000-abcd'], { env: { COACH_HOME: home } });
      expect(report.code).toBe(1);
      expect(report.stderr).toMatch(/^coach: .*20261127-120000-abcd\.json: /);
      expect(report.stderr).not.toMatch(/^\s+at /m);
    }
  });
});

describe('drafts', () => {
  test('saveDraft writes only the draft; a session without one (older files) still loads', () => {
    const { store } = storeWith({ [`${valid.id}.json`]: validJson });
    expect(store.load(valid.id).draft).toBeUndefined();
    const draft = { questionIndex: 0, phaseId: null, part: 'answer' as const, text: 'typing…', startedAt: '2026-11-27T12:00:00.000Z', seconds: 9, savedAt: '2026-11-27T12:00:09.000Z' };
    store.saveDraft(valid.id, 0, null, draft);
    const loaded = store.load(valid.id);
    expect(loaded.draft).toEqual(draft);
    expect({ ...loaded, draft: undefined }).toEqual({ ...valid, draft: undefined });
    store.saveDraft(valid.id, 0, null, null);
    expect(store.load(valid.id).draft).toBeNull();
    expect(() => store.saveDraft(valid.id, 1, null, draft)).toThrow(/saved as 1/);
  });
});

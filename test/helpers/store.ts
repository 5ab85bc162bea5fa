import type { Session } from '../../src/session/model.js';
import { SessionStore } from '../../src/session/store.js';
import { openStorage, quickCheck } from '../../src/storage/database.js';

/** Every session stored in a data folder's coach.db, oldest first (what a command would read). */
export function storedSessions(dataDir: string): Session[] {
  const store = new SessionStore(dataDir);
  try {
    return store.ids().map((id) => store.load(id));
  } finally {
    store.close();
  }
}

/** The one session stored; fails the test when there is not exactly one. */
export function onlySession(dataDir: string): Session {
  const sessions = storedSessions(dataDir);
  if (sessions.length !== 1) throw new Error(`expected one stored session, found ${sessions.length}`);
  return sessions[0]!;
}

/** SQLite's quick_check over the data folder's database: ['ok'] when healthy. */
export function checkDatabase(dataDir: string): string[] {
  const storage = openStorage(dataDir);
  try {
    return quickCheck(storage);
  } finally {
    storage.close();
  }
}

/** Writes sessions straight into coach.db, as a command would (for tests that prepare history). */
export function storeSessions(dataDir: string, sessions: readonly Session[]): void {
  const store = new SessionStore(dataDir);
  try {
    for (const session of sessions) store.save(session);
  } finally {
    store.close();
  }
}

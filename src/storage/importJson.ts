import { summarize } from '../session/summaries.js';
import type { Storage } from './database.js';
import { CriterionBatch, rewriteDerived } from './derived.js';
import { listSessionFiles, readSessionFile, SessionFileProblem, sessionsDir } from './jsonSessions.js';
import { insertSession } from './sessionRows.js';

const IMPORTED_KEY = 'json-sessions-imported';

/**
 * The one-time move from the first version's JSON files: every readable
 * `sessions/<id>.json` is inserted in one transaction (a session the database
 * already has is kept as it is), then a meta row records that the import ran,
 * so it never runs again. Unreadable files are passed to `onProblem` and
 * skipped. The files themselves are left where they are. A read-only folder
 * with no database imports into the in-memory copy, every time.
 */
export function importSessionFiles(storage: Storage, dataDir: string, onProblem: (problem: SessionFileProblem) => void): number {
  if (storage.readOnly && !storage.inMemory) return 0;
  if (storage.meta(IMPORTED_KEY) !== undefined) return 0;
  const files = listSessionFiles(sessionsDir(dataDir));
  let imported = 0;
  storage.fillCopy(() => {
    // Another process may have imported while we waited for the lock.
    if (storage.meta(IMPORTED_KEY) !== undefined) return;
    const exists = storage.prepare('SELECT 1 FROM sessions WHERE id = ?');
    const batch = new CriterionBatch();
    for (const path of files) {
      let session;
      try {
        session = readSessionFile(path);
      } catch (error) {
        if (!(error instanceof SessionFileProblem)) throw error;
        onProblem(error);
        continue;
      }
      if (exists.get(session.id) !== undefined) continue;
      insertSession(storage, session);
      rewriteDerived(storage, summarize(session), batch);
      imported += 1;
    }
    batch.flush(storage);
    storage.setMeta(IMPORTED_KEY, new Date().toISOString());
  });
  return imported;
}

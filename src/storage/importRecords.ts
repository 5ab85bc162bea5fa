import { isDeepStrictEqual } from 'node:util';
import { SessionSchema, type Session } from '../session/model.js';
import { summarize } from '../session/summaries.js';
import type { Storage } from './database.js';
import { CriterionBatch, rewriteDerived } from './derived.js';
import { insertSession, readSession } from './sessionRows.js';

export interface ImportOutcome {
  imported: string[];
  /** Already stored, identical. */
  present: string[];
  /** Already stored with different content: the stored one is kept. */
  conflicts: string[];
}

/**
 * Adds sessions (validated records from `coach export --format json`) in one
 * transaction. A session the database already has is never replaced: equal
 * ones count as present, different ones as conflicts. Throws a message (no
 * path: the caller adds it) when a record is not a valid session.
 */
export function importRecords(storage: Storage, records: readonly unknown[]): ImportOutcome {
  const sessions = records.map((record, index): Session => {
    const parsed = SessionSchema.safeParse(record);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new Error(`records[${index}]: not a valid session (${issue.path.join('.') || 'top level'}: ${issue.message})`);
    }
    // Validated, but stored as written: parsing reorders keys, and a lossless round trip keeps them.
    return record as Session;
  });
  const outcome: ImportOutcome = { imported: [], present: [], conflicts: [] };
  storage.write(() => {
    const batch = new CriterionBatch();
    for (const session of sessions) {
      const stored = readSession(storage, session.id);
      if (stored) {
        (isDeepStrictEqual(comparable(stored), comparable(session)) ? outcome.present : outcome.conflicts).push(session.id);
        continue;
      }
      insertSession(storage, session);
      rewriteDerived(storage, summarize(session), batch);
      outcome.imported.push(session.id);
    }
    batch.flush(storage);
  });
  return outcome;
}

/** JSON-normalised (drops undefined keys), so a stored and an imported copy of the same session compare equal. */
function comparable(session: Session): unknown {
  return JSON.parse(JSON.stringify(session)) as unknown;
}

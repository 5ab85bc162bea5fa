import { isDeepStrictEqual } from 'node:util';
import { SessionSchema, type Session } from '../session/model.js';
import { summarize } from '../session/summaries.js';
import { sessionMeaningProblem } from '../session/validate.js';
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
    // An export holds only fields the coach knows: anything else is a hand edit that would be silently dropped.
    const unknown = unknownField(record, parsed.data);
    if (unknown) throw new Error(`records[${index}]: not a valid session (${unknown}: not a field of a session)`);
    const problem = sessionMeaningProblem(parsed.data, { questions: true });
    if (problem) throw new Error(`records[${index}]: not a valid session (${problem})`);
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

/** The path of the first key in `raw` that parsing dropped (zod strips unknown keys), or undefined. */
function unknownField(raw: unknown, parsed: unknown, path: readonly (string | number)[] = []): string | undefined {
  if (Array.isArray(raw) && Array.isArray(parsed)) {
    for (let index = 0; index < raw.length; index += 1) {
      const found = unknownField(raw[index], parsed[index], [...path, index]);
      if (found) return found;
    }
    return undefined;
  }
  if (raw === null || typeof raw !== 'object' || parsed === null || typeof parsed !== 'object') return undefined;
  for (const key of Object.keys(raw)) {
    if (!Object.hasOwn(parsed, key)) return [...path, key].join('.');
    const found = unknownField((raw as Record<string, unknown>)[key], (parsed as Record<string, unknown>)[key], [...path, key]);
    if (found) return found;
  }
  return undefined;
}

import { UsageError, UserError } from '../errors.js';
import { openStorage, type Storage } from '../storage/database.js';
import { importSessionFiles } from '../storage/importJson.js';
import { appendGrades, gradeRowsOf, insertSession, phaseFields, questionFields, readSession, sessionFields, updateChangedColumns, writeDraft, type GradeRow } from '../storage/sessionRows.js';
import { readHistoryRows, readSummaryRows, type HistoryRow } from '../storage/summaryRows.js';
import { rewriteDerived } from '../storage/derived.js';
import { claimRun, releaseRun } from '../storage/runs.js';
import { DraftSchema, SessionSchema, type Draft, type Session } from './model.js';
import { summarize, type SessionSummary } from './summaries.js';

/** A session that is not in the database. */
export class SessionFileError extends UserError {
  constructor(
    readonly path: string,
    reason: string,
  ) {
    super(`${path}: ${reason}`);
    this.name = 'SessionFileError';
  }
}

/** What `resolve` may filter `latest` on without loading whole sessions. */
export type SessionHeader = Pick<Session, 'id' | 'kind' | 'status' | 'startedAt'>;

type Fields = Record<string, string | number | null>;

/** What a write last saw of each row, so the next save writes only the rows that changed. */
interface Snapshot {
  session: Fields;
  questions: Fields[];
  phases: Fields[][];
  /** Every grade already stored, as JSON with a count (two identical grades are two rows). */
  grades: Map<string, number>;
  /** The session's draft as JSON (undefined: none was ever saved). */
  draft: string | undefined;
}

/**
 * Sessions in the SQLite database (`coach.db`). `save` keeps the whole-session
 * interface commands use, but writes only what changed since this process
 * loaded or saved the session, in one short transaction: an answered question
 * updates its own row, a new grade is appended as a new row. So two processes
 * working on one session (an interactive run and `coach grade --llm`, or two
 * grade runs) never lose each other's work. The database opens on first use;
 * then JSON session files from the first version are imported once.
 */
export class SessionStore {
  private storage: Storage | undefined;
  private readonly snapshots = new Map<string, Snapshot>();

  constructor(
    readonly dataDir: string,
    private readonly warn: (message: string) => void = () => {},
  ) {}

  /** The open database (opened, migrated and JSON-imported on first use). */
  get db(): Storage {
    if (!this.storage) {
      const storage = openStorage(this.dataDir);
      try {
        importSessionFiles(storage, this.dataDir, (problem) => this.warn(problem.message));
      } catch (error) {
        storage.close();
        throw error;
      }
      this.storage = storage;
    }
    return this.storage;
  }

  /** Where a session lives, for messages: the database file. */
  pathOf(_id: string): string {
    return this.db.path;
  }

  save(session: Session): void {
    // Never write what we could not read back: a bug here must fail loudly, not corrupt history.
    SessionSchema.parse(session);
    const storage = this.db;
    storage.write(() => {
      const exists = storage.prepare('SELECT 1 FROM sessions WHERE id = ?').get(session.id) !== undefined;
      if (!exists) insertSession(storage, session);
      else writeChanges(storage, session, this.snapshots.get(session.id) ?? snapshotOf(readSession(storage, session.id)!));
      rewriteDerived(storage, summarize(readSession(storage, session.id)!));
    });
    this.snapshots.set(session.id, snapshotOf(session));
  }

  /**
   * Records the answer being typed (or clears it with null): one short
   * transaction that writes only the draft, on the row of the question (or
   * interview phase) it belongs to, so it never overwrites answers or grades
   * another process saved. `questionIndex` and `phaseId` must match the draft's
   * own. Drafts never change history or stats, so nothing derived is rewritten.
   */
  saveDraft(sessionId: string, questionIndex: number, phaseId: string | null, draft: Draft | null): void {
    if (draft && (draft.questionIndex !== questionIndex || draft.phaseId !== phaseId)) throw new Error(`draft for question ${draft.questionIndex}/${draft.phaseId} saved as ${questionIndex}/${phaseId}`);
    if (draft) DraftSchema.parse(draft);
    const storage = this.db;
    storage.write(() => {
      if (storage.prepare('SELECT 1 FROM sessions WHERE id = ?').get(sessionId) === undefined) throw new SessionFileError(storage.path, `no session ${sessionId}`);
      writeDraft(storage, sessionId, draft, { questionIndex, phaseId });
    });
    const snapshot = this.snapshots.get(sessionId);
    if (snapshot) snapshot.draft = JSON.stringify(draft);
  }

  /** The session with every row and grade stored so far (including other processes' writes). */
  load(id: string): Session {
    const storage = this.db;
    const session = storage.guard(() => readSession(storage, id));
    if (!session) throw new SessionFileError(storage.path, `no session ${id}`);
    this.snapshots.set(id, snapshotOf(session));
    return session;
  }

  /** Session ids, oldest first (ids sort by time). */
  ids(): string[] {
    const storage = this.db;
    return storage.guard(() => (storage.prepare('SELECT id FROM sessions ORDER BY id').pluck().all() as string[]));
  }

  /** `coach history`'s table rows, newest first (see readHistoryRows). */
  historyRows(): HistoryRow[] {
    return readHistoryRows(this.db);
  }

  /** History and stats input: every session's summary, oldest first (see readSummaryRows). */
  summaries(options: { withResults?: boolean; after?: string } = {}): SessionSummary[] {
    return readSummaryRows(this.db, options);
  }

  /** [id, revision] of every session, oldest first: the review schedule's cache key (src/review/state.ts). */
  revisions(): [string, string][] {
    const storage = this.db;
    return storage.guard(() => (storage.prepare('SELECT id, revision FROM sessions ORDER BY id').raw().all() as [string, number][]).map(([id, revision]): [string, string] => [id, String(revision)]));
  }

  /**
   * Marks `id` as being answered interactively by this process. Throws a
   * UserError naming the other process when a live one already has it; a claim
   * left by a crashed process is taken over.
   */
  claim(id: string): void {
    claimRun(this.db, id, process.pid);
  }

  release(id: string): void {
    if (this.storage) releaseRun(this.storage, id, process.pid);
  }

  /**
   * `latest`, a full id or a unique prefix. `accept` narrows `latest` (resume
   * wants the latest in-progress session).
   */
  resolve(reference: string | undefined, accept: (session: SessionHeader) => boolean = () => true): string {
    const storage = this.db;
    if (reference === undefined || reference === 'latest') {
      const headers = storage.guard(() => storage.prepare('SELECT id, kind, status, started_at AS startedAt FROM sessions ORDER BY id DESC').iterate()) as IterableIterator<SessionHeader>;
      let any = false;
      for (const header of headers) {
        any = true;
        if (accept(header)) {
          headers.return?.();
          return header.id;
        }
      }
      throw new UsageError(!any ? 'no sessions yet: start one with coach quiz' : 'no matching session (coach history lists them)');
    }
    const matches = storage.guard(() => storage.prepare("SELECT id FROM sessions WHERE id >= ? AND id < ? || char(1114111) ORDER BY id LIMIT 11").pluck().all(reference, reference) as string[]);
    if (matches.includes(reference)) return reference;
    if (matches.length === 1) return matches[0]!;
    if (matches.length === 0) throw new UsageError(`no session matches "${reference}" (coach history lists them)`);
    throw new UsageError(`"${reference}" matches ${matches.length > 10 ? 'more than 10' : matches.length} sessions: ${matches.slice(0, 10).join(', ')}; type more of the id`);
  }

  close(): void {
    this.storage?.close();
    this.storage = undefined;
  }
}

function snapshotOf(session: Session): Snapshot {
  const grades = new Map<string, number>();
  for (const row of gradeRowsOf(session)) {
    const key = gradeKey(row);
    grades.set(key, (grades.get(key) ?? 0) + 1);
  }
  return {
    session: sessionFields(session),
    questions: session.questions.map((item) => questionFields(item)),
    phases: session.questions.map((item) => (item.phases ?? []).map((record) => phaseFields(record))),
    grades,
    draft: session.draft === undefined ? undefined : JSON.stringify(session.draft),
  };
}

function gradeKey(row: GradeRow): string {
  return `${row.position}/${row.phaseIndex}/${JSON.stringify(row.grade)}`;
}

/** Writes the rows of `session` that differ from `before`, and appends grades `before` did not have. */
function writeChanges(storage: Storage, session: Session, before: Snapshot): void {
  updateChangedColumns(storage, 'sessions', { id: session.id }, before.session, sessionFields(session));
  session.questions.forEach((item, position) => {
    updateChangedColumns(storage, 'questions', { session_id: session.id, position }, before.questions[position], questionFields(item));
    item.phases?.forEach((record, phaseIndex) => {
      updateChangedColumns(storage, 'phases', { session_id: session.id, position, phase_index: phaseIndex }, before.phases[position]?.[phaseIndex], phaseFields(record));
    });
  });
  const known = new Map(before.grades);
  const fresh = gradeRowsOf(session).filter((row) => {
    const key = gradeKey(row);
    const count = known.get(key) ?? 0;
    if (count > 0) {
      known.set(key, count - 1);
      return false;
    }
    return true;
  });
  appendGrades(storage, session.id, fresh);
  if (session.draft !== undefined && JSON.stringify(session.draft) !== before.draft) writeDraft(storage, session.id, session.draft, null);
}

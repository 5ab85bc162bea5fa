import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError, UserError } from '../errors.js';
import { listSessionIds, sessionsDir } from './files.js';
import { SESSION_SCHEMA_VERSION, SessionSchema, type Draft, type Session } from './model.js';

/** A session file we cannot read: reported with its path, and never written over. */
export class SessionFileError extends UserError {
  constructor(
    readonly path: string,
    reason: string,
  ) {
    super(`${path}: ${reason} (the file is left untouched)`);
    this.name = 'SessionFileError';
  }
}

/**
 * One JSON file per session under `<data dir>/sessions`. Every save is atomic:
 * a temp file is written and fsynced, then renamed over the old one, and the
 * folder is fsynced, so a crash at any moment leaves either the old or the new
 * file, never a torn one.
 */
export class SessionStore {
  readonly dir: string;

  constructor(dataDir: string) {
    this.dir = sessionsDir(dataDir);
  }

  pathOf(id: string): string {
    return join(this.dir, `${id}.json`);
  }

  save(session: Session): void {
    // Never write what we could not read back: a bug here must fail loudly, not corrupt history.
    SessionSchema.parse(session);
    mkdirSync(this.dir, { recursive: true });
    writeFileAtomic(this.pathOf(session.id), `${JSON.stringify(session, null, 1)}\n`);
  }

  /**
   * Records the answer being typed (or clears it with null) without touching the
   * rest of the session as saved. `questionIndex` and `phaseId` must match the
   * draft's own (they name the row a row-level store writes). Throws
   * SessionFileError if the session file cannot be read.
   */
  saveDraft(sessionId: string, questionIndex: number, phaseId: string | null, draft: Draft | null): void {
    if (draft && (draft.questionIndex !== questionIndex || draft.phaseId !== phaseId)) throw new Error(`draft for question ${draft.questionIndex}/${draft.phaseId} saved as ${questionIndex}/${phaseId}`);
    const session = this.load(sessionId);
    session.draft = draft;
    this.save(session);
  }

  load(id: string): Session {
    return parseSessionFile(this.pathOf(id));
  }

  /** Session ids, oldest first (ids sort by time). */
  ids(): string[] {
    return listSessionIds(this.dir);
  }

  /**
   * `latest`, a full id or a unique prefix. `accept` narrows `latest` (resume
   * wants the latest in-progress session); unreadable files are skipped there.
   */
  resolve(reference: string | undefined, accept: (session: Session) => boolean = () => true): string {
    const ids = this.ids();
    if (reference === undefined || reference === 'latest') {
      for (const id of [...ids].reverse()) {
        let session: Session;
        try {
          session = this.load(id);
        } catch (error) {
          if (error instanceof SessionFileError) continue;
          throw error;
        }
        if (accept(session)) return id;
      }
      throw new UsageError(ids.length === 0 ? 'no sessions yet: start one with coach quiz' : 'no matching session (coach history lists them)');
    }
    if (ids.includes(reference)) return reference;
    const matches = ids.filter((id) => id.startsWith(reference));
    if (matches.length === 1) return matches[0]!;
    if (matches.length === 0) throw new UsageError(`no session matches "${reference}" (coach history lists them)`);
    throw new UsageError(`"${reference}" matches ${matches.length} sessions: ${matches.join(', ')}; type more of the id`);
  }
}

export function parseSessionFile(path: string): Session {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new SessionFileError(path, 'no such session file');
    throw error;
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new SessionFileError(path, `not a readable session file (${(error as Error).message})`);
  }
  const version = (value as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (typeof version === 'number' && version > SESSION_SCHEMA_VERSION) {
    throw new SessionFileError(path, `written by a newer interview-coach (schemaVersion ${version}, this one reads ${SESSION_SCHEMA_VERSION}); upgrade to open it`);
  }
  const parsed = SessionSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new SessionFileError(path, `not a valid session file (${issue.path.join('.') || 'top level'}: ${issue.message})`);
  }
  return parsed.data;
}

export function writeFileAtomic(path: string, content: string): void {
  const temp = `${path}.${process.pid}.${Math.random().toString(36).slice(2, 8)}.tmp`;
  const fd = openSync(temp, 'w', 0o600);
  try {
    writeSync(fd, content);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    renameSync(temp, path);
  } catch (error) {
    unlinkSync(temp);
    throw error;
  }
  const dirFd = openSync(join(path, '..'), 'r');
  try {
    fsyncSync(dirFd);
  } finally {
    closeSync(dirFd);
  }
}

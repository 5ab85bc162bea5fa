import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { SESSION_ID_PATTERN } from '../session/ids.js';
import { sessionMeaningProblem } from '../session/validate.js';
import { describeFsError } from '../topics/files.js';
import { SESSION_SCHEMA_VERSION, SessionSchema, type Session } from '../session/model.js';

/**
 * The first version kept one JSON file per session in `<data dir>/sessions`.
 * These read them for the one-time import; the files are never written or
 * deleted (the README says they may be deleted once imported).
 */
export function sessionsDir(dataDir: string): string {
  return join(dataDir, 'sessions');
}

/** `<id>.json` paths in the folder, oldest first; none when the folder is missing or not a folder. */
export function listSessionFiles(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return [];
    throw error;
  }
  return names
    .filter((name) => name.endsWith('.json') && SESSION_ID_PATTERN.test(name.slice(0, -'.json'.length)))
    .sort()
    .map((name) => join(dir, name));
}

/** A session file that cannot be imported, and why: reported with its path and skipped. */
export class SessionFileProblem extends Error {
  constructor(
    readonly path: string,
    reason: string,
  ) {
    super(`${path}: ${reason} (skipped; the file is left untouched)`);
    this.name = 'SessionFileProblem';
  }
}

/**
 * Reads and validates one session file. Only regular files are opened: a
 * folder, a FIFO (which would block the read forever), a device or a symlink
 * loop is a SessionFileProblem, as is bad JSON, a newer schemaVersion or a
 * shape the schema rejects.
 */
export function readSessionFile(path: string): Session {
  let stats;
  try {
    stats = statSync(path);
  } catch (error) {
    throw new SessionFileProblem(path, `cannot be read (${describeFsError(error)})`);
  }
  if (!stats.isFile()) throw new SessionFileProblem(path, `not a regular file (${stats.isDirectory() ? 'a folder' : stats.isFIFO() ? 'a FIFO' : 'a special file'})`);
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new SessionFileProblem(path, `not a readable session file (${(error as Error).message})`);
  }
  const version = (value as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (typeof version === 'number' && version > SESSION_SCHEMA_VERSION) {
    throw new SessionFileProblem(path, `written by a newer interview-coach (schemaVersion ${version}, this one reads ${SESSION_SCHEMA_VERSION})`);
  }
  const parsed = SessionSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new SessionFileProblem(path, `not a valid session file (${issue.path.join('.') || 'top level'}: ${issue.message})`);
  }
  const problem = sessionMeaningProblem(parsed.data);
  if (problem) throw new SessionFileProblem(path, `not a valid session file (${problem})`);
  if (`${parsed.data.id}.json` !== path.split(/[\\/]/).at(-1)) throw new SessionFileProblem(path, `holds session ${parsed.data.id}, not the one its name says`);
  return value as Session;
}

import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Env } from '../paths.js';
import { readRegularFile } from './files.js';
import { skippedOutcome, type FileOutcome } from './loader.js';
import type { Problem } from './problems.js';

/**
 * `coach lint`'s memory of files it has already checked: keyed by the SHA-256 of
 * a file's bytes, it holds the verdict (problems, topic id, question count), so
 * an unchanged file is not parsed again. A hit gives exactly what parsing would:
 * the key is the whole content, and the cache is dropped whenever the program
 * changes (see codeFingerprint).
 *
 * It lives in the cache dir, `$XDG_CACHE_HOME/interview-coach/lint-cache.json`
 * (else `$HOME/.cache/...`; with neither set there is no cache), not in the data
 * dir, which the storage module owns: deleting it loses nothing.
 */
export interface TopicTally {
  id: string;
  questions: number;
}

interface Entry {
  tally?: TopicTally;
  idPosition: { line: number; col: number };
  problems: Omit<Problem, 'file'>[];
}

interface CacheFile {
  format: typeof CACHE_FORMAT;
  fingerprint: string;
  entries: Record<string, Entry>;
}

const CACHE_FORMAT = 1;
/** Entries kept: this run's files first, then earlier ones, up to this many. */
const MAX_ENTRIES = 20_000;

export function lintCachePath(env: Env): string | undefined {
  const base = env.XDG_CACHE_HOME || (env.HOME ? join(env.HOME, '.cache') : undefined);
  return base ? join(base, 'interview-coach', 'lint-cache.json') : undefined;
}

/** Lints `paths`, reusing the cached verdict of every unchanged file and recording new ones. */
export async function lintTopicFiles(paths: readonly string[], display: (path: string) => string, cachePath: string | undefined): Promise<FileOutcome<TopicTally>[]> {
  const fingerprint = codeFingerprint();
  const cached = cachePath ? readCache(cachePath, fingerprint) : {};
  const used: Record<string, Entry> = {};
  let parseTopicSource: typeof import('./parse.js').parseTopicSource | undefined;
  const outcomes: FileOutcome<TopicTally>[] = [];
  for (const path of paths) {
    const file = display(path);
    const read = readRegularFile(path);
    if ('skipped' in read) {
      outcomes.push(skippedOutcome(file, read.skipped));
      continue;
    }
    const key = createHash('sha256').update(read.bytes).digest('base64url');
    let entry = cached[key] ?? used[key];
    if (!entry) {
      // Loaded only on a miss: a lint of unchanged files needs no YAML parser and no zod.
      parseTopicSource ??= (await import('./parse.js')).parseTopicSource;
      const result = await parseTopicSource(read.bytes, file);
      entry = {
        tally: result.ok ? { id: result.topic.id, questions: result.topic.questions.length } : undefined,
        idPosition: result.ok ? result.idPosition : { line: 1, col: 1 },
        problems: result.problems.map(({ file: _file, ...problem }) => problem),
      };
    }
    used[key] = entry;
    outcomes.push({ file, topic: entry.tally, idPosition: entry.idPosition, problems: entry.problems.map((problem) => ({ file, ...problem })) });
  }
  if (cachePath) writeCache(cachePath, { format: CACHE_FORMAT, fingerprint, entries: keepNewest(used, cached) });
  return outcomes;
}

declare const __COACH_VERSION__: string | undefined;

/**
 * The program that gave the cached verdicts: its version, and the name, size and
 * mtime of every module beside this one (the built chunks, where the parser and the
 * schema live). A rebuild or an upgrade therefore starts a fresh cache; npm's
 * fixed install mtimes are covered by the version.
 */
function codeFingerprint(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const modules = readdirSync(here)
    .filter((name) => /\.(js|ts)$/.test(name))
    .sort()
    .map((name) => {
      const stats = statSync(join(here, name));
      return `${name}:${stats.size}:${stats.mtimeMs}`;
    });
  const version = typeof __COACH_VERSION__ === 'string' ? __COACH_VERSION__ : 'dev';
  return createHash('sha256').update([version, ...modules].join('\n')).digest('base64url');
}

/** The cached entries, or none: a missing, unreadable or odd cache file (a folder, a FIFO: never opened) is a cold cache. */
function readCache(path: string, fingerprint: string): Record<string, Entry> {
  const read = readRegularFile(path);
  if ('skipped' in read) return {};
  try {
    const file = JSON.parse(Buffer.from(read.bytes).toString('utf8')) as Partial<CacheFile> | null;
    return file?.format === CACHE_FORMAT && file.fingerprint === fingerprint && file.entries && typeof file.entries === 'object' ? file.entries : {};
  } catch (error) {
    // A torn or foreign file is just a cold cache; it is rewritten below.
    if (error instanceof SyntaxError) return {};
    throw error;
  }
}

function keepNewest(used: Record<string, Entry>, earlier: Record<string, Entry>): Record<string, Entry> {
  const kept: Record<string, Entry> = { ...used };
  let count = Object.keys(kept).length;
  for (const [key, entry] of Object.entries(earlier)) {
    if (count >= MAX_ENTRIES) break;
    if (kept[key]) continue;
    kept[key] = entry;
    count += 1;
  }
  return kept;
}

/**
 * Atomic (write, then rename). The cache is optional: a cache that cannot be
 * written costs speed, not correctness, so any file-system failure (a dangling
 * or read-only cache folder, a file or folder in the way, a full disk) is
 * ignored without a word, and the temp file, if one was made, is removed.
 */
function writeCache(path: string, file: CacheFile): void {
  const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(temporary, JSON.stringify(file));
    renameSync(temporary, path);
  } catch (error) {
    // Only the file system's answers are ignored; anything without an errno code is a bug.
    if ((error as NodeJS.ErrnoException).code === undefined) throw error;
    removeQuietly(temporary);
  }
}

function removeQuietly(path: string): void {
  try {
    rmSync(path, { force: true });
  } catch (error) {
    // The temp file was never made (its folder is a file, gone, unwritable): nothing is left behind.
    if ((error as NodeJS.ErrnoException).code === undefined) throw error;
  }
}

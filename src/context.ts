import { resolve } from 'node:path';
import type { Clock } from './clock.js';
import { resolvePaths, type AppPaths, type Env } from './paths.js';
import { displayPath } from './topics/files.js';
import type { TopicSources } from './topics/loader.js';
import { decideColorLevel } from './ui/colors.js';
import { createStyle, type Style } from './ui/style.js';
import type { SessionStore } from './session/store.js';

/**
 * What a command may touch of the outside world. Commands receive it instead of
 * reaching for `process`, so tests hand in their own streams, env and clock.
 * Later ports (session store, prompter, LLM client) join here as they are built.
 */
export interface OutputStream {
  write(chunk: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface InputStream extends NodeJS.ReadableStream {
  isTTY?: boolean;
}

export type { Clock };

export interface Io {
  stdout: OutputStream;
  stderr: OutputStream;
  stdin: InputStream;
  env: Env;
  cwd: string;
  clock: Clock;
  /**
   * Aborted when SIGTERM, SIGHUP or SIGINT arrives (the reason is the signal's
   * name): open prompts reject, the session is saved, the exit code follows the signal.
   */
  signal?: AbortSignal;
}

/** The global flags of PRODUCT.md's contracts, valid before or after the command name. */
export interface GlobalOptions {
  json: boolean;
  strict: boolean;
  color: boolean;
  topics: string[];
}

export interface Context extends Io {
  json: boolean;
  strict: boolean;
  /** Decided once from --no-color, NO_COLOR, FORCE_COLOR, --json and the TTY. */
  style: Style;
  paths: AppPaths;
  topicSources: TopicSources;
  /** Relative to the working directory when inside it. */
  display(path: string): string;
  sessions: SessionStore;
  /** Both ends are a terminal: prompts can be shown. */
  interactive: boolean;
}

/**
 * `withSessions: false` leaves the session store out: it brings the zod session
 * schema, which commands that never read sessions (topics, lint, schema) must
 * not pay for at start-up.
 */
export async function createContext(io: Io, globals: GlobalOptions, { withSessions = true }: { withSessions?: boolean } = {}): Promise<Context> {
  const paths = resolvePaths(io.env);
  const level = decideColorLevel({ colorFlag: globals.color, json: globals.json, env: io.env, isTTY: io.stdout.isTTY === true });
  const display = (path: string) => displayPath(path, io.cwd);
  const envDirs = (io.env.COACH_TOPICS ?? '').split(':').filter((dir) => dir !== '');
  const userDirs = [
    ...envDirs.map((dir) => ({ dir: resolve(io.cwd, dir), source: 'COACH_TOPICS' })),
    ...globals.topics.map((dir) => ({ dir: resolve(io.cwd, dir), source: '--topics' })),
  ];
  const style = await createStyle(level);
  return {
    ...io,
    json: globals.json,
    strict: globals.strict,
    style,
    paths,
    display,
    sessions: withSessions ? new (await import('./session/store.js')).SessionStore(paths.dataDir, (message) => io.stderr.write(style.yellow(`warning: ${message}\n`))) : (undefined as unknown as SessionStore),
    interactive: io.stdin.isTTY === true && io.stdout.isTTY === true,
    topicSources: { bundledDir: paths.bundledTopics, compiledBundle: paths.compiledBundle, compiledOutline: paths.compiledOutline, userDirs, display },
  };
}

import { ExitCode, UserError } from '../errors.js';
import { assertTopicDir, listTopicFiles, readRegularFile } from './files.js';
import { outlineOf, type Loaded, type Topic, type TopicOutline } from './model.js';
import { byPosition, formatProblem, type Problem } from './problems.js';
import { readCompiledBundle } from './bundle.js';
import { stripControlDeep } from '../text/controlChars.js';

export interface TopicSources {
  bundledDir: string;
  compiledBundle: string;
  compiledOutline: string;
  userDirs: readonly { dir: string; source: string }[];
  display: (path: string) => string;
}

export interface TopicSet<T extends { id: string } = Topic> {
  /** By topic id; a later folder's topic replaces an earlier one's. */
  topics: Loaded<T>[];
  problems: Problem[];
}

/** One file's outcome: small and plain, so it can cross a worker-thread boundary or sit in the lint cache. */
export interface FileOutcome<T> {
  file: string;
  /** Set when the file loads; it may still carry warnings in `problems`. */
  topic?: T;
  /** Where `id:` is, for a duplicate-id message. */
  idPosition: { line: number; col: number };
  problems: Problem[];
}

/** The outcome of a file that was not read (a special file, unreadable): its one problem, at 1:1. */
export function skippedOutcome<T>(file: string, why: string): FileOutcome<T> {
  return { file, problems: [{ file, line: 1, col: 1, message: why }], idPosition: { line: 1, col: 1 } };
}

export async function parseTopicFiles(paths: readonly string[], display: (path: string) => string): Promise<FileOutcome<Topic>[]> {
  // The parser brings js-yaml, yaml and zod; `coach topics` on a fresh bundle never needs them.
  const { parseTopicSource } = await import('./parse.js');
  const outcomes: FileOutcome<Topic>[] = [];
  for (const path of paths) {
    const file = display(path);
    const read = readRegularFile(path);
    if ('skipped' in read) {
      outcomes.push(skippedOutcome(file, read.skipped));
      continue;
    }
    const result = await parseTopicSource(read.bytes, file);
    if (!result.ok) outcomes.push({ file, problems: result.problems, idPosition: { line: 1, col: 1 } });
    else outcomes.push({ file, topic: result.topic, problems: result.problems, idPosition: result.idPosition });
  }
  return outcomes;
}

/** Collects topics in file order; a second file with an already-seen topic id is a problem. */
export function mergeOutcomes<T extends { id: string }>(outcomes: readonly FileOutcome<T>[], bundled: boolean): TopicSet<T> {
  const topics: Loaded<T>[] = [];
  const problems: Problem[] = [];
  const seen = new Map<string, string>();
  for (const { file, topic, idPosition, problems: fileProblems } of outcomes) {
    problems.push(...fileProblems);
    if (!topic) continue;
    const firstFile = seen.get(topic.id);
    if (firstFile !== undefined) {
      problems.push({ file, ...idPosition, message: `id: topic "${topic.id}" is already defined in ${firstFile}` });
      continue;
    }
    seen.set(topic.id, file);
    topics.push({ topic, file, bundled });
  }
  return { topics, problems };
}

export async function loadTopicFiles(paths: readonly string[], bundled: boolean, display: (path: string) => string): Promise<TopicSet> {
  return mergeOutcomes(await parseTopicFiles(paths, display), bundled);
}

/**
 * Bundled topics, then each user folder in order. A broken file is reported and
 * skipped so it never hides the other topics; `strict` turns any problem into a
 * failure.
 */
export function loadTopics(sources: TopicSources, options: { strict: boolean }): Promise<TopicSet> {
  return loadLayered(sources, options, sources.compiledBundle, (topic) => topic);
}

/** The same layering, reading only the small compiled outline for bundled topics. */
export function loadTopicOutlines(sources: TopicSources, options: { strict: boolean }): Promise<TopicSet<TopicOutline>> {
  return loadLayered(sources, options, sources.compiledOutline, outlineOf);
}

async function loadLayered<T extends { id: string }>(
  sources: TopicSources,
  options: { strict: boolean },
  compiledPath: string,
  convert: (topic: Topic) => T,
): Promise<TopicSet<T>> {
  const parsed = async (files: string[], bundled: boolean): Promise<TopicSet<T>> => {
    const set = await loadTopicFiles(files, bundled, sources.display);
    return { problems: set.problems, topics: set.topics.map((loaded) => ({ ...loaded, topic: convert(stripControlDeep(loaded.topic)) })) };
  };
  const bundled = readCompiledBundle<T>(sources.bundledDir, compiledPath, sources.display) ?? (await parsed(listTopicFiles(sources.bundledDir), true));
  const byId = new Map(bundled.topics.map((loaded) => [loaded.topic.id, loaded]));
  const problems = [...bundled.problems];
  for (const { dir, source } of sources.userDirs) {
    assertTopicDir(dir, source);
    const user = await parsed(listTopicFiles(dir, source), false);
    for (const loaded of user.topics) byId.set(loaded.topic.id, loaded);
    problems.push(...user.problems);
  }
  problems.sort(byPosition);
  if (options.strict && problems.length > 0) {
    const count = `${problems.length} topic problem${problems.length === 1 ? '' : 's'}`;
    throw new UserError(`--strict: stopping on ${count}:\n${problems.map(formatProblem).join('\n')}`, ExitCode.failure, { lines: true });
  }
  return { topics: [...byId.values()], problems };
}

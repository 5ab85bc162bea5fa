import { readFileSync } from 'node:fs';
import { UserError } from '../errors.js';
import { assertTopicDir, listTopicFiles } from './files.js';
import type { LoadedTopic } from './model.js';
import { byPosition, formatProblem, positionOf, type Problem } from './problems.js';
import { readCompiledBundle } from './bundle.js';

export interface TopicSources {
  bundledDir: string;
  compiledBundle: string;
  userDirs: readonly { dir: string; source: string }[];
  display: (path: string) => string;
}

export interface TopicSet {
  /** By topic id; a later folder's topic replaces an earlier one's. */
  topics: LoadedTopic[];
  problems: Problem[];
}

export async function loadTopicFiles(files: readonly string[], bundled: boolean, display: (path: string) => string): Promise<TopicSet> {
  const topics: LoadedTopic[] = [];
  const problems: Problem[] = [];
  const seen = new Map<string, string>();
  // The parser brings js-yaml and zod; `coach topics` on a fresh bundle never needs them.
  const { parseTopicSource } = await import('./parse.js');
  for (const path of files) {
    const file = display(path);
    const bytes = readFileSync(path);
    const result = await parseTopicSource(bytes, file);
    if (!result.ok) {
      problems.push(...result.problems);
      continue;
    }
    const firstFile = seen.get(result.topic.id);
    if (firstFile !== undefined) {
      const source = bytes.toString('utf8');
      const { line, col } = positionOf(source, Math.max(0, source.search(/^id\s*:/m)));
      problems.push({ file, line, col, message: `id: topic "${result.topic.id}" is already defined in ${firstFile}` });
      continue;
    }
    seen.set(result.topic.id, file);
    topics.push({ topic: result.topic, file, bundled });
  }
  return { topics, problems };
}

/**
 * Bundled topics, then each user folder in order. A broken file is reported and
 * skipped so it never hides the other topics; `strict` turns any problem into a
 * failure.
 */
export async function loadTopics(sources: TopicSources, options: { strict: boolean }): Promise<TopicSet> {
  const bundled =
    readCompiledBundle(sources.bundledDir, sources.compiledBundle, sources.display) ??
    (await loadTopicFiles(listTopicFiles(sources.bundledDir), true, sources.display));
  const byId = new Map(bundled.topics.map((loaded) => [loaded.topic.id, loaded]));
  const problems = [...bundled.problems];
  for (const { dir, source } of sources.userDirs) {
    assertTopicDir(dir, source);
    const user = await loadTopicFiles(listTopicFiles(dir), false, sources.display);
    for (const loaded of user.topics) byId.set(loaded.topic.id, loaded);
    problems.push(...user.problems);
  }
  problems.sort(byPosition);
  if (options.strict && problems.length > 0) {
    const count = `${problems.length} topic problem${problems.length === 1 ? '' : 's'}`;
    throw new UserError(`--strict: stopping on ${count}:\n${problems.map(formatProblem).join('\n')}`);
  }
  return { topics: [...byId.values()], problems };
}

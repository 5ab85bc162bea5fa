import { readdirSync, statSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { UsageError } from '../errors.js';

const TOPIC_FILE = /\.ya?ml$/i;

/** Topic files directly inside `dir`, sorted by name so loading order is stable. */
export function listTopicFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => TOPIC_FILE.test(name))
    .sort()
    .map((name) => join(dir, name));
}

/** Expands lint arguments: a folder means its topic files, a file means itself. */
export function expandTopicPaths(paths: readonly string[]): string[] {
  return paths.flatMap((path) => {
    const stats = statSync(path, { throwIfNoEntry: false });
    if (!stats) throw new UsageError(`no such file or folder: ${path}`);
    return stats.isDirectory() ? listTopicFiles(path) : [path];
  });
}

export function assertTopicDir(dir: string, source: string): void {
  const stats = statSync(dir, { throwIfNoEntry: false });
  if (!stats?.isDirectory()) throw new UsageError(`topic folder not found: ${dir} (from ${source})`);
}

/** Paths in messages: relative to the working directory when inside it, so they stay short and clickable. */
export function displayPath(path: string, cwd: string): string {
  const shown = relative(cwd, path);
  return shown !== '' && !shown.startsWith('..') && !isAbsolute(shown) ? shown : path;
}

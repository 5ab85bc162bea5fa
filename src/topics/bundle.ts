import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Loaded } from './model.js';
import type { TopicSet } from './loader.js';

/**
 * The bundled bank compiled to validated JSON at build time, so `coach topics`
 * needs neither a YAML parser nor zod at start-up. Each source file's size and
 * mtime are recorded; if any differ (someone edited topics/ without rebuilding),
 * the bundle is ignored and the YAML is read instead.
 */
export interface CompiledBundle<T> {
  formatVersion: typeof BUNDLE_FORMAT;
  files: SourceFile[];
  topics: { name: string; topic: T }[];
}

export interface SourceFile {
  name: string;
  size: number;
  mtimeMs: number;
}

export const BUNDLE_FORMAT = 1;

export function readCompiledBundle<T extends { id: string }>(bundledDir: string, compiledPath: string, display: (path: string) => string): TopicSet<T> | undefined {
  let bundle: CompiledBundle<T>;
  try {
    bundle = JSON.parse(readFileSync(compiledPath, 'utf8')) as CompiledBundle<T>;
  } catch (error) {
    if (isMissingFile(error)) return undefined;
    throw error;
  }
  if (bundle.formatVersion !== BUNDLE_FORMAT || !isFresh(bundle, bundledDir)) return undefined;
  const topics = bundle.topics.map(({ name, topic }): Loaded<T> => ({ topic, file: display(join(bundledDir, name)), bundled: true }));
  return { topics, problems: [] };
}

export function describeSources(bundledDir: string): SourceFile[] {
  return readdirSync(bundledDir)
    .filter((name) => /\.ya?ml$/i.test(name))
    .sort()
    .map((name) => {
      const stats = statSync(join(bundledDir, name));
      return { name, size: stats.size, mtimeMs: stats.mtimeMs };
    });
}

function isFresh(bundle: CompiledBundle<unknown>, bundledDir: string): boolean {
  const current = describeSources(bundledDir);
  return (
    current.length === bundle.files.length &&
    current.every((file, index) => {
      const recorded = bundle.files[index]!;
      return recorded.name === file.name && recorded.size === file.size && recorded.mtimeMs === file.mtimeMs;
    })
  );
}

function isMissingFile(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
}

// Build step: validate the bundled topics and compile them to JSON, the fast path
// `coach topics` reads at start-up (see src/topics/bundle.ts). Exits 1, with each
// problem located, if a bundled topic is broken: we never ship one.
import { renameSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { BUNDLE_FORMAT, describeSources } from '../topics/bundle.js';
import { listTopicFiles } from '../topics/files.js';
import { loadTopicFiles } from '../topics/loader.js';
import { outlineOf, type Topic } from '../topics/model.js';
import { formatProblem } from '../topics/problems.js';
import { resolvePaths } from '../paths.js';

const { packageRoot: root, bundledTopics } = resolvePaths(process.env);
const files = describeSources(bundledTopics);
const { topics, problems } = await loadTopicFiles(listTopicFiles(bundledTopics), true, (path) => relative(root, path));
if (problems.length > 0) {
  for (const problem of problems) console.error(formatProblem(problem));
  console.error(`compile-topics: ${problems.length} problem(s) in the bundled topics; fix them (coach lint) and build again`);
  process.exitCode = 1;
} else {
  writeBundle('bundled-topics.json', (topic) => topic);
  writeBundle('bundled-outline.json', outlineOf);
  const questions = topics.reduce((sum, loaded) => sum + loaded.topic.questions.length, 0);
  console.log(`compile-topics: ${topics.length} topics, ${questions} questions -> dist/bundled-topics.json, dist/bundled-outline.json`);
}

function writeBundle(fileName: string, convert: (topic: Topic) => unknown): void {
  const bundle = { formatVersion: BUNDLE_FORMAT, files, topics: topics.map(({ topic, file }) => ({ name: relative('topics', file), topic: convert(topic) })) };
  const target = join(root, 'dist', fileName);
  writeFileSync(`${target}.tmp`, JSON.stringify(bundle));
  renameSync(`${target}.tmp`, target);
}


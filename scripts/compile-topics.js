#!/usr/bin/env node
// Build step: validate the bundled topics and compile them to dist/bundled-topics.json,
// the fast path `coach topics` reads at start-up (see src/topics/bundle.ts).
import { writeFileSync, renameSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadTopicFiles } from '../dist/topics/loader.js';
import { listTopicFiles } from '../dist/topics/files.js';
import { BUNDLE_FORMAT, describeSources } from '../dist/topics/bundle.js';
import { formatProblem } from '../dist/topics/problems.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const topicsDir = join(root, 'topics');
const files = describeSources(topicsDir);
const { topics, problems } = await loadTopicFiles(listTopicFiles(topicsDir), true, (path) => relative(root, path));
if (problems.length > 0) {
  for (const problem of problems) console.error(formatProblem(problem));
  console.error(`compile-topics: ${problems.length} problem(s) in the bundled topics; fix them (coach lint) and build again`);
  process.exit(1);
}
const bundle = {
  formatVersion: BUNDLE_FORMAT,
  files,
  topics: topics.map(({ topic, file }) => ({ name: relative('topics', file), topic })),
};
const target = join(root, 'dist', 'bundled-topics.json');
writeFileSync(`${target}.tmp`, JSON.stringify(bundle));
renameSync(`${target}.tmp`, target);
console.log(`compile-topics: ${topics.length} topics, ${topics.reduce((n, t) => n + t.topic.questions.length, 0)} questions -> dist/bundled-topics.json`);

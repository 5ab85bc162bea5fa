import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { ReportSchema } from '../../src/report/schema.js';
import { ROOT, runCoach, tempHome } from '../helpers/cli.js';

/** The README's answers-file example must run as printed, against the bundled bank. */
test('the README answers-file example runs and grades as documented', async () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('### The answers file'));
  const example = /```yaml\n([\s\S]*?)```/.exec(section)![1]!;
  const file = join(tempHome(), 'answers.yaml');
  writeFileSync(file, example);
  const result = await runCoach(['quiz', '--answers', file, '--json']);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  const report = ReportSchema.parse(JSON.parse(result.stdout));
  expect(report.questions.map((question) => [question.id, question.grade.status, question.grade.earned])).toEqual([
    ['eviction-lru', 'graded', 1],
    ['process-local-vs-shared-cache-select', 'graded', 1],
    ['consistent-hashing-virtual-nodes', 'pending', null],
    ['cache-aside-write-path', 'graded', 5],
  ]);
  expect(report.pending).toBe(1);
});

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { ROOT } from '../helpers/cli.js';

/** The report renderers are core, the terminal one included: they never import ui/ or commands/ (a style is passed in). */
test('src/report never imports ui/ or commands/', () => {
  const dir = join(ROOT, 'src', 'report');
  const offenders = readdirSync(dir)
    .filter((name) => name.endsWith('.ts'))
    .flatMap((name) => [...readFileSync(join(dir, name), 'utf8').matchAll(/from '(\.\.\/(?:ui|commands)\/[^']+)'/g)].map((match) => `${name}: ${match[1]}`));
  expect(offenders).toEqual([]);
});

/** Every file under a core directory, recursively, as [relative path, text]. */
function coreFiles(dir: string, prefix = ''): Array<[string, string]> {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((entry): Array<[string, string]> => {
    const rel = join(prefix, entry.name);
    if (entry.isDirectory()) return coreFiles(dir, rel);
    return entry.name.endsWith('.ts') ? [[rel, readFileSync(join(dir, rel), 'utf8')]] : [];
  });
}

test('the core (topics, session, grading, review, interview, text, progress, storage, plan, report) never imports ui/ or commands/', () => {
  const offenders = ['topics', 'session', 'grading', 'review', 'interview', 'text', 'progress', 'storage', 'plan', 'report'].flatMap((area) =>
    coreFiles(join(ROOT, 'src', area)).flatMap(([rel, text]) =>
      [...text.matchAll(/from '((?:\.\.\/)+(?:ui|commands)\/[^']+)'/g)].map((match) => `${area}/${rel}: ${match[1]}`),
    ),
  );
  expect(offenders).toEqual([]);
});

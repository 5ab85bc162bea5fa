import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { BUNDLE_FORMAT, describeSources, readCompiledBundle } from '../../src/topics/bundle.js';
import { loadTopicFiles } from '../../src/topics/loader.js';
import { listTopicFiles } from '../../src/topics/files.js';
import { ROOT } from '../helpers/cli.js';

async function compileInto(dir: string): Promise<string> {
  const { topics } = await loadTopicFiles(listTopicFiles(dir), true, (path) => path);
  const target = join(dir, 'bundle.json');
  writeFileSync(target, JSON.stringify({ formatVersion: BUNDLE_FORMAT, files: describeSources(dir), topics: topics.map(({ topic, file }) => ({ name: file.split('/').at(-1), topic })) }));
  return target;
}

test('a fresh compiled bundle is used; editing a topic file makes it stale', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'bundle-'));
  cpSync(join(ROOT, 'test', 'fixtures', 'topics'), dir, { recursive: true });
  const bundlePath = await compileInto(dir);
  const fresh = readCompiledBundle(dir, bundlePath, (path) => path);
  expect(fresh?.topics.map((loaded) => loaded.topic.id)).toEqual(['sample']);

  writeFileSync(join(dir, 'sample.yaml'), `${'#'.repeat(3)} edited\n` + (await import('node:fs')).readFileSync(join(dir, 'sample.yaml'), 'utf8'));
  expect(readCompiledBundle(dir, bundlePath, (path) => path)).toBeUndefined();
});

test('a missing bundle means "read the YAML"', () => {
  expect(readCompiledBundle(join(ROOT, 'topics'), '/no/such/bundle.json', (path) => path)).toBeUndefined();
});

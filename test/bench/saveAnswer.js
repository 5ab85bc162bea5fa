// Saving an answer with 50,000 sessions stored: the SessionStore the commands use
// (bundled from src/ by esbuild, as the build does), one answer per save, the
// median of 300 saves. Target (issue 12): < 5 ms. Each save is one transaction
// with synchronous=FULL, so this includes the fsync.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { ROOT, median, verdict } from './lib.js';
import { prepareHome } from './stats.js';

// The bundle lives in /tmp, where no node_modules is found: better-sqlite3 (a native
// module, kept out of the bundle) is imported by its absolute file URL in this repo.
const repoSqlite = {
  name: 'repo-better-sqlite3',
  setup(b) {
    const path = pathToFileURL(createRequire(join(ROOT, 'package.json')).resolve('better-sqlite3')).href;
    b.onResolve({ filter: /^better-sqlite3$/ }, () => ({ path, external: true }));
  },
};

async function loadStore() {
  const dir = mkdtempSync(join(tmpdir(), 'coach-bench-save-'));
  const entry = join(dir, 'entry.ts');
  writeFileSync(entry, `export { SessionStore } from '${join(ROOT, 'src/session/store.ts')}';\nexport { createSession, recordAnswer } from '${join(ROOT, 'src/session/record.ts')}';\n`);
  const outfile = join(dir, 'store.mjs');
  await build({ entryPoints: [entry], outfile, bundle: true, format: 'esm', platform: 'node', target: 'node20', plugins: [repoSqlite], banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" }, logLevel: 'warning', nodePaths: [join(ROOT, 'node_modules')] });
  return import(pathToFileURL(outfile).href);
}

export async function benchSaveAnswer({ saves = 300 } = {}) {
  const { home } = prepareHome(50000);
  const { SessionStore, createSession, recordAnswer } = await loadStore();
  const store = new SessionStore(home);
  const question = { id: 'bench-short', type: 'short', prompt: 'Explain it.', difficulty: 'medium', minutes: 4, rubric: [{ id: 'c1', points: 1, criterion: 'Says it.' }], modelAnswer: 'It.' };
  const session = createSession({ id: '29991231-235959-bnch', kind: 'quiz', nowMs: Date.now(), seed: null, picked: Array.from({ length: 10 }, () => ({ topic: 'bench', question })), settings: { flip: false, timeLimitSeconds: null, scripted: false, grader: 'self' } });
  store.save(session);
  const times = [];
  for (let n = 0; n < saves; n += 1) {
    recordAnswer(session, n % 10, { text: `answer ${n} `.repeat(40), choice: null, startedAt: null, submittedAt: new Date().toISOString(), seconds: 30, via: 'typed' }, Date.now());
    const start = process.hrtime.bigint();
    store.save(session);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  store.close();
  const middle = median(times);
  console.log(`\nsaving an answer with 50,000 sessions stored (median of ${saves} saves)`);
  console.log(`  ${middle.toFixed(2)} ms per save (p90 ${[...times].sort((a, b) => a - b)[Math.floor(saves * 0.9)].toFixed(2)} ms), target < 5 ms  ${verdict(middle < 5)}`);
  return middle < 5;
}

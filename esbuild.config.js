// Build: one ESM bundle with code splitting (lazy command imports stay lazy).
// The small, always-hot dependencies are bundled in, which saves ~70 ms of module
// resolution on every command that validates (see README "Performance"); the big,
// rarely-needed ones stay external and load only in the commands that use them.
import { readFileSync } from 'node:fs';
import { build } from 'esbuild';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

const LAZY_EXTERNALS = ['better-sqlite3', 'ora', '@inquirer/*', 'openai', 'ts-fsrs', '@lydell/node-pty', 'playwright-core'];

await build({
  entryPoints: ['src/main.ts', 'src/build/compile-topics.ts'],
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  external: LAZY_EXTERNALS,
  // `coach --version` then prints a constant instead of finding and reading package.json.
  define: { __COACH_VERSION__: JSON.stringify(version) },
  // Bundled CommonJS (commander) calls require() for node: built-ins.
  banner: { js: "import { createRequire as __coachCreateRequire } from 'node:module'; const require = __coachCreateRequire(import.meta.url);" },
  logLevel: 'warning',
});

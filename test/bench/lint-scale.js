// Lint at scale: 200 generated files with 10,000 questions (target < 1 s for the
// whole `coach lint` process, with a cold cache), then twice the input to show
// linear growth, then a second lint of the unchanged 200 files (the lint cache
// holds each file's verdict by content hash: target faster than the cold run).
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { generateTopics } from './generate-topics.js';
import { BIN, interleavedMedians, tempDir, verdict } from './lib.js';

export function benchLintScale({ runs = 5 } = {}) {
  const root = tempDir('coach-bench-lint-');
  const cold = join(root, 'cache-cold');
  const warm = join(root, 'cache-warm');
  const sizes = [
    { files: 200, questions: 50 },
    { files: 400, questions: 50 },
  ];
  const dirs = sizes.map(({ files, questions }) => {
    const dir = join(root, `${files}`);
    return { dir, files, questions: files * questions, megabytes: generateTopics(dir, files, questions) / 1e6 };
  });
  // Cold runs get an empty cache folder each time (removed before every run); the warm one keeps its cache.
  const coldEnv = { NO_COLOR: '1', XDG_CACHE_HOME: cold, BENCH_BEFORE: () => rmSync(cold, { recursive: true, force: true }) };
  const medians = interleavedMedians(
    {
      baseline: { args: ['-e', ''] },
      small: { args: [BIN, 'lint', dirs[0].dir], env: coldEnv },
      large: { args: [BIN, 'lint', dirs[1].dir], env: coldEnv },
      second: { args: [BIN, 'lint', dirs[0].dir], env: { NO_COLOR: '1', XDG_CACHE_HOME: warm } },
    },
    runs,
  );
  console.log(`\nlint at scale (median of ${runs} interleaved runs, whole process; node -e "" takes ${medians.baseline.toFixed(0)} ms)`);
  for (const [name, result] of [['small', dirs[0]], ['large', dirs[1]]]) {
    console.log(`  ${String(result.files).padStart(4)} files ${String(result.questions).padStart(6)} questions ${result.megabytes.toFixed(1).padStart(5)} MB  ${medians[name].toFixed(0).padStart(5)} ms (cold cache)`);
  }
  const growth = medians.large / medians.small;
  const workGrowth = (medians.large - medians.baseline) / (medians.small - medians.baseline);
  const ratio = medians.second / medians.small;
  console.log(`  10,000 questions: ${medians.small.toFixed(0)} ms, target < 1000 ms  ${verdict(medians.small < 1000)}`);
  console.log(`  2x input takes ${growth.toFixed(2)}x the time (${workGrowth.toFixed(2)}x after subtracting node start-up): linear is ~2x`);
  console.log(`  second lint of the unchanged files: ${medians.second.toFixed(0)} ms, ${ratio.toFixed(2)}x the cold run; target faster  ${verdict(ratio < 1)}`);
  return medians.small < 1000 && workGrowth < 2.6 && ratio < 1;
}

// Lint at scale: 200 generated files with 10,000 questions (target < 1 s for the
// whole `coach lint` process), then twice the input to show linear growth.
import { join } from 'node:path';
import { generateTopics } from './generate-topics.js';
import { BIN, median, tempDir, timeCommand, verdict } from './lib.js';

export function benchLintScale({ runs = 5 } = {}) {
  const root = tempDir('coach-bench-lint-');
  const sizes = [
    { files: 200, questions: 50 },
    { files: 400, questions: 50 },
  ];
  const results = sizes.map(({ files, questions }) => {
    const dir = join(root, `${files}`);
    const bytes = generateTopics(dir, files, questions);
    const ms = median(Array.from({ length: runs }, () => timeCommand([BIN, 'lint', dir], { NO_COLOR: '1' })));
    return { files, questions: files * questions, megabytes: bytes / 1e6, ms };
  });
  const baseline = median(Array.from({ length: runs }, () => timeCommand(['-e', ''])));
  console.log(`\nlint at scale (median of ${runs} runs, whole process; node -e "" takes ${baseline.toFixed(0)} ms)`);
  for (const result of results) {
    console.log(`  ${String(result.files).padStart(4)} files ${String(result.questions).padStart(6)} questions ${result.megabytes.toFixed(1).padStart(5)} MB  ${result.ms.toFixed(0).padStart(5)} ms`);
  }
  const [small, large] = results;
  const growth = large.ms / small.ms;
  const workGrowth = (large.ms - baseline) / (small.ms - baseline);
  console.log(`  10,000 questions: ${small.ms.toFixed(0)} ms, target < 1000 ms  ${verdict(small.ms < 1000)}`);
  console.log(`  2x input takes ${growth.toFixed(2)}x the time (${workGrowth.toFixed(2)}x after subtracting node start-up): linear is ~2x`);
  return small.ms < 1000 && workGrowth < 2.6;
}

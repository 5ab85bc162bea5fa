// Start-up: `coach --version` and `coach topics` (bundled topics, empty COACH_HOME)
// against a bare `node -e ""` in the same run. Targets (PRODUCT.md): 1.3x and 1.6x.
import { BIN, interleavedMedians, tempDir, verdict } from './lib.js';

export function benchStartup({ runs = 41 } = {}) {
  const env = { COACH_HOME: tempDir('coach-bench-home-'), NO_COLOR: '1' };
  const medians = interleavedMedians(
    {
      baseline: { args: ['-e', ''], env },
      version: { args: [BIN, '--version'], env },
      topics: { args: [BIN, 'topics'], env },
    },
    runs,
  );
  const rows = [
    { name: 'node -e ""', ms: medians.baseline, ratio: 1, target: null },
    { name: 'coach --version', ms: medians.version, ratio: medians.version / medians.baseline, target: 1.3 },
    { name: 'coach topics', ms: medians.topics, ratio: medians.topics / medians.baseline, target: 1.6 },
  ];
  console.log(`\nstart-up (median of ${runs} interleaved runs)`);
  for (const row of rows) {
    const target = row.target ? `target <= ${row.target}x  ${verdict(row.ratio <= row.target)}` : 'baseline';
    console.log(`  ${row.name.padEnd(18)} ${row.ms.toFixed(1).padStart(7)} ms  ${row.ratio.toFixed(2)}x  ${target}`);
  }
  return rows.every((row) => row.target === null || row.ratio <= row.target);
}

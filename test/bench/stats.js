// coach stats and coach history over 1,000 and 5,000 generated sessions of 10
// questions. The first run builds the summary index (every session parsed once);
// later runs read the index and stat each file. Target: < 1 s at 5,000, and
// roughly linear growth.
import { join } from 'node:path';
import { writeSessions } from '../helpers/sessions.js';
import { BIN, median, tempDir, timeCommand, verdict } from './lib.js';

export function benchStats({ runs = 5 } = {}) {
  const rows = [1000, 5000].map((count) => {
    const home = join(tempDir('coach-bench-stats-'), 'home');
    writeSessions(home, { count });
    const env = { COACH_HOME: home, NO_COLOR: '1' };
    const first = timeCommand([BIN, 'stats'], env);
    const stats = median(Array.from({ length: runs }, () => timeCommand([BIN, 'stats'], env)));
    const history = median(Array.from({ length: runs }, () => timeCommand([BIN, 'history'], env)));
    return { count, first, stats, history };
  });
  const baseline = median(Array.from({ length: runs }, () => timeCommand(['-e', ''])));
  console.log(`\nstats and history (median of ${runs} runs; node -e "" takes ${baseline.toFixed(0)} ms)`);
  for (const row of rows) {
    console.log(`  ${String(row.count).padStart(5)} sessions  stats ${row.stats.toFixed(0).padStart(5)} ms  history ${row.history.toFixed(0).padStart(5)} ms  (first stats, building the index: ${row.first.toFixed(0)} ms)`);
  }
  const [small, large] = rows;
  const growth = (large.stats - baseline) / (small.stats - baseline);
  console.log(`  stats at 5,000: ${large.stats.toFixed(0)} ms, target < 1000 ms  ${verdict(large.stats < 1000)}`);
  console.log(`  history at 5,000: ${large.history.toFixed(0)} ms, target < 1000 ms  ${verdict(large.history < 1000)}`);
  console.log(`  5x the sessions takes ${growth.toFixed(2)}x the time after node start-up (linear is ~5x or less)`);
  return large.stats < 1000 && large.history < 1000 && growth < 6.5;
}

// coach stats and coach history over 5,000 and 50,000 generated sessions of 10
// questions, and the one-time import that moves first-version JSON session files
// into coach.db (the first command on a data folder runs it). Targets (issue 12):
// stats and history < 1 s whole process at 50,000 and growing no faster than
// linearly from 5,000; the import of 50,000 < 60 s.
import { join } from 'node:path';
import { writeSessions } from '../helpers/sessions.js';
import { BIN, median, tempDir, timeCommand, verdict } from './lib.js';

/** Data folders with `count` imported sessions, made once per benchmark run and shared with the save benchmark. */
export const prepared = new Map();

export function prepareHome(count) {
  if (prepared.has(count)) return prepared.get(count);
  const home = join(tempDir('coach-bench-stats-'), 'home');
  writeSessions(home, { count });
  const importMs = timeCommand([BIN, 'history'], { COACH_HOME: home, NO_COLOR: '1' });
  const entry = { home, importMs };
  prepared.set(count, entry);
  return entry;
}

export function benchStats({ runs = 5 } = {}) {
  const rows = [5000, 50000].map((count) => {
    const { home, importMs } = prepareHome(count);
    const env = { COACH_HOME: home, NO_COLOR: '1' };
    const stats = median(Array.from({ length: runs }, () => timeCommand([BIN, 'stats'], env)));
    const history = median(Array.from({ length: runs }, () => timeCommand([BIN, 'history'], env)));
    return { count, importMs, stats, history };
  });
  const baseline = median(Array.from({ length: runs }, () => timeCommand(['-e', ''])));
  console.log(`\nstats, history and import (median of ${runs} runs; node -e "" takes ${baseline.toFixed(0)} ms)`);
  for (const row of rows) {
    console.log(`  ${String(row.count).padStart(6)} sessions  stats ${row.stats.toFixed(0).padStart(5)} ms  history ${row.history.toFixed(0).padStart(5)} ms  import of the JSON files ${(row.importMs / 1000).toFixed(1)} s`);
  }
  const [small, large] = rows;
  const growth = (value) => (large[value] - baseline) / Math.max(1, small[value] - baseline);
  const checks = [
    [`stats at 50,000: ${large.stats.toFixed(0)} ms, target < 1000 ms`, large.stats < 1000],
    [`history at 50,000: ${large.history.toFixed(0)} ms, target < 1000 ms`, large.history < 1000],
    [`10x the sessions: stats ${growth('stats').toFixed(1)}x, history ${growth('history').toFixed(1)}x the time after node start-up (linear is 10x)`, growth('stats') <= 10 && growth('history') <= 10],
    [`import of 50,000 JSON sessions: ${(large.importMs / 1000).toFixed(1)} s, target < 60 s`, large.importMs < 60_000],
  ];
  for (const [text, ok] of checks) console.log(`  ${text}  ${verdict(ok)}`);
  return checks.every(([, ok]) => ok);
}

// Shared helpers for the benchmarks (plain JS: they run with bare node, no build step).
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const BIN = join(ROOT, 'bin', 'coach.js');

export function tempDir(prefix) {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Wall time of one command in milliseconds; fails loudly if the command fails. */
export function timeCommand(args, env = {}) {
  const { BENCH_BEFORE: before, ...vars } = env;
  if (before) before();
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { env: { ...process.env, ...vars }, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 30 });
  const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0 && !vars.BENCH_ALLOW_FAILURE) {
    throw new Error(`benchmark command failed (${result.status}): node ${args.join(' ')}\n${result.stderr}`);
  }
  return elapsed;
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * Runs each named command `runs` times, interleaved so that machine noise hits
 * every command alike, and returns the median per name.
 */
export function interleavedMedians(commands, runs) {
  const samples = Object.fromEntries(Object.keys(commands).map((name) => [name, []]));
  for (let run = 0; run < runs; run += 1) {
    for (const [name, { args, env }] of Object.entries(commands)) samples[name].push(timeCommand(args, env));
  }
  return Object.fromEntries(Object.entries(samples).map(([name, values]) => [name, median(values)]));
}

export function verdict(ok) {
  return ok ? 'PASS' : 'MISS';
}

// Answers files at scale: 100,000 keys, every one read before the first is bound
// to a question (the keys name no question, so the run stops there with exit 2).
// Target: under 1 s for the whole process, and linear growth. Then the same file
// with a duplicate of the first key at the very end: js-yaml refuses it, so `yaml`
// reads it to place the error (yaml's own uniqueKeys check was quadratic, 100k
// keys 103 s; ours is one pass with a Set): reported, not a target.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, ROOT, interleavedMedians, tempDir, verdict } from './lib.js';

function answersFile(dir, keys, duplicate = false) {
  const path = join(dir, `answers-${keys}${duplicate ? '-dup' : ''}.yaml`);
  const lines = Array.from({ length: keys }, (_, k) => `q${k}: { answer: b, seconds: ${k % 90} }`);
  writeFileSync(path, `${lines.join('\n')}\n${duplicate ? 'q0: a\n' : ''}`);
  return path;
}

export function benchAnswers({ runs = 5 } = {}) {
  const dir = tempDir('coach-bench-answers-');
  const env = { NO_COLOR: '1', BENCH_ALLOW_FAILURE: '1', COACH_HOME: join(dir, 'home'), COACH_TOPICS: join(ROOT, 'test', 'fixtures', 'topics') };
  const quiz = (keys, duplicate) => ({ args: [BIN, 'quiz', '--answers', answersFile(dir, keys, duplicate), '--json'], env });
  const medians = interleavedMedians({ baseline: { args: ['-e', ''] }, k1: quiz(1_000), k50: quiz(50_000), k100: quiz(100_000) }, runs);
  const duplicates = interleavedMedians({ d50: quiz(50_000, true), d100: quiz(100_000, true) }, Math.min(runs, 3));
  // The cost of keys 50,001-100,000 over the cost of keys 1,001-50,000: linear is ~1x, quadratic ~3x.
  const growth = (medians.k100 - medians.k50) / (medians.k50 - medians.k1);
  console.log(`\nanswers file at scale (median of ${runs} interleaved runs, whole process; node -e "" takes ${medians.baseline.toFixed(0)} ms)`);
  console.log(`    1,000 keys ${medians.k1.toFixed(0).padStart(5)} ms`);
  console.log(`   50,000 keys ${medians.k50.toFixed(0).padStart(5)} ms`);
  console.log(`  100,000 keys ${medians.k100.toFixed(0).padStart(5)} ms, target < 1000 ms  ${verdict(medians.k100 < 1000)}`);
  console.log(`  the second 50,000 keys cost ${growth.toFixed(2)}x the first (beyond the 1,000-key run): linear is ~1x, quadratic ~3x; target < 2x  ${verdict(growth < 2)}`);
  console.log(`  with a duplicate key at the end (read by yaml to place it): 50,000 keys ${duplicates.d50.toFixed(0)} ms, 100,000 keys ${duplicates.d100.toFixed(0)} ms (${(duplicates.d100 / duplicates.d50).toFixed(2)}x)`);
  // Linear is ~1x and quadratic ~3x; the two differences are a few hundred ms each, so noise moves the ratio by ±0.5.
  return medians.k100 < 1000 && growth < 2;
}

import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/bench/**', 'node_modules/**'],
    // Two test files at a time even on a 2-core machine: end-to-end files mostly wait on child
    // processes and terminals, so the suite takes about 3 minutes instead of 5 (vitest's default
    // there is one worker). Terminal tests wait for what is on screen, never for fixed times.
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});

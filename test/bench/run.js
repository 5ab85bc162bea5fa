#!/usr/bin/env node
// `npm run bench`: every benchmark, against a baseline measured in the same run.
// Timing lives here, never as assertions in `npm test` (these machines are noisy).
import { benchStartup } from './startup.js';
import { benchLintScale } from './lint-scale.js';
import { benchGrading } from './grading.js';
import { benchStats } from './stats.js';
import { benchEditor } from './editor.js';
import { benchAnswers } from './answers.js';
import { benchSaveAnswer } from './saveAnswer.js';

const only = process.argv.slice(2);
const benches = { startup: benchStartup, 'lint-scale': benchLintScale, grading: benchGrading, stats: benchStats, 'save-answer': benchSaveAnswer, editor: benchEditor, answers: benchAnswers };
let allPassed = true;
for (const [name, bench] of Object.entries(benches)) {
  if (only.length > 0 && !only.includes(name)) continue;
  allPassed = (await bench()) && allPassed;
}
console.log(allPassed ? '\nall targets met' : '\nsome targets missed');
process.exitCode = allPassed ? 0 : 1;

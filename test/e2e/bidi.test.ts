import { join } from 'node:path';
import { expect, test } from 'vitest';
import { runCoach, tempHome, writeFiles } from '../helpers/cli.js';

// Every bidi embedding, override and isolate control (U+202A–U+202E, U+2066–U+2069).
const BIDI = '\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069';
const BIDI_CHAR = /[\u202a-\u202e\u2066-\u2069]/;
const EMOJI = '👩‍💻❤️';

function topicDir(): string {
  return writeFiles(join(tempHome(), 'topics'), {
    'bidi.yaml': `id: bidi
title: "Bidi ${BIDI}topic ${EMOJI}"
questions:
  - id: bidi-short
    type: short
    prompt: "Explain ${BIDI}it"
    rubric:
      - { id: one, points: 1, criterion: "Says ${BIDI}one" }
    modelAnswer: "Model ${BIDI}answer"
`,
  });
}

test('bidi controls in topic text and answers never reach the terminal or the text report; emoji stay whole', async () => {
  const home = tempHome();
  const env = { COACH_HOME: home, COACH_TOPICS: topicDir() };
  const topics = await runCoach(['topics'], { env });
  expect(topics.code).toBe(0);
  expect(topics.stdout).toContain(`Bidi topic ${EMOJI}`);
  expect(topics.stdout).not.toMatch(BIDI_CHAR);

  const answers = join(writeFiles(join(home, 'answers'), { 'a.yaml': `bidi-short:\n  answer: "mine ${BIDI}reversed ${EMOJI}"\n  self: { one: met }\n` }), 'a.yaml');
  const quiz = await runCoach(['quiz', '--answers', answers], { env });
  // The user topic's bidi characters are reported as located lint warnings (issue 11), nothing else.
  const warnings = quiz.stderr.split('\n').filter((line) => line !== '');
  expect(warnings.length).toBeGreaterThan(0);
  for (const line of warnings) expect(line).toMatch(/bidi\.yaml:\d+:\d+ {2}warning: .*control characters/);
  expect(quiz.stderr).not.toMatch(BIDI_CHAR);
  expect(quiz.code).toBe(0);
  expect(quiz.stdout).not.toMatch(BIDI_CHAR);

  for (const format of ['text', 'md']) {
    const report = await runCoach(['report', 'latest', '--format', format], { env });
    expect(report.code).toBe(0);
    expect(report.stdout).toContain(`mine reversed ${EMOJI}`);
    expect(report.stdout).not.toMatch(BIDI_CHAR);
  }
  const json = await runCoach(['report', 'latest', '--format', 'json'], { env });
  expect(json.stdout).not.toMatch(BIDI_CHAR);
  expect(json.stdout).toContain(`mine reversed ${EMOJI}`);
});

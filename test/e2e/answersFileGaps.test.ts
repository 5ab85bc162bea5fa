import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ReportSchema } from '../../src/report/schema.js';
import { runCoach, tempHome, writeFiles } from '../helpers/cli.js';

// Question ids a plain object would reorder (integer-like keys go first) or misread (quoted in the topic,
// as lint asks: plain, YAML reads them as numbers; the answers files below write them plain).
const TOPIC = `id: nums
title: Ids that look like numbers
questions:
  - id: "0123"
    type: choice
    prompt: First in the topic
    choices: [{ text: Alpha, correct: true }, { text: Beta }]
  - id: "123"
    type: choice
    prompt: Second in the topic
    choices: [{ text: Alpha }, { text: Beta, correct: true }]
  - id: "null"
    type: choice
    prompt: Third in the topic
    choices: [{ text: Alpha, correct: true }, { text: Beta }]
  - id: s1
    type: short
    prompt: Fourth in the topic
    rubric:
      - { id: c1, points: 2, criterion: Says one. }
      - { id: c2, points: 1, criterion: Says two. }
`;

function setup(answers: string) {
  const home = tempHome();
  const topics = writeFiles(join(home, 'topics'), { 'nums.yaml': TOPIC });
  writeFiles(join(home, 'work'), { 'a.yaml': answers });
  const env = { COACH_HOME: home, COACH_TOPICS: topics };
  return (args: string[] = []) => runCoach(['quiz', '--answers', 'a.yaml', '--json', ...args], { env, cwd: join(home, 'work') });
}

describe('an answers file without a topic runs its questions in file order, whatever the ids look like', () => {
  test.each([
    ['integer-like, quoted, null and text ids', '0123: a\n"123": "b"\nnull: a\ns1: some text\n', ['0123', '123', 'null', 's1']],
    ['reversed', 's1: some text\nnull: a\n123: b\n0123: a\n', ['s1', 'null', '123', '0123']],
    ['integer-like in the middle, flow mapping', '{ null: a, 123: b, s1: text, 0123: a }\n', ['null', '123', 's1', '0123']],
    ['JSON', '{ "s1": "text", "123": "b", "0123": "a" }\n', ['s1', '123', '0123']],
  ])('%s', async (_name, answers, order) => {
    const result = await setup(answers)();
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const report = ReportSchema.parse(JSON.parse(result.stdout));
    expect(report.questions.map((question) => question.id)).toEqual(order);
    // Each answer went to its own question: 123 is b (right), 0123 and null are a (right).
    for (const question of report.questions) if (question.id !== 's1') expect(question.grade).toMatchObject({ by: 'auto', earned: 1 });
  });
});

describe('a wrong value in an answers file is file:line:col at its node, in words', () => {
  // Each file is tried as written (the fast reading) and with an integer-like key first (the node reading).
  test.each([
    ['a bad option letter', 's1: x\n0123: z\n', '2:7', '0123: "z" is not an option (a-b or 1-2, or an option\'s exact text)'],
    ['a bad option in a list', 's1: x\n0123:\n  answer: [z]\n', '3:12', '0123.answer[0]: "z" is not an option'],
    ['missing marks', 's1:\n  answer: x\n  self:\n    c1: met\n', '4:5', 's1.self: marks are missing for c2'],
    ['a bad mark', 's1:\n  answer: x\n  self: { c1: met, c2: great }\n', '3:24', 's1.self.c2: expected met | partly | missed, got "great"'],
    ['an unknown field, at its key', 's1:\n  answer: x\n  notes: hi\n', '3:3', 's1: unknown field "notes" (allowed: answer, seconds, self)'],
    ['seconds: .nan', 's1:\n  answer: x\n  seconds: .nan\n', '3:12', 's1.seconds: expected a number of seconds from 0 to 86400 (a day), got .nan (not a number)'],
    ['seconds: 1e400', 's1:\n  answer: x\n  seconds: 1e400\n', '3:12', 's1.seconds: expected a number of seconds from 0 to 86400 (a day), got infinity (.inf, or a number too large to hold, such as 1e400)'],
    ['seconds: -.inf', 's1:\n  answer: x\n  seconds: -.inf\n', '3:12', 's1.seconds: expected a number of seconds from 0 to 86400 (a day), got minus infinity'],
    ['option .nan', 'null: .nan\n', '1:7', 'null: option .nan (not a number) does not exist (a-b or 1-2)'],
  ])('%s', async (_name, answers, position, message) => {
    for (const [file, shift] of [[answers, 0], [`123: b\n${answers}`, 1]] as const) {
      const result = await setup(file)();
      expect(result.code).toBe(2);
      const [line, col] = position.split(':').map(Number);
      expect(result.stderr).toContain(`coach: a.yaml:${line! + shift}:${col}  ${message}`);
      expect(result.stderr).not.toContain('got null');
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
    }
  });
});

test('coach interview --answers: a phase value error is located too', async () => {
  const { ROOT } = await import('../helpers/cli.js');
  const home = tempHome();
  writeFiles(join(home, 'work'), { 'i.yaml': 'sample-design:\n  requirements:\n    answer: x\n    seconds: .nan\n' });
  const env = { COACH_HOME: home, COACH_TOPICS: join(ROOT, 'test', 'fixtures', 'topics') };
  const result = await runCoach(['interview', '--answers', 'i.yaml', '--json'], { env, cwd: join(home, 'work') });
  expect(result.code).toBe(2);
  expect(result.stderr).toBe('coach: i.yaml:4:14  sample-design.requirements.seconds: expected a number of seconds from 0 to 86400 (a day), got .nan (not a number)\n');
});

test.each([
  ['{}\n', '1:1'],
  ['# only a comment\n{}\n', '2:1'],
])('an answers file with no entries (%j) and no topic says so at the mapping, exit 2', async (content, at) => {
  const home = tempHome();
  writeFiles(join(home, 'work'), { 'e.yaml': content });
  const result = await runCoach(['quiz', '--answers', 'e.yaml', '--json'], { env: { COACH_HOME: home }, cwd: join(home, 'work') });
  expect(result.code).toBe(2);
  expect(result.stderr).toMatch(new RegExp(`^coach: e\\.yaml:${at} {2}holds no answers: write one entry per question`));
  expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
});

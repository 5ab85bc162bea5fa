import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ReportSchema } from '../../src/report/schema.js';
import { ROOT, runCoach, tempHome } from '../helpers/cli.js';
import { KEYS, spawnCoach } from '../helpers/pty.js';
import { onlySession } from '../helpers/store.js';

const FIXTURES = join(ROOT, 'test', 'fixtures', 'topics');
// With seed 5 the fixture topic asks its choice question first, then its short one.
const QUIZ = ['quiz', 'sample', '--seed', '5'];

function sessionFile(home: string) {
  return onlySession(home);
}

async function answerChoice(term: ReturnType<typeof spawnCoach>) {
  await term.waitFor('Question 1/2');
  await term.waitFor('Which status code means "created"?');
  term.write(KEYS.down); // a) 200 -> b) 201
  term.write(KEYS.enter);
  await term.waitFor('✔ Correct');
}

describe('interactive quiz in a real terminal', () => {
  test('answer a choice, answer a short question, self-grade, finish', async () => {
    const home = tempHome();
    const term = spawnCoach(QUIZ, { COACH_HOME: home, COACH_TOPICS: FIXTURES });
    await answerChoice(term);
    expect(term.screen()).toContain('b) 201 (your pick)');

    const mark = term.mark();
    await term.waitForScreen('Question 2/2');
    await term.waitForScreen('Ctrl+D: submit');
    term.write('Write the database first,');
    term.write(KEYS.enter);
    term.write('then delete the key; a TTL bounds the race.');
    await term.waitFor('then delete the key', { after: mark });
    term.write(KEYS.ctrlD);

    await term.waitFor('Model answer', { after: mark });
    expect(term.since(mark)).toContain('Your answer');
    await term.waitFor('Grade yourself against the rubric', { after: mark });
    term.write('m'); // order: met
    term.write('p'); // race: partly
    term.write(KEYS.enter);
    await term.waitFor('Self-grade: 2.5 / 3', { after: mark });
    await term.waitFor('Verdict: Strong Hire');
    expect(await term.exit).toMatchObject({ exitCode: 0 });

    const saved = sessionFile(home);
    expect(saved.status).toBe('finished');
    expect(saved.questions.map((item: { status: string }) => item.status)).toEqual(['answered', 'answered']);
    expect(saved.questions[1].answer.text).toBe('Write the database first,\nthen delete the key; a TTL bounds the race.');
    const report = ReportSchema.parse(JSON.parse((await runCoach(['report', '--json'], { env: { COACH_HOME: home, COACH_TOPICS: FIXTURES } })).stdout));
    expect(report.score).toEqual({ earned: 3.5, possible: 4, percent: 88 });
  });

  test('Ctrl+C mid-session saves and exits 130; coach resume continues at the next question', async () => {
    const home = tempHome();
    const env = { COACH_HOME: home, COACH_TOPICS: FIXTURES };
    const term = spawnCoach(QUIZ, env);
    await answerChoice(term);
    await term.waitFor('Question 2/2');
    term.write('half an answer, kept as a draft');
    await term.waitForScreen('half an answer, kept as a draft');
    term.write(KEYS.ctrlC);
    expect(await term.exit).toMatchObject({ exitCode: 130 });
    expect(term.screen()).toMatch(/Your answers and the text being typed are saved\. Continue with: coach resume \d{8}-\d{6}-[0-9a-z]{4}/);

    const saved = sessionFile(home);
    expect(saved.status).toBe('in-progress');
    expect(saved.questions.map((item: { status: string }) => item.status)).toEqual(['answered', 'unasked']);
    // A draft, never an answer: the question is still unasked and has no answer.
    expect(saved.questions[1].answer).toBeNull();
    expect(saved.draft).toMatchObject({ questionIndex: 1, phaseId: null, part: 'answer', text: 'half an answer, kept as a draft' });

    const resumed = spawnCoach(['resume'], env);
    await resumed.waitFor('Resuming quiz');
    await resumed.waitFor('1 of 2 questions done');
    await resumed.waitFor('Question 2/2');
    expect(resumed.screen()).not.toContain('Question 1/2');
    await resumed.waitForScreen('half an answer, kept as a draft');
    resumed.write(' and a complete answer after resuming.');
    await resumed.waitForScreen('complete answer after resuming.');
    resumed.write(KEYS.ctrlD);
    await resumed.waitFor('Grade yourself against the rubric');
    resumed.write('xx');
    resumed.write(KEYS.enter);
    await resumed.waitFor('Verdict:');
    expect(await resumed.exit).toMatchObject({ exitCode: 0 });
    const finished = sessionFile(home);
    expect(finished.status).toBe('finished');
    expect(finished.questions[1].answer.text).toBe('half an answer, kept as a draft and a complete answer after resuming.');
    expect(finished.draft).toBeNull();
  });

  test('Ctrl+C during self-grading keeps the answer; resume asks for the grade', async () => {
    const home = tempHome();
    const env = { COACH_HOME: home, COACH_TOPICS: FIXTURES };
    const term = spawnCoach(QUIZ, env);
    await answerChoice(term);
    await term.waitFor('Question 2/2');
    term.write('An answer worth keeping.');
    term.write(KEYS.ctrlD);
    await term.waitFor('Grade yourself against the rubric');
    term.write(KEYS.ctrlC);
    expect(await term.exit).toMatchObject({ exitCode: 130 });
    expect(sessionFile(home).questions[1]).toMatchObject({ status: 'answered', answer: { text: 'An answer worth keeping.' }, grades: [] });

    const resumed = spawnCoach(['resume'], env);
    await resumed.waitFor('Grade yourself against the rubric');
    expect(resumed.screen()).toContain('An answer worth keeping.');
    resumed.write('mm');
    resumed.write(KEYS.enter);
    await resumed.waitFor('Self-grade: 3 / 3');
    expect(await resumed.exit).toMatchObject({ exitCode: 0 });
  });
});

describe('menu, topic picker and flip mode', () => {
  test('coach alone on a terminal shows a menu of what exists', async () => {
    const term = spawnCoach([], { COACH_HOME: tempHome(), COACH_TOPICS: FIXTURES });
    await term.waitFor('What would you like to do?');
    for (const entry of ['Take a quiz', 'Mock interview', 'Review (0 due)', 'List the topics', 'List the questions']) expect(term.screen()).toContain(entry);
    expect(term.screen()).not.toContain('Resume');
    expect(term.screen()).not.toContain('History'); // no history yet: no dead end offered
    term.write(KEYS.down + KEYS.down + KEYS.down); // List the topics
    await term.waitFor('❯ List the topics');
    term.write(KEYS.enter);
    await term.waitFor(/sample\s+Sample topic for tests/);
    expect(await term.exit).toMatchObject({ exitCode: 0 });
  });

  test('coach alone without a terminal prints the help', async () => {
    const result = await runCoach([]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Usage: coach');
  });

  test('coach quiz without topics asks which ones', async () => {
    const term = spawnCoach(['quiz', '--count', '1', '--type', 'choice'], { COACH_HOME: tempHome(), COACH_TOPICS: FIXTURES });
    await term.waitFor('Which topics?');
    await term.waitFor('Sample topic for tests (sample)');
    // Move to the sample topic (listed by id: the bundled ones come first), select it, start.
    const lines = term.screen().split('\n').filter((line) => /\(([a-z-]+)\)\s*$/.test(line));
    const position = lines.findIndex((line) => line.includes('(sample)'));
    for (let step = 0; step < position; step += 1) term.write(KEYS.down);
    term.write(KEYS.space);
    term.write(KEYS.enter);
    await term.waitFor('Question 1/1');
    await term.waitFor('Which status code means "created"?');
    term.write(KEYS.ctrlC);
    expect(await term.exit).toMatchObject({ exitCode: 130 });
  });

  test('--flip --time-limit 20m: the clock runs while thinking; reveal the model answer, self-grade', async () => {
    const home = tempHome();
    const term = spawnCoach([...QUIZ, '--flip', '--time-limit', '20m'], { COACH_HOME: home, COACH_TOPICS: FIXTURES });
    await answerChoice(term);
    await term.waitFor('Think it through, then press Enter to reveal the model answer');
    const first = await term.waitForScreen(/Question 2\/2 · sample · medium · (0:\d\d) \/ 4:00 · quiz: 19:\d\d left/);
    const shown = /medium · (0:\d\d) \//.exec(first)![1]!;
    const ticking = new RegExp(`medium · (?!${shown})0:\\d\\d \\/ 4:00`);
    await term.waitForScreen(ticking, { timeoutMs: 5000 });
    const revealed = term.mark();
    term.write(KEYS.enter);
    // Flip mode: nothing was typed, so the model answer has the full width and no empty "Your answer" column.
    await term.waitFor('Write the database first, then delete the key', { after: revealed });
    expect(term.since(revealed)).toContain('Model answer');
    expect(term.since(revealed)).not.toContain('Your answer');
    term.write('mx');
    term.write(KEYS.enter);
    await term.waitFor('Self-grade: 2 / 3');
    expect(await term.exit).toMatchObject({ exitCode: 0 });
    expect(sessionFile(home).questions[1]).toMatchObject({ status: 'answered', answer: { text: null, via: 'flip' } });
  });
});

describe('colour', () => {
  const SGR_COLOUR = /\u001b\[(?:3[0-9]|9[0-7]|1|2)(?:;[0-9]+)*m/;

  test('prompts are coloured on a terminal, and --no-color turns colour off for them too', async () => {
    const coloured = spawnCoach(QUIZ, { COACH_HOME: tempHome(), COACH_TOPICS: FIXTURES });
    await coloured.waitFor('Which status code means "created"?');
    expect(coloured.raw()).toMatch(SGR_COLOUR);
    coloured.write(KEYS.ctrlC);
    await coloured.exit;

    const plain = spawnCoach([...QUIZ, '--no-color'], { COACH_HOME: tempHome(), COACH_TOPICS: FIXTURES });
    await plain.waitFor('Which status code means "created"?');
    expect(plain.raw()).not.toMatch(SGR_COLOUR);
    plain.write(KEYS.ctrlC);
    await plain.exit;
  });
});

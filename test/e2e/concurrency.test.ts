import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { runCoach, tempHome, writeFiles } from '../helpers/cli.js';
import { behaviours, startLlmServer, type LlmServer } from '../helpers/llmServer.js';
import { KEYS, spawnCoach, type Terminal } from '../helpers/pty.js';
import { onlySession } from '../helpers/store.js';

/** Four short questions of one criterion each, asked in file order. */
function shortTopic(): string {
  const questions = [1, 2, 3, 4].map((n) => `  - id: s${n}\n    type: short\n    prompt: Short question number ${n}?\n    rubric: [{ id: c${n}, points: 1, criterion: Says ${n}. }]\n    modelAnswer: Answer ${n}.\n`).join('');
  return writeFiles(join(tempHome(), 'topics'), { 'two.yaml': `id: two\ntitle: Two processes\nquestions:\n${questions}` });
}

async function answerAndSelfGrade(term: Terminal, n: number) {
  const mark = term.mark();
  await term.waitForScreen(`Question ${n}/4`);
  await term.waitForScreen('Ctrl+D: submit');
  term.write(`My answer number ${n}.`);
  term.write(KEYS.ctrlD);
  await term.waitFor('Grade yourself against the rubric', { after: mark });
  term.write('m');
  term.write(KEYS.enter);
  await term.waitFor('Self-grade: 1 / 1', { after: mark });
}

let server: LlmServer;
beforeEach(async () => {
  server = await startLlmServer(behaviours.grade());
});
afterEach(async () => server.close());

describe('two processes on one session', () => {
  test('grade --llm (slow server) while coach resume adds answers and self-grades: everything from both is kept', async () => {
    const home = tempHome();
    const topics = shortTopic();
    const env = { COACH_HOME: home, COACH_TOPICS: topics };
    const quiz = spawnCoach(['quiz', 'two', '--seed', '1', '--count', '4'], env);
    await answerAndSelfGrade(quiz, 1);
    await answerAndSelfGrade(quiz, 2);
    await quiz.waitForScreen('Question 3/4');
    quiz.write(KEYS.ctrlC);
    expect(await quiz.exit).toMatchObject({ exitCode: 130 });
    const { id } = onlySession(home);

    server.setLatency(4000);
    const grading = runCoach(['grade', id, '--llm', '--json'], { env: { ...env, OPENAI_BASE_URL: server.url, OPENAI_API_KEY: 'sk-test', COACH_MODEL: 'slow-model' } });
    while (server.requests.length < 2) await new Promise((resolve) => setTimeout(resolve, 20));

    // While the model is still thinking, another terminal resumes and finishes the session.
    const resumed = spawnCoach(['resume', id], env);
    await answerAndSelfGrade(resumed, 3);
    await answerAndSelfGrade(resumed, 4);
    await resumed.waitFor('Verdict:');
    expect(await resumed.exit).toMatchObject({ exitCode: 0 });

    const graded = await grading;
    expect(graded.code, graded.stderr).toBe(0);
    const stored = onlySession(home);
    expect(stored.status).toBe('finished');
    expect(stored.questions.map((item) => item.answer?.text)).toEqual([1, 2, 3, 4].map((n) => `My answer number ${n}.`));
    expect(stored.questions.map((item) => item.grades.filter((grade) => grade.kind === 'self').length)).toEqual([1, 1, 1, 1]);
    expect(stored.questions.map((item) => item.grades.filter((grade) => grade.kind === 'model' && grade.status === 'graded').length)).toEqual([1, 1, 0, 0]);
    expect(stored.questions[0]!.grades.find((grade) => grade.kind === 'model')!.usage).not.toBeNull();
  }, 90_000);

  test('a second interactive run of the same session is refused with one line naming the other process', async () => {
    const home = tempHome();
    const env = { COACH_HOME: home, COACH_TOPICS: shortTopic() };
    const quiz = spawnCoach(['quiz', 'two', '--seed', '1', '--count', '4'], env);
    await answerAndSelfGrade(quiz, 1);
    await quiz.waitForScreen('Question 2/4');
    const { id } = onlySession(home);
    const second = spawnCoach(['resume', id], env);
    await second.waitFor('already open in another coach');
    expect(await second.exit).toMatchObject({ exitCode: 1 });
    expect(second.screen()).toMatch(new RegExp(`coach: session ${id} is already open in another coach \\(process \\d+, since `));
    expect(second.screen()).not.toMatch(/^\s+at /m);
    quiz.write(KEYS.ctrlC);
    await quiz.exit;
    // The first run has ended: resuming now works.
    const third = spawnCoach(['resume', id], env);
    await third.waitForScreen('Question 2/4');
    third.write(KEYS.ctrlC);
    expect(await third.exit).toMatchObject({ exitCode: 130 });
  }, 60_000);
});

import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { SessionSchema } from '../../src/session/model.js';
import { BIN, ROOT, tempHome, writeFiles } from '../helpers/cli.js';
import { KEYS, spawnCoach } from '../helpers/pty.js';
import { checkDatabase, onlySession } from '../helpers/store.js';

const QUESTIONS = 6;

/** A topic of choice questions whose first option is always right. */
function crashTopic(count: number): string {
  const questions = Array.from({ length: count }, (_, index) =>
    `  - id: q${index + 1}\n    type: choice\n    prompt: Crash question ${index + 1}?\n    choices: [{ text: right, correct: true }, { text: wrong }]\n`,
  ).join('');
  return writeFiles(join(tempHome(), 'topics'), { 'crash.yaml': `id: crash\ntitle: Crash\nquestions:\n${questions}` });
}

/** The one stored session, after checking the database passes quick_check. */
function readSession(home: string) {
  expect(checkDatabase(home)).toEqual(['ok']);
  return SessionSchema.parse(onlySession(home));
}

/** Answers committed so far, read by a separate read-only connection while the run goes on (-1 before the session exists). */
function committedAnswers(home: string): number {
  const path = join(home, 'coach.db');
  if (!existsSync(path)) return -1;
  let db;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
    if (db.prepare('SELECT count(*) FROM sessions').pluck().get() === 0) return -1;
    return db.prepare("SELECT count(*) FROM questions WHERE status = 'answered'").pluck().get() as number;
  } catch (error) {
    // Not created or not migrated yet, or busy: nothing readable to count.
    if (String((error as { code?: unknown }).code).startsWith('SQLITE_')) return -1;
    throw error;
  } finally {
    db?.close();
  }
}

const answered = (session: ReturnType<typeof readSession>) => session.questions.filter((item) => item.status === 'answered').length;

describe('SIGKILL never loses a submitted answer', () => {
  const topics = crashTopic(QUESTIONS);

  test('interactive: 10 trials, killed after N answers at varying delays; resume continues', async () => {
    for (let trial = 0; trial < 10; trial += 1) {
      const home = tempHome();
      const env = { COACH_HOME: home, COACH_TOPICS: topics };
      const target = (trial % 5) + 1;
      const term = spawnCoach(['quiz', 'crash', '--count', String(QUESTIONS), '--seed', String(trial)], env);
      for (let done = 1; done <= target; done += 1) {
        const mark = term.mark();
        await term.waitFor(`Question ${done}/${QUESTIONS}`, { after: done === 1 ? 0 : mark });
        await term.waitFor('skip this question', { after: done === 1 ? 0 : mark });
        term.write(KEYS.enter);
        await term.waitFor('✔ Correct', { after: mark });
      }
      await new Promise((resolve) => setTimeout(resolve, (trial * 7) % 40));
      term.kill('SIGKILL');
      await term.exit;

      const session = readSession(home);
      expect(answered(session), `trial ${trial}`).toBe(target);
      expect(session.status).toBe('in-progress');

      if (trial % 3 === 0) {
        const resumed = spawnCoach(['resume'], env);
        await resumed.waitFor(`Question ${target + 1}/${QUESTIONS}`);
        resumed.write(KEYS.enter);
        await resumed.waitFor('✔ Correct');
        resumed.write(KEYS.ctrlC);
        await resumed.exit;
        expect(answered(readSession(home)), `trial ${trial} after resume`).toBe(target + 1);
      }
    }
  }, 120_000);

  test('scripted: killed at moments spread over the run, the database passes quick_check and no committed answer is lost', async () => {
    // The kill is timed from the moment the session is first stored (not from
    // spawn), so machine speed does not decide whether it lands mid-run.
    const many = 300;
    const manyTopics = crashTopic(many);
    const answers = writeFiles(join(tempHome(), 'answers'), {
      'all.yaml': Array.from({ length: many }, (_, index) => `q${index + 1}: a`).join('\n'),
    });
    let midRun = 0;
    for (let trial = 0; trial < 12; trial += 1) {
      const home = tempHome();
      const child = spawn(process.execPath, [BIN, 'quiz', 'crash', '--answers', join(answers, 'all.yaml')], {
        cwd: ROOT,
        env: { PATH: process.env.PATH, COACH_HOME: home, COACH_TOPICS: manyTopics },
        stdio: 'ignore',
      });
      const closed = new Promise((resolve) => child.on('close', resolve));
      while (committedAnswers(home) < 0) await new Promise((resolve) => setTimeout(resolve, 2));
      await new Promise((resolve) => setTimeout(resolve, trial * 4));
      const seen = committedAnswers(home);
      child.kill('SIGKILL');
      await closed;
      const session = readSession(home);
      expect(session.questions.filter((item) => item.status === 'answered').length).toBeGreaterThanOrEqual(seen);
      if (session.status === 'in-progress') midRun += 1;
      const statuses = session.questions.map((item) => item.status);
      // Answers are recorded in order: never an unasked question before an answered one.
      expect(statuses.join(',')).toMatch(/^(answered,)*(answered|unasked)?(,unasked)*$/);
      for (const item of session.questions.filter((entry) => entry.status === 'answered')) expect(item.grades).toHaveLength(1);
    }
    expect(midRun).toBeGreaterThan(0);
  }, 60_000);
});

import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ReportSchema } from '../../src/report/schema.js';
import { ROOT, runCoach, tempHome, writeFiles } from '../helpers/cli.js';
import { KEYS, spawnCoach } from '../helpers/pty.js';
import { onlySession } from '../helpers/store.js';

const FIXTURES = join(ROOT, 'test', 'fixtures', 'topics');

function answers(content: string): string {
  return join(writeFiles(join(tempHome(), 'a'), { 'interview.yaml': content }), 'interview.yaml');
}

function sessionFile(home: string) {
  return onlySession(home);
}

describe('coach interview --answers (scripted)', () => {
  test('phases carry seconds, budgets, follow-ups and grades; overtime is recorded; a missing phase is skipped', async () => {
    const file = answers(`sample-design:
  requirements: { answer: Ask QPS and ratio., seconds: 75, followUp: Links expire after a year., self: { scale: met } }
  components:
    answer: API, KV store, cache.
    seconds: 100
    self: { store: met, cache: partly }
`);
    const result = await runCoach(['interview', 'sample-design', '--answers', file, '--json'], { env: { COACH_HOME: tempHome(), COACH_TOPICS: FIXTURES } });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const report = ReportSchema.parse(JSON.parse(result.stdout));
    const [question] = report.questions;
    expect(report).toMatchObject({ kind: 'interview', status: 'finished', score: { earned: 4.5, possible: 6, percent: 75 }, verdict: 'Hire', pending: 0 });
    expect(question).toMatchObject({ id: 'sample-design', type: 'design', status: 'answered', answer: null, seconds: 175, budgetSeconds: 240 });
    expect(question!.phases!.map((phase) => [phase.id, phase.seconds, phase.budgetSeconds, phase.grade.earned, phase.grade.possible])).toEqual([
      ['requirements', 75, 60, 2, 2],
      ['components', 100, 120, 2.5, 3],
      ['ops', null, 60, 0, 1],
    ]);
    expect(question!.phases![0]!.followUp).toEqual({ question: 'Do links ever expire?', answer: 'Links expire after a year.' });
    expect(question!.phases![2]!.grade.reason).toBe('skipped');
  });

  test('--minutes scales every phase budget', async () => {
    const result = await runCoach(['interview', 'sample-design', '--minutes', '8', '--answers', answers('sample-design: {}\n'), '--json'], { env: { COACH_HOME: tempHome(), COACH_TOPICS: FIXTURES } });
    const report = ReportSchema.parse(JSON.parse(result.stdout));
    expect(report.questions[0]!.phases!.map((phase) => phase.budgetSeconds)).toEqual([120, 240, 120]);
    expect(report.questions[0]!.budgetSeconds).toBe(480);
  });

  test('the text summary shows time per phase against budget and the phases that ran over', async () => {
    const file = answers('sample-design:\n  requirements: { answer: x y z, seconds: 90, self: { scale: met } }\n');
    const result = await runCoach(['interview', 'sample-design', '--answers', file], { env: { COACH_HOME: tempHome(), COACH_TOPICS: FIXTURES } });
    expect(result.stdout).toMatch(/Clarify requirements\s+█+\s+1:30 \/ 1:00 \+0:30 over/);
    expect(result.stdout).toMatch(/High-level components\s+░+\s+skipped/);
    expect(result.stdout).toContain('Over time: Clarify requirements');
  });

  test.each([
    [['sample-choice'], 'sample-choice: a\n', /sample-choice is a choice question/],
    [['sample-design'], 'sample-design: { nope: x }\n', /unknown field "nope" \(allowed: requirements, components, ops\)/],
    [['sample-design'], 'sample-design: { requirements: { answer: x, self: { wrong: met } } }\n', /requirements\.self: unknown criterion "wrong"/],
    [['sample-design', '--minutes', '0'], 'sample-design: {}\n', /--minutes: expected a number of minutes/],
    [[], '# one question\nnope: {}\n', /interview\.yaml:2:1  unknown question "nope"/],
    [[], '\nsample-choice: a\n', /interview\.yaml:2:1  sample\/sample-choice is a choice question/],
    [['sample-design'], 'sample-design: {}\nnope: {}\n', /interview\.yaml:2:1  unknown question "nope"/],
    [['sample-design'], 'sample-design: {}\nsample-choice: a\n', /interview\.yaml:2:1  "sample-choice" is not the question of this interview/],
  ])('interview %j with %j exits 2', async (args, content, message) => {
    const result = await runCoach(['interview', ...args, '--answers', answers(content)], { env: { COACH_HOME: tempHome(), COACH_TOPICS: FIXTURES } });
    expect(result.stderr).toMatch(message);
    expect(result.code).toBe(2);
  });

  test('a design question in a quiz answers file points to coach interview', async () => {
    const result = await runCoach(['quiz', '--answers', answers('sample-design: {}\n')], { env: { COACH_HOME: tempHome(), COACH_TOPICS: FIXTURES } });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('coach interview sample-design');
  });
});

describe('a mock interview in a real terminal', () => {
  test('the countdown changes on screen; answer, follow-up, next phase; Ctrl+C; resume restores the phase and its time', async () => {
    const home = tempHome();
    const env = { COACH_HOME: home, COACH_TOPICS: FIXTURES };
    const term = spawnCoach(['interview', 'sample-design', '--minutes', '4'], env);
    await term.waitFor('Press Enter to start the clock');
    expect(term.screen()).toContain('Clarify requirements');
    term.write(KEYS.enter);

    const first = await term.waitFor(/Phase 1\/3: Clarify requirements · phase 0:(\d\d) left/);
    const before = Number(/phase 0:(\d\d) left/.exec(first)!.slice(1)[0]);
    const mark = term.mark();
    const later = await term.waitFor(/phase 0:(\d\d) left/, { after: mark, timeoutMs: 4000 });
    const after = Number(/phase 0:(\d\d) left/.exec(later)!.slice(1)[0]);
    expect(after).toBeLessThan(before);
    expect(term.screen()).toMatch(/interview 3:\d\d left/);

    term.write('Ask QPS and the read/write ratio.');
    term.write(KEYS.ctrlD);
    await term.waitFor('Follow-up: Do links ever expire?');
    term.write('After a year.');
    term.write(KEYS.ctrlD);
    await term.waitFor('Phase 2/3: High-level components');
    await new Promise((resolve) => setTimeout(resolve, 2500));
    term.write('half typed');
    term.write(KEYS.ctrlC);
    expect(await term.exit).toMatchObject({ exitCode: 130 });
    expect(term.screen()).toContain('Your answers, the clock and the text being typed are saved');

    const saved = sessionFile(home);
    const [requirements, components] = saved.questions[0].phases;
    expect(requirements).toMatchObject({ status: 'answered', answer: { text: 'Ask QPS and the read/write ratio.' }, followUp: { answer: 'After a year.' } });
    expect(components.status).toBe('unasked');
    expect(components.elapsedSeconds).toBeGreaterThanOrEqual(2);
    expect(components.answer).toBeNull();
    expect(saved.draft).toMatchObject({ questionIndex: 0, phaseId: components.id, part: 'answer', text: 'half typed' });

    const resumed = spawnCoach(['resume'], env);
    await resumed.waitFor('1 of 3 phases done');
    const header = await resumed.waitFor(/Phase 2\/3: High-level components · phase 1:(\d\d) left/);
    const left = Number(/phase 1:(\d\d) left/.exec(header)!.slice(1)[0]);
    expect(left).toBeLessThanOrEqual(60 - components.elapsedSeconds);
    await resumed.waitForScreen('│ half typed');
    resumed.write(' API, KV store, cache.');
    resumed.write(KEYS.ctrlD);
    await resumed.waitFor('Follow-up: What happens when the cache is cold?');
    resumed.write(KEYS.ctrlD);
    await resumed.waitFor('Phase 3/3');
    resumed.write('Canary and rollback.');
    resumed.write(KEYS.ctrlD);
    await resumed.waitFor("Time's over: grade each phase");
    for (const keys of ['m', 'mp', 'm']) {
      const before = resumed.mark();
      await resumed.waitFor('Grade yourself against the rubric', { after: before - 400 > 0 ? before - 400 : 0 });
      resumed.write(keys);
      resumed.write(KEYS.enter);
      await resumed.waitFor('Self-grade:', { after: before });
    }
    await resumed.waitFor('Time per phase:');
    expect(await resumed.exit).toMatchObject({ exitCode: 0 });
    const finished = sessionFile(home);
    expect(finished.status).toBe('finished');
    expect(finished.questions[0].phases[1].answer.text).toBe('half typed API, KV store, cache.');
    expect(finished.questions[0].phases[1].elapsedSeconds).toBeGreaterThanOrEqual(components.elapsedSeconds);
    const report = ReportSchema.parse(JSON.parse((await runCoach(['report', '--json'], { env })).stdout));
    expect(report.score).toEqual({ earned: 5.5, possible: 6, percent: 92 });
  }, 60_000);
});

import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ROOT, runCoach, tempHome, writeFiles } from '../helpers/cli.js';
import { KEYS, spawnCoach } from '../helpers/pty.js';

const FIXTURES = join(ROOT, 'test', 'fixtures', 'topics');
const env = (home: string) => ({ COACH_HOME: home, COACH_TOPICS: FIXTURES, TZ: 'UTC' });

/** Both sample questions answered well just now: nothing is due for days. */
async function answeredWell(home: string): Promise<void> {
  const file = join(writeFiles(join(tempHome(), 'a'), { 'a.yaml': 'sample-short:\n  answer: database first, then delete the key\n  self: { order: met, race: met }\nsample-choice: b\n' }), 'a.yaml');
  expect((await runCoach(['quiz', 'sample', '--answers', file, '--json'], { env: env(home) })).code).toBe(0);
}

describe('coach review in a terminal when nothing is due', () => {
  test('names the next review and offers cram; yes starts a cram session (kind cram)', async () => {
    const home = tempHome();
    await answeredWell(home);
    const term = spawnCoach(['review', 'sample'], env(home));
    await term.waitFor(/Nothing to review right now\. The next review is due \w{3} \d{1,2} \w{3} at 04:00/);
    await term.waitFor('Cram your weakest questions instead?');
    term.write(KEYS.enter); // "Yes, cram now" is first
    await term.waitFor('Question 1/2', { timeoutMs: 20_000 });
    term.write(KEYS.ctrlC);
    expect(await term.exit).toMatchObject({ exitCode: 130 });
    const history = JSON.parse((await runCoach(['history', '--json'], { env: env(home) })).stdout) as { sessions: { kind: string; status: string }[] };
    expect(history.sessions[0]).toMatchObject({ kind: 'cram', status: 'in-progress' });
  });

  test('no leaves without starting anything', async () => {
    const home = tempHome();
    await answeredWell(home);
    const term = spawnCoach(['review', 'sample'], env(home));
    await term.waitFor('Cram your weakest questions instead?');
    term.write(KEYS.down);
    term.write(KEYS.enter);
    expect(await term.exit).toMatchObject({ exitCode: 0 });
    const history = JSON.parse((await runCoach(['history', '--json'], { env: env(home) })).stdout) as { sessions: { kind: string }[] };
    expect(history.sessions.map((entry) => entry.kind)).toEqual(['quiz']);
  });
});

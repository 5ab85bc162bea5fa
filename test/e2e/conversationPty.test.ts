import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ReportSchema } from '../../src/report/schema.js';
import { ROOT, runCoach, tempHome } from '../helpers/cli.js';
import { KEYS, spawnCoach } from '../helpers/pty.js';

const TOPICS = join(ROOT, 'test', 'fixtures', 'interviewer');

describe('a mock interview that talks back, in a real terminal', () => {
  test('one clarifying question and two follow-ups per phase, then the self-grade of the whole transcript', async () => {
    const home = tempHome();
    const env = { COACH_HOME: home, COACH_TOPICS: TOPICS };
    const term = spawnCoach(['interview', 'talk-design'], env);
    await term.waitFor('Press Enter to start the clock');
    expect(term.screen()).toContain('type it on a line starting with ?');
    term.write(KEYS.enter);
    await term.waitFor('Phase 1/2: Clarify requirements');
    await term.waitForScreen('Ctrl+Q (or a line "? question" + Ctrl+D): ask the interviewer');

    const phases = [
      { key: false, clarify: 'Do pastes expire?', fact: 'Pastes expire after 30 days unless the owner pins them.', answer: 'Write rate and read ratio.', followUps: ['How long do pastes live?', 'How many reads per second at peak?'], next: 'Phase 2/2: Storage' },
      { key: true, clarify: 'How many pastes per day?', fact: 'About 10 million new pastes are created per day.', answer: 'Object storage for bodies.', followUps: ['What happens to a paste that goes viral?', 'Why not keep bodies in the database?'], next: "Time's over: grade each phase" },
    ];
    for (const phase of phases) {
      term.write(`${phase.answer}`);
      term.write(KEYS.enter);
      if (phase.key) {
        // Ctrl+Q on an empty line says what to do; on a line with a question, asks it.
        term.write('\u0011');
        await term.waitForScreen('Type your question on this line, then press Ctrl+Q');
        term.write(phase.clarify);
        term.write('\u0011');
      } else {
        term.write(`? ${phase.clarify}`);
        term.write(KEYS.ctrlD);
      }
      // The editor reopens with the answer kept and the exchange above it.
      await term.waitForScreen(`Interviewer: ${phase.fact}`);
      await term.waitForScreen(`│ ${phase.answer}`);
      // Typed on a new line: the line break before the question is kept, not joined to the line above.
      term.write('More.');
      term.write(KEYS.ctrlD);
      for (const [index, followUp] of phase.followUps.entries()) {
        await term.waitFor(`Follow-up: ${followUp}`);
        term.write(`Reply ${index + 1}.`);
        term.write(KEYS.ctrlD);
      }
      await term.waitFor(phase.next);
    }
    // The self-grade view shows the whole transcript.
    // Printed on the normal screen, above the checklist (which has a screen of its own).
    await term.waitFor('Clarifying question: Do pastes expire?');
    for (const keys of ['mp', 'mm']) {
      const before = term.mark();
      await term.waitFor('Grade yourself against the rubric', { after: before - 400 > 0 ? before - 400 : 0 });
      term.write(keys);
      term.write(KEYS.enter);
      await term.waitFor('Self-grade:', { after: before });
    }
    await term.waitFor('Time per phase:');
    expect(await term.exit).toMatchObject({ exitCode: 0 });

    const report = ReportSchema.parse(JSON.parse((await runCoach(['report', '--json'], { env })).stdout));
    expect(report.questions[0]!.phases![0]!.answer).toBe('Write rate and read ratio.\nMore.');
    expect(report.questions[0]!.phases![1]!.answer).toBe('Object storage for bodies.\nMore.');
    const turns = report.questions[0]!.phases!.map((phase) => phase.turns.map((turn) => [turn.kind, turn.question, turn.answer]));
    expect(turns).toEqual([
      [
        ['clarify', 'Do pastes expire?', phases[0]!.fact],
        ['follow-up', 'How long do pastes live?', 'Reply 1.'],
        ['follow-up', 'How many reads per second at peak?', 'Reply 2.'],
      ],
      [
        ['clarify', 'How many pastes per day?', phases[1]!.fact],
        ['follow-up', 'What happens to a paste that goes viral?', 'Reply 1.'],
        ['follow-up', 'Why not keep bodies in the database?', 'Reply 2.'],
      ],
    ]);
  }, 90_000);
});

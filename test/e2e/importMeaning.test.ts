import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { ROOT, runCoach, tempHome, writeFiles } from '../helpers/cli.js';

// What `coach import` accepts is what the coach itself could have written: every
// kind of session a real run makes round-trips, and a hand-edited or hostile
// export is refused whole, in one line naming the file and the field.
const FIXTURES = join(ROOT, 'test', 'fixtures', 'topics');
const INTERVIEWER = join(ROOT, 'test', 'fixtures', 'interviewer');

const answersFile = (content: string) => join(writeFiles(join(tempHome(), 'a'), { 'a.yaml': content }), 'a.yaml');

interface Record {
  id: string;
  startedAt: string;
  topics: string[];
  questions: { topic: string; question: { id: string; type: string; [key: string]: unknown }; answer: { seconds: number | null } | null; grades: { earned: number; possible: number; criteria: { id: string }[] }[]; phases?: unknown[] }[];
  [key: string]: unknown;
}

async function homeWithEveryKind(): Promise<{ home: string; exported: string }> {
  const home = tempHome();
  const quiz = await runCoach(['quiz', '--answers', answersFile('sample-short:\n  answer: Write the database first.\n  self: { order: met, race: partly }\nsample-choice: b\n'), '--json'], { env: { COACH_HOME: home, COACH_TOPICS: FIXTURES } });
  expect(quiz.code, quiz.stderr).toBe(0);
  const script = `talk-design:
  requirements:
    answer: I ask about the write rate.
    seconds: 100
    clarify: [{ question: How many pastes per day? }, { question: Which cloud?, answer: AWS. }]
    followUps: [Thirty days unless pinned.]
    self: { scale: partly, expiry: missed }
  storage:
    answer: Bodies in object storage.
    seconds: 150
    followUps: [A CDN caches it.]
`;
  const interview = await runCoach(['interview', 'talk-design', '--answers', answersFile(script), '--json'], { env: { COACH_HOME: home, COACH_TOPICS: INTERVIEWER } });
  expect(interview.code, interview.stderr).toBe(0);
  const exported = await runCoach(['export'], { env: { COACH_HOME: home } });
  expect(exported.code, exported.stderr).toBe(0);
  return { home, exported: exported.stdout };
}

describe('coach import accepts what the coach writes and refuses what it could not have written', () => {
  // One real history, exported once; every case below imports it or a mutated copy into an empty folder.
  let exported = '';
  beforeAll(async () => {
    ({ exported } = await homeWithEveryKind());
  }, 60_000);

  test('a quiz (choice and self-graded short) and a mock interview with clarifying questions and follow-ups round-trip', async () => {
    const file = join(tempHome(), 'export.json');
    writeFileSync(file, exported);
    const other = tempHome();
    const imported = await runCoach(['import', file], { env: { COACH_HOME: other } });
    expect(imported, imported.stderr).toMatchObject({ code: 0, stdout: `Imported 2 sessions from ${file}; 0 already here.\n` });
    expect((await runCoach(['export'], { env: { COACH_HOME: other } })).stdout).toBe(exported);
  }, 60_000);

  const short = (records: Record[]) => records.flatMap((record) => record.questions).find((item) => item.question.type === 'short')!;
  const mutations: [string, (records: Record[]) => void, RegExp][] = [
    ['an escape sequence in a topic id', (records) => (records[0]!.topics[0] = 'to\u001b[31mpic'), /records\[\d\]: not a valid session \(topics\.0: "to\\u001b\[31mpic" is not a topic id\)/],
    ['a screen-clearing question id', (records) => (short(records).question.id = 'q\u001b[2Jid'), /question\.id: "q\\u001b\[2Jid" is not a question id/],
    ['a path as the session id', (records) => (records[0]!.id = '../../../etc/x'), /\(id: "\.\.\/\.\.\/\.\.\/etc\/x" is not a session id/],
    ['a 5,000-character session id', (records) => (records[0]!.id = 'x'.repeat(5000)), /\(id: "x{60}…" is not a session id/],
    ['a start that is not a time', (records) => (records[0]!.startedAt = 'not a date'), /\(startedAt: "not a date" is not a time/],
    ['points above those possible', (records) => (short(records).grades[0]!.earned = 999), /grades\.0\.earned: 999 is outside 0\.\.\d+/],
    ['negative seconds', (records) => (short(records).answer!.seconds = -5), /answer\.seconds: -5 is not a number of 0 or more/],
    ['a criterion the rubric does not have', (records) => (short(records).grades[0]!.criteria[0]!.id = 'invented'), /criteria\.0\.id: "invented" is not a criterion of this question's rubric/],
    ['an unknown field', (records) => (records[0]!.colour = 'blue'), /\(colour: not a field of a session\)/],
    ['a copied question that is not a question', (records) => delete short(records).question.rubric, /question\.rubric: not a valid question copy/],
  ];
  test.each(mutations)('%s: refused in one line naming the file and the field; nothing imported', async (_name, mutate, message) => {
    const data = JSON.parse(exported) as { records: Record[] };
    mutate(data.records);
    const file = join(tempHome(), 'hostile.json');
    writeFileSync(file, JSON.stringify(data));
    const other = tempHome();
    const result = await runCoach(['import', file], { env: { COACH_HOME: other } });
    expect(result.code).toBe(1);
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`coach: ${file}: records[`);
    expect(lines[0]).toMatch(message);
    expect(lines[0]).not.toMatch(/[\u001b\u009b]/);
    expect((await runCoach(['history'], { env: { COACH_HOME: other } })).stdout).toBe('No sessions yet. Start one with: coach quiz\n');
  }, 60_000);
});

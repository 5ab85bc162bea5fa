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
  questions: { topic: string; question: { id: string; type: string; [key: string]: unknown }; answer: { seconds: number | null; choice: string[] | null } | null; grades: { earned: number; possible: number; criteria: { id: string }[] }[]; phases?: unknown[] }[];
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
  const choice = (records: Record[]) => records.flatMap((record) => record.questions).find((item) => item.question.type === 'choice')!;
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
    ['a criterion worth more than the rubric says, totals made to add up', (records) => {
      const grade = short(records).grades[0]!;
      Object.assign(grade.criteria[0]!, { possible: 100, earned: 100, mark: 'met' });
      grade.earned = grade.criteria.reduce((sum, criterion) => sum + (criterion as { earned: number }).earned, 0);
      grade.possible = grade.criteria.reduce((sum, criterion) => sum + (criterion as { possible: number }).possible, 0);
    }, /criteria\.0\.possible: 100 is not the \d+ points the rubric gives/],
    ['points possible that are not the criteria\'s', (records) => (short(records).grades[0]!.possible = 100), /grades\.0\.possible: 100 is not the sum of its criteria's points possible/],
    ['a mark that does not match the points', (records) => {
      const criterion = short(records).grades[0]!.criteria.find((entry) => (entry as { mark: string }).mark === 'met') as { mark: string };
      criterion.mark = 'missed';
    }, /criteria\.\d\.mark: "missed" does not match/],
    ['a rubric criterion left unmarked', (records) => {
      const grade = short(records).grades[0]!;
      const [dropped] = grade.criteria.splice(0, 1) as { earned: number; possible: number }[];
      grade.earned -= dropped!.earned;
      grade.possible -= dropped!.possible;
    }, /grades\.0\.criteria: must mark each rubric criterion once \(missing /],
    ['a choice answer naming no option', (records) => (choice(records).answer!.choice = ['z']), /answer\.choice\.0: "z" is not an option \(a, b, c/],
    ['a choice grade the answer does not earn', (records) => {
      const item = choice(records);
      item.answer!.choice = ['a'];
    }, /grades\.0: is not the grade of this answer \(a: 0 of 1 points\)/],
    ['a finish before the start', (records) => (records[0]!.finishedAt = '2000-01-01T00:00:00.000Z'), /finishedAt: 2000-01-01T00:00:00\.000Z is before the session started/],
    ['a session in progress that has finished', (records) => (records[0]!.status = 'in-progress'), /finishedAt: a session still in progress has not finished/],
    ['February 30th', (records) => (records[0]!.startedAt = '2026-02-30T10:00:00.000Z'), /startedAt: "2026-02-30T10:00:00\.000Z" is not a time/],
    ['24:00', (records) => (records[0]!.updatedAt = '2026-11-30T24:00:00.000Z'), /updatedAt: "2026-11-30T24:00:00\.000Z" is not a time/],
    ['a session id on November 31st', (records) => (records[0]!.id = '20261131-120000-ab12'), /id: "20261131-120000-ab12" does not start with a real date and time/],
    ['a session id at 25:61:99', (records) => (records[0]!.id = '20261130-256199-ab12'), /id: "20261130-256199-ab12" does not start with a real date and time/],
    ['no questions', (records) => (records[0]!.questions = []), /questions: a session asks at least one question/],
    ['the same question twice', (records) => records[0]!.questions.push(structuredClone(records[0]!.questions[0]!)), /questions\.\d+: \S+ is asked twice/],
    ['topics that are not its questions\'', (records) => (records[0]!.topics = ['databases']), /topics: \[databases\] are not the topics of its questions/],
    ['a self grade passed off as a model grade', (records) => Object.assign(short(records).grades[0]!, { by: 'llm', kind: 'model' }), /grades\.0\.usage: a model grade records the tokens it used/],
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

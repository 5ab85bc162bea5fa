import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { ReportSchema } from '../../src/report/schema.js';
import { ROOT, runCoach, tempHome, writeFiles } from '../helpers/cli.js';
import { gradeReply, startLlmServer, type LlmServer } from '../helpers/llmServer.js';

const TOPICS = join(ROOT, 'test', 'fixtures', 'interviewer');

function answers(content: string): string {
  return join(writeFiles(join(tempHome(), 'a'), { 'talk.yaml': content }), 'talk.yaml');
}

const SCRIPT = `talk-design:
  requirements:
    answer: I ask about the write rate and the read/write ratio.
    seconds: 100
    clarify:
      - { question: How many pastes per day? }
      - { question: Do pastes expire? }
      - { question: Which cloud?, answer: AWS. }
    followUps: [Thirty days unless pinned., About 1200 reads per second.]
    self: { scale: partly, expiry: missed }
  storage:
    answer: Bodies in object storage, metadata in Postgres.
    seconds: 150
    followUps: [A CDN caches it.]
`;

let server: LlmServer | undefined;
afterEach(async () => server?.close());

describe('coach lint on followUps', () => {
  test('probes must name a criterion of its phase; a follow-up is text or { question, probes }', async () => {
    const talk = readFileSync(join(TOPICS, 'talk.yaml'), 'utf8');
    const unknown = await runCoach(['lint', writeFiles(join(tempHome(), 't'), { 'talk.yaml': talk.replace('probes: cache }', 'probes: cahce }') })]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr + unknown.stdout).toMatch(/talk\.yaml:36:\d+  questions\[0\]\.phases\[1\]\.followUps\[0\]\.probes: probes "cahce", which is not a criterion of this phase \(its rubric has blob, cache\)/);
    const misspelt = await runCoach(['lint', writeFiles(join(tempHome(), 't'), { 'talk.yaml': talk.replace('probes: blob }', 'probez: blob }') })]);
    expect(misspelt.code).toBe(1);
    expect(misspelt.stderr + misspelt.stdout).toMatch(/talk\.yaml:37:\d+  questions\[0\]\.phases\[1\]\.followUps\[1\]: expected the question text, or \{ question, probes: <criterion id> \}/);
    expect((await runCoach(['lint', TOPICS])).code).toBe(0);
  });
});

describe('a scripted conversation', () => {
  test('clarify and followUps replay the whole conversation: facts answer, weakest self mark probed first, report JSON turns', async () => {
    const home = tempHome();
    const result = await runCoach(['interview', 'talk-design', '--answers', answers(SCRIPT), '--json'], { env: { COACH_HOME: home, COACH_TOPICS: TOPICS } });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const report = ReportSchema.parse(JSON.parse(result.stdout));
    expect(report.schemaVersion).toBe(3);
    const [requirements, storage] = report.questions[0]!.phases!;
    expect(requirements!.turns.map(({ kind, question, answer, criterion, by }) => [kind, question, answer, criterion, by])).toEqual([
      ['clarify', 'How many pastes per day?', 'About 10 million new pastes are created per day.', null, 'topic'],
      ['clarify', 'Do pastes expire?', 'Pastes expire after 30 days unless the owner pins them.', null, 'topic'],
      ['clarify', 'Which cloud?', 'AWS.', null, 'script'],
      // expiry was self-marked missed, scale partly: expiry is probed first.
      ['follow-up', 'How long do pastes live?', 'Thirty days unless pinned.', 'expiry', 'topic'],
      ['follow-up', 'How many reads per second at peak?', 'About 1200 reads per second.', 'scale', 'topic'],
    ]);
    expect(requirements!.turns.every((turn) => typeof turn.at === 'string')).toBe(true);
    expect(requirements!.followUp).toEqual({ question: 'How long do pastes live?', answer: 'Thirty days unless pinned.' });
    // No self marks on storage: the order written.
    expect(storage!.turns.map((turn) => turn.question)).toEqual(['What happens to a paste that goes viral?']);

    const text = await runCoach(['report', '--format', 'text', '--no-color'], { env: { COACH_HOME: home, COACH_TOPICS: TOPICS } });
    const conversation = text.stdout.slice(text.stdout.indexOf('Conversation'));
    const order = ['You asked: How many pastes per day?', 'Interviewer (topic): About 10 million', 'You asked: Which cloud?', 'Interviewer (script): AWS.', 'Follow-up (topic, probes expiry): How long do pastes live?', 'Your answer: Thirty days unless pinned.', 'Follow-up (topic, probes scale)'];
    const positions = order.map((line) => conversation.indexOf(line));
    expect(positions.every((position) => position >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);

    const md = await runCoach(['report', '--format', 'md'], { env: { COACH_HOME: home, COACH_TOPICS: TOPICS } });
    expect(md.stdout).toContain('#### Conversation');
    expect(md.stdout).toMatch(/\*\*You asked\*\*:\n\n> How many pastes per day\?/);
    const html = await runCoach(['report', '--format', 'html'], { env: { COACH_HOME: home, COACH_TOPICS: TOPICS } });
    expect(html.stdout).toMatch(/<div class="turn candidate"><div class="turn-who">You asked<\/div><div class="text" dir="auto">How many pastes per day\?<\/div><\/div>/);

    const stats = await runCoach(['stats', '--no-color'], { env: { COACH_HOME: home, COACH_TOPICS: TOPICS } });
    expect(stats.stdout).toContain('clarifying questions asked per interview: 3 on average');
    expect(stats.stdout).toMatch(/CLARIFYING QUESTIONS/);
    const json = await runCoach(['stats', '--json'], { env: { COACH_HOME: home, COACH_TOPICS: TOPICS } });
    expect(JSON.parse(json.stdout).interviews).toMatchObject({ count: 1, clarifyingPerInterview: 3, recent: [{ clarifying: 3 }] });
  });

  test('--probes limits the follow-ups replayed (0: none); extra answers are not asked', async () => {
    const one = await runCoach(['interview', 'talk-design', '--probes', '1', '--answers', answers(SCRIPT), '--json'], { env: { COACH_HOME: tempHome(), COACH_TOPICS: TOPICS } });
    expect(ReportSchema.parse(JSON.parse(one.stdout)).questions[0]!.phases![0]!.turns.filter((turn) => turn.kind === 'follow-up')).toHaveLength(1);
    const none = await runCoach(['interview', 'talk-design', '--probes', '0', '--answers', answers(SCRIPT), '--json'], { env: { COACH_HOME: tempHome(), COACH_TOPICS: TOPICS } });
    const phases = ReportSchema.parse(JSON.parse(none.stdout)).questions[0]!.phases!;
    expect(phases.map((phase) => phase.turns.filter((turn) => turn.kind === 'follow-up').length)).toEqual([0, 0]);
    expect(phases[0]!.followUp).toBeNull();
  });

  test.each([
    [['--probes', 'two'], SCRIPT, /--probes: expected a whole number/],
    [['--probes', '-1'], SCRIPT, /--probes/],
    [[], 'talk-design:\n  requirements: { answer: x, clarify: [Do pastes expire?] }\n', /requirements\.clarify\[0\]: expected \{ question, answer\? \}/],
    [[], 'talk-design:\n  requirements: { answer: x, clarify: [{ question: q, reply: r }] }\n', /unknown field "reply"/],
    [[], 'talk-design:\n  requirements: { answer: x, followUps: [1, 2] }\n', /requirements\.followUps: expected a list of answer texts/],
    [[], 'talk-design:\n  requirements: { answer: x, followUp: a, followUps: [b] }\n', /give followUps \(a list\) or followUp, not both/],
  ])('bad input %j exits 2 with one line', async (flags, content, message) => {
    const result = await runCoach(['interview', 'talk-design', ...flags, '--answers', answers(content)], { env: { COACH_HOME: tempHome(), COACH_TOPICS: TOPICS } });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  test('the model grades the whole transcript; evidence quoting only the interviewer is dropped', async () => {
    server = await startLlmServer((body) => ({ status: 200, content: gradeReply(body, (_id, max) => max, {}) }));
    server.setBehaviour((body) => {
      const reply = JSON.parse(gradeReply(body));
      for (const id of Object.keys(reply.criteria)) reply.criteria[id].evidence = id === 'expiry' ? 'Pastes expire after 30 days' : id === 'scale' ? 'About 1200 reads per second' : 'quoted words';
      return { status: 200, content: JSON.stringify(reply) };
    });
    const env = { COACH_HOME: tempHome(), COACH_TOPICS: TOPICS, OPENAI_BASE_URL: server.url, COACH_MODEL: 'test-model' };
    const result = await runCoach(['interview', 'talk-design', '--answers', answers(SCRIPT.replace('    self: { scale: partly, expiry: missed }\n', '')), '--json'], { env });
    expect(result.code).toBe(0);
    const gradeRequests = server.requests.filter((body) => body.messages[0]!.content.includes('impartial grader'));
    expect(gradeRequests).toHaveLength(2);
    const sent = gradeRequests[0]!.messages[1]!.content;
    for (const part of ['Clarifying question: How many pastes per day?', 'Interviewer: About 10 million new pastes are created per day.', 'Answer:\\nI ask about the write rate', 'Follow-up question: How long do pastes live?\\nAnswer: Thirty days unless pinned.', 'Follow-up question: How many reads per second at peak?\\nAnswer: About 1200 reads per second.']) {
      expect(sent).toContain(part);
    }
    const requirements = ReportSchema.parse(JSON.parse(result.stdout)).questions[0]!.phases![0]!;
    expect(requirements.grade.criteria.find((criterion) => criterion.id === 'expiry')!.evidence).toBe('');
    expect(requirements.grade.criteria.find((criterion) => criterion.id === 'scale')!.evidence).toBe('About 1200 reads per second');
  });
});

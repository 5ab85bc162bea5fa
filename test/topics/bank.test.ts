import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { listTopicFiles } from '../../src/topics/files.js';
import { loadTopicFiles } from '../../src/topics/loader.js';
import type { Question, Topic } from '../../src/topics/model.js';
import { ROOT } from '../helpers/cli.js';

const AREAS = [
  'core-concepts', 'architecture-patterns', 'scalable-systems', 'databases', 'api-design', 'auth', 'async-systems',
  'caching', 'distributed-consistency', 'observability', 'performance', 'security', 'interview-process',
];
const INTERVIEW_PHASES = ['requirements', 'components', 'scale', 'api', 'data-flow', 'ops'];
const words = (text: string | undefined) => (text ?? '').split(/\s+/).filter(Boolean).length;

let topics: Topic[] = [];
let all: { topic: string; question: Question }[] = [];

beforeAll(async () => {
  const { topics: loaded, problems } = await loadTopicFiles(listTopicFiles(join(ROOT, 'topics')), true, (path) => path);
  expect(problems).toEqual([]);
  topics = loaded.map((entry) => entry.topic);
  all = topics.flatMap((topic) => topic.questions.map((question) => ({ topic: topic.id, question })));
});

describe('the bundled question bank', () => {
  test('has exactly the 13 areas of PRODUCT.md, one file each', () => {
    expect(topics.map((topic) => topic.id).sort()).toEqual([...AREAS].sort());
  });

  test('has at least 360 questions and 25 design scenarios (issue 17)', () => {
    expect(all.length).toBeGreaterThanOrEqual(360);
    expect(all.filter((entry) => entry.question.type === 'design').length).toBeGreaterThanOrEqual(25);
  });

  test('has the design scenarios candidates are most often given', () => {
    const ids = new Set(all.map((entry) => entry.question.id));
    const expected = [
      'design-url-shortener', 'design-news-feed', 'design-chat-messaging', 'design-api-rate-limiter', 'design-web-crawler',
      'design-ride-sharing', 'design-video-streaming', 'design-file-sync', 'design-collaborative-editor', 'design-ad-click-aggregation',
      'design-leaderboard', 'design-proximity-search', 'design-online-auction', 'design-live-comments', 'design-key-value-store',
    ];
    expect(expected.filter((id) => !ids.has(id))).toEqual([]);
  });

  test.each(AREAS)('%s: at least 20 questions, 4 choice, 5 short, spread over easy/medium/hard', (id) => {
    const topic = topics.find((entry) => entry.id === id)!;
    const count = (predicate: (question: Question) => boolean) => topic.questions.filter(predicate).length;
    expect(topic.questions.length).toBeGreaterThanOrEqual(20);
    expect(count((question) => question.type === 'choice')).toBeGreaterThanOrEqual(4);
    expect(count((question) => question.type === 'short')).toBeGreaterThanOrEqual(5);
    for (const difficulty of ['easy', 'medium', 'hard'] as const) expect(count((question) => question.difficulty === difficulty)).toBeGreaterThanOrEqual(2);
  });

  test('question ids are unique across the whole bank', () => {
    const seen = new Map<string, string>();
    const duplicates: string[] = [];
    for (const { topic, question } of all) {
      if (seen.has(question.id)) duplicates.push(`${question.id} (${seen.get(question.id)} and ${topic})`);
      seen.set(question.id, topic);
    }
    expect(duplicates).toEqual([]);
  });

  test('every design scenario follows the interview process and adds up to 45 minutes', () => {
    for (const { question } of all) {
      if (question.type !== 'design') continue;
      expect(question.phases.map((phase) => phase.id), question.id).toEqual(INTERVIEW_PHASES);
      expect(question.minutes, question.id).toBe(45);
      for (const phase of question.phases) {
        expect(phase.rubric.length, `${question.id}/${phase.id}`).toBeGreaterThanOrEqual(2);
        expect(phase.rubric.length, `${question.id}/${phase.id}`).toBeLessThanOrEqual(5);
        expect(words(phase.modelAnswer), `${question.id}/${phase.id} model answer`).toBeGreaterThanOrEqual(60);
        expect(phase.followUps?.length ?? 0, `${question.id}/${phase.id} follow-ups`).toBeGreaterThanOrEqual(1);
      }
    }
  });

  test('every short question has 2-5 criteria and a model answer of 80-260 words', () => {
    for (const { question } of all) {
      if (question.type !== 'short') continue;
      expect(question.rubric.length, question.id).toBeGreaterThanOrEqual(2);
      expect(question.rubric.length, question.id).toBeLessThanOrEqual(5);
      const length = words(question.modelAnswer);
      expect(length, `${question.id} model answer`).toBeGreaterThanOrEqual(80);
      expect(length, `${question.id} model answer`).toBeLessThanOrEqual(260);
    }
  });

  test('every criterion worth more than 1 point says what earns partial credit', () => {
    const missing = all.flatMap(({ question }) => {
      const rubrics = question.type === 'short' ? [question.rubric] : question.type === 'design' ? question.phases.map((phase) => phase.rubric) : [];
      return rubrics.flat().filter((criterion) => criterion.points > 1 && (criterion.partial ?? '').trim() === '').map((criterion) => `${question.id}/${criterion.id}`);
    });
    expect(missing).toEqual([]);
  });

  test('every design scenario gives an interviewer 6-12 facts to answer clarifying questions with', () => {
    const wrong = all.flatMap(({ question }) => {
      if (question.type !== 'design') return [];
      const facts = question.facts?.length ?? 0;
      return facts >= 6 && facts <= 12 ? [] : [`${question.id}: ${facts} facts`];
    });
    expect(wrong).toEqual([]);
  });

  test('no rubric criterion is a bare "mentions X"', () => {
    const vague = all.flatMap(({ question }) => {
      const rubrics = question.type === 'short' ? [question.rubric] : question.type === 'design' ? question.phases.map((phase) => phase.rubric) : [];
      return rubrics.flat().filter((criterion) => /^mentions\b/i.test(criterion.criterion)).map((criterion) => `${question.id}/${criterion.id}`);
    });
    expect(vague).toEqual([]);
  });

  test('choice questions explain every option, avoid "all/none of the above", and vary the right answer\'s position', () => {
    const positions = new Set<number>();
    for (const { question } of all) {
      if (question.type !== 'choice') continue;
      for (const option of question.choices) {
        expect(option.why?.trim().length ?? 0, `${question.id}: "${option.text}" has no why`).toBeGreaterThan(0);
        expect(option.text).not.toMatch(/\b(all|none) of the above\b/i);
      }
      expect(question.explanation?.trim().length ?? 0, `${question.id} explanation`).toBeGreaterThan(0);
      if (!question.multiple) positions.add(question.choices.findIndex((option) => option.correct));
    }
    expect(positions.size).toBeGreaterThanOrEqual(3);
  });
});

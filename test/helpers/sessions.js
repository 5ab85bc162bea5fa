// Writes many realistic session files straight to a data folder, for the stats
// tests and benchmark (plain JavaScript so bare node can run the benchmark).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const MARKS = ['met', 'partly', 'missed'];
const SHARE = { met: 1, partly: 0.5, missed: 0 };

function criterion(id, points, mark) {
  return { id, earned: points * SHARE[mark], possible: points, mark, justification: null, evidence: null };
}

function grade(kind, by, criteria, at) {
  const earned = criteria.reduce((sum, c) => sum + c.earned, 0);
  const possible = criteria.reduce((sum, c) => sum + c.possible, 0);
  return { by, kind, status: 'graded', at, reason: null, earned, possible, criteria, feedback: null, flags: [], usage: kind === 'model' ? { promptTokens: 900, completionTokens: 200 } : null, templateHash: null };
}

/**
 * `count` finished quiz sessions of `perSession` questions (alternating short
 * and choice) over `topics`, one day apart, deterministic for a seed. Short
 * answers get a self grade and, every third session, a model grade too.
 */
export function writeSessions(dataDir, { count, perSession = 10, topics = ['caching', 'databases', 'api-design'], seed = 1 }) {
  const dir = join(dataDir, 'sessions');
  mkdirSync(dir, { recursive: true });
  let state = seed;
  const random = () => ((state = (state * 1103515245 + 12345) % 2147483648) / 2147483648);
  const start = Date.UTC(2025, 0, 1);
  for (let n = 0; n < count; n += 1) {
    const at = new Date(start + n * 3600_000).toISOString();
    const id = `${at.slice(0, 10).replaceAll('-', '')}-${at.slice(11, 19).replaceAll(':', '')}-${String(n % 10000).padStart(4, '0').replace(/\d/g, (d) => 'abcdefghij'[Number(d)])}`;
    const questions = Array.from({ length: perSession }, (_, index) => {
      const topic = topics[(n + index) % topics.length];
      if (index % 2 === 1) {
        const right = random() < 0.7;
        const question = { id: `${topic}-choice-${index}`, type: 'choice', prompt: `Which option is right for ${topic} ${index}?`, difficulty: 'easy', minutes: 1, multiple: false, points: 1, choices: [{ text: 'A', correct: true, why: 'Because A.' }, { text: 'B', why: 'Not B.' }, { text: 'C', why: 'Not C.' }] };
        const criteria = [criterion('correct', 1, right ? 'met' : 'missed')];
        return { topic, question, status: 'answered', answer: { text: right ? 'A' : 'B', choice: [right ? 'a' : 'b'], startedAt: at, submittedAt: at, seconds: 30, via: 'typed' }, grades: [grade('auto', 'auto', criteria, at)] };
      }
      const rubric = [{ id: 'mechanism', points: 3, criterion: `Names the mechanism for ${topic}.` }, { id: 'tradeoff', points: 2, criterion: `States the trade-off for ${topic}.` }, { id: 'numbers', points: 1, criterion: 'Gives a number.' }];
      const question = { id: `${topic}-short-${index}`, type: 'short', prompt: `Explain the ${topic} design choice number ${index} and its trade-offs.`, difficulty: 'medium', minutes: 4, rubric, modelAnswer: `A model answer for ${topic} ${index} that covers the mechanism, the trade-off and a number.` };
      const marks = rubric.map(() => MARKS[Math.floor(random() * 3)]);
      const grades = [grade('self', 'self', rubric.map((c, i) => criterion(c.id, c.points, marks[i])), at)];
      if (n % 3 === 0) grades.push(grade('model', 'gpt-4o-mini', rubric.map((c, i) => criterion(c.id, c.points, marks[i] === 'met' ? 'partly' : marks[i])), at));
      return { topic, question, status: 'answered', answer: { text: `An answer about ${topic} with some detail.`, choice: null, startedAt: at, submittedAt: at, seconds: 200, via: 'typed' }, grades };
    });
    const session = { schemaVersion: 1, id, kind: 'quiz', status: 'finished', startedAt: at, finishedAt: at, updatedAt: at, topics: [...new Set(questions.map((q) => q.topic))], seed: n, settings: { flip: false, timeLimitSeconds: null, scripted: false, grader: 'self' }, questions };
    writeFileSync(join(dir, `${id}.json`), JSON.stringify(session));
  }
}

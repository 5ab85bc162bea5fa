import type { SessionSummary, QuestionResult } from '../../src/session/summaries.js';

/** A graded result of a short (or choice) question answered at `at` (epoch ms), scored `percent`. */
export function result(question: string, percent: number | 'skipped', at: number, options: { type?: QuestionResult['type']; topic?: string } = {}): QuestionResult {
  const skipped = percent === 'skipped';
  return {
    topic: options.topic ?? 'caching',
    question,
    phase: null,
    type: options.type ?? 'short',
    status: skipped ? 'skipped' : 'answered',
    answeredAt: new Date(at).toISOString(),
    headline: skipped ? { by: 'auto', earned: 0, possible: 10, criteria: [] } : { by: 'self', earned: percent / 10, possible: 10, criteria: [] },
    self: null,
    model: null,
  };
}

/** A finished session summary holding `results`. */
export function session(id: string, results: QuestionResult[], kind: SessionSummary['kind'] = 'quiz'): SessionSummary {
  const startedAt = results[0]?.answeredAt ?? new Date(0).toISOString();
  return { id, kind, status: 'finished', startedAt, finishedAt: startedAt, topics: [...new Set(results.map((entry) => entry.topic))], questions: results.length, answered: results.length, score: { earned: 0, possible: 0, percent: null }, verdict: null, pending: 0, results, fingerprint: id };
}

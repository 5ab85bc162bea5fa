import type { QuestionResult, SessionSummary } from '../session/summaries.js';
import type { Storage } from './database.js';
import { tallyByTopic } from '../progress/stats.js';

/**
 * The derived tables of one session (its history columns, `results`,
 * `session_topics`, and its share of `criterion_totals`), rewritten from its
 * summary inside the same transaction as the write that changed it, so
 * history and stats never read a stale or separate index.
 */
export function rewriteDerived(storage: Storage, summary: SessionSummary, batch?: CriterionBatch): void {
  const id = summary.id;
  if (!batch) {
    const old = storage.prepare('SELECT topic, question, phase, type, status, head_criteria FROM results WHERE session_id = ?').all(id) as CriteriaSource[];
    applyCriteria(storage, old, -1);
    storage.prepare('DELETE FROM results WHERE session_id = ?').run(id);
    storage.prepare('DELETE FROM session_topics WHERE session_id = ?').run(id);
  }

  storage.prepare('UPDATE sessions SET revision = revision + 1, question_count = ?, answered = ?, score_earned = ?, score_possible = ?, score_percent = ?, verdict = ?, pending = ?, ungraded = ?, clarifying = ? WHERE id = ?').run(
    summary.questions,
    summary.answered,
    summary.score.earned,
    summary.score.possible,
    summary.score.percent,
    summary.verdict,
    summary.pending,
    summary.ungraded,
    summary.clarifying,
    id,
  );
  const insert = storage.prepare(
    'INSERT INTO results (session_id, position, phase_index, topic, question, phase, type, status, answered_at, head_by, head_earned, head_possible, head_criteria, self_earned, self_possible, model_by, model_earned, model_possible) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const fresh: CriteriaSource[] = [];
  summary.results.forEach((result, ordinal) => {
    const criteria = result.headline ? JSON.stringify(result.headline.criteria.map((criterion) => [criterion.id, criterion.earned, criterion.possible, criterion.mark])) : null;
    const { headline, self, model } = result;
    // The ordinal keeps the order summarize() gave; position/phase pairs are unique within it.
    insert.run(id, ordinal, -1, result.topic, result.question, result.phase, result.type, result.status, result.answeredAt, headline?.by ?? null, headline?.earned ?? null, headline?.possible ?? null, criteria, self?.earned ?? null, self?.possible ?? null, model?.by ?? null, model?.earned ?? null, model?.possible ?? null);
    fresh.push({ topic: result.topic, question: result.question, phase: result.phase, type: result.type, status: result.status, head_criteria: criteria });
  });
  if (batch) batch.add(fresh);
  else applyCriteria(storage, fresh, 1);

  const perTopic = tallyByTopic(summary.results);
  const topicRow = storage.prepare(
    'INSERT INTO session_topics (session_id, topic, started_at, answered, earned, possible, skipped, answered_earned, answered_possible, drift_questions, drift_points) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  for (const [topic, entry] of perTopic) {
    topicRow.run(id, topic, summary.startedAt, entry.answered, entry.earned, entry.possible, entry.skipped, entry.answeredEarned, entry.answeredPossible, entry.driftQuestions, entry.driftPoints);
  }
}

export interface CriteriaSource {
  topic: string;
  question: string;
  phase: string | null;
  type: QuestionResult['type'];
  status: QuestionResult['status'];
  head_criteria: string | null;
}

/**
 * For a bulk insert of new sessions (the import): criterion totals are summed
 * in memory and written once by `flush`, instead of one upsert per criterion.
 */
export class CriterionBatch {
  private readonly totals = new Map<string, [topic: string, question: string, phase: string, criterion: string, graded: number, missed: number, partly: number, lost: number, possible: number]>();

  add(sources: readonly CriteriaSource[]): void {
    for (const source of sources) {
      for (const [criterion, earned, possible, mark] of countedCriteria(source)) {
        const phase = source.phase ?? '';
        const key = JSON.stringify([source.topic, source.question, phase, criterion]);
        let entry = this.totals.get(key);
        if (!entry) this.totals.set(key, (entry = [source.topic, source.question, phase, criterion, 0, 0, 0, 0, 0]));
        entry[4] += 1;
        if (mark === 'missed') entry[5] += 1;
        if (mark === 'partly') entry[6] += 1;
        entry[7] += possible - earned;
        entry[8] += possible;
      }
    }
  }

  flush(storage: Storage): void {
    const upsert = storage.prepare(UPSERT_TOTAL);
    for (const entry of this.totals.values()) upsert.run(...entry);
    this.totals.clear();
  }
}

const UPSERT_TOTAL = `INSERT INTO criterion_totals (topic, question, phase, criterion, graded, missed, partly, lost, possible) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (topic, question, phase, criterion) DO UPDATE SET graded = graded + excluded.graded, missed = missed + excluded.missed, partly = partly + excluded.partly, lost = lost + excluded.lost, possible = possible + excluded.possible`;

function countedCriteria(source: CriteriaSource): [string, number, number, string][] {
  if (source.head_criteria === null || source.type === 'choice' || source.status === 'skipped') return [];
  return JSON.parse(source.head_criteria) as [string, number, number, string][];
}

/** Adds (sign 1) or removes (sign -1) results' criteria from the running totals; choice and skipped answers do not count. */
function applyCriteria(storage: Storage, sources: readonly CriteriaSource[], sign: 1 | -1): void {
  if (sources.length === 0) return;
  const upsert = storage.prepare(UPSERT_TOTAL);
  for (const source of sources) {
    for (const [criterion, earned, possible, mark] of countedCriteria(source)) {
      upsert.run(source.topic, source.question, source.phase ?? '', criterion, sign, mark === 'missed' ? sign : 0, mark === 'partly' ? sign : 0, sign * (possible - earned), sign * possible);
    }
  }
  if (sign < 0) storage.prepare('DELETE FROM criterion_totals WHERE graded <= 0').run();
}

import type { QuestionResult, SessionSummary } from '../session/summaries.js';
import type { Storage } from './database.js';

/** A `sessions` row as read for history, in SUMMARY_COLUMNS order (raw tuples: 50,000 of them cost a third less than objects). */
type SummaryRow = [
  id: string,
  kind: SessionSummary['kind'],
  status: SessionSummary['status'],
  started_at: string,
  finished_at: string | null,
  topics: string,
  question_count: number,
  answered: number,
  score_earned: number,
  score_possible: number,
  score_percent: number | null,
  verdict: string | null,
  pending: number,
  ungraded: number,
  clarifying: number,
  revision: number,
];

/** Every column is in the covering index `sessions_history` (migration 2), so history never reads the wide session rows. */
const SUMMARY_COLUMNS = 'id, kind, status, started_at, finished_at, topics, question_count, answered, score_earned, score_possible, score_percent, verdict, pending, ungraded, clarifying, revision';

interface ResultRow {
  session_id: string;
  topic: string;
  question: string;
  phase: string | null;
  type: QuestionResult['type'];
  status: QuestionResult['status'];
  answered_at: string | null;
  head_by: string | null;
  head_earned: number | null;
  head_possible: number | null;
  head_criteria: string | null;
  self_earned: number | null;
  self_possible: number | null;
  model_by: string | null;
  model_earned: number | null;
  model_possible: number | null;
}

/**
 * Session summaries from the derived tables, oldest first. `withResults: false`
 * skips the per-question results (history needs only the session rows);
 * `after` (a session id) returns only later sessions.
 */
export function readSummaryRows(storage: Storage, { withResults = true, after }: { withResults?: boolean; after?: string } = {}): SessionSummary[] {
  return storage.guard(() => {
    const where = after === undefined ? '' : 'WHERE id > @after';
    const rows = storage.db
      .prepare(`SELECT ${SUMMARY_COLUMNS} FROM sessions ${where} ORDER BY id`)
      .raw()
      .all(after === undefined ? {} : { after }) as SummaryRow[];
    const summaries = rows.map(toSummary);
    if (!withResults || summaries.length === 0) return summaries;
    const byId = new Map(summaries.map((summary) => [summary.id, summary]));
    const results = storage.db
      .prepare(`SELECT session_id, topic, question, phase, type, status, answered_at, head_by, head_earned, head_possible, head_criteria, self_earned, self_possible, model_by, model_earned, model_possible FROM results ${after === undefined ? '' : 'WHERE session_id > @after'} ORDER BY session_id, position`)
      .all(after === undefined ? {} : { after }) as ResultRow[];
    for (const row of results) byId.get(row.session_id)?.results.push(toResult(row));
    return summaries;
  });
}

/** One line of `coach history`'s table: the few columns it shows (`percent` is the session score, null before any grade). */
export type HistoryRow = Pick<SessionSummary, 'id' | 'kind' | 'status' | 'startedAt' | 'topics' | 'questions' | 'answered' | 'pending' | 'ungraded'> & { percent: number | null };

type HistoryTuple = [id: string, kind: SessionSummary['kind'], status: SessionSummary['status'], started_at: string, topics: string, question_count: number, answered: number, score_percent: number | null, pending: number, ungraded: number];

/**
 * The rows `coach history` prints, newest first: only the ten columns it
 * shows, read as tuples from the covering index, because at 50,000 sessions
 * every extra column and object is measurable (issue 12: under 1 s).
 */
export function readHistoryRows(storage: Storage): HistoryRow[] {
  return storage.guard(() => {
    const rows = storage.db.prepare('SELECT id, kind, status, started_at, topics, question_count, answered, score_percent, pending, ungraded FROM sessions ORDER BY id DESC').raw().all() as HistoryTuple[];
    return rows.map(([id, kind, status, startedAt, topics, questions, answered, percent, pending, ungraded]) => ({ id, kind, status, startedAt, topics: JSON.parse(topics) as string[], questions, answered, percent, pending, ungraded }));
  });
}

function toSummary([id, kind, status, startedAt, finishedAt, topics, questions, answered, earned, possible, percent, verdict, pending, ungraded, clarifying, revision]: SummaryRow): SessionSummary {
  return {
    id,
    kind,
    status,
    startedAt,
    finishedAt,
    topics: JSON.parse(topics) as string[],
    questions,
    answered,
    score: { earned, possible, percent },
    verdict,
    pending,
    ungraded,
    clarifying,
    results: [],
    fingerprint: String(revision),
  };
}

function toResult(row: ResultRow): QuestionResult {
  const criteria = row.head_criteria === null ? [] : (JSON.parse(row.head_criteria) as [string, number, number, string][]).map(([id, earned, possible, mark]) => ({ id, earned, possible, mark }));
  return {
    topic: row.topic,
    question: row.question,
    phase: row.phase,
    type: row.type,
    status: row.status,
    answeredAt: row.answered_at,
    headline: row.head_by === null ? null : { by: row.head_by, earned: row.head_earned!, possible: row.head_possible!, criteria },
    self: row.self_possible === null ? null : { earned: row.self_earned!, possible: row.self_possible },
    model: row.model_by === null ? null : { by: row.model_by, earned: row.model_earned!, possible: row.model_possible! },
  };
}

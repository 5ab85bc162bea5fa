import type { Drift, InterviewProgress, MissedCriterion, Stats, TopicProgress } from '../progress/stats.js';
import type { Storage } from './database.js';
import type { TopicTotals } from '../progress/stats.js';

/**
 * `coach stats` from the derived tables, the same numbers `computeStats`
 * gives from summaries (test/progress checks they agree) without reading
 * every result: per-topic rows per session (with their drift sums) and
 * running criterion totals.
 */
export function statsFromRows(storage: Storage, limit = 10): Stats {
  return storage.guard(() => {
    const { db } = storage;
    const sessions = db.prepare('SELECT count(*) FROM sessions').pluck().get() as number;
    const rows = topicRows(storage);
    return { sessions, topics: topicProgress(rows), mostMissed: mostMissed(storage, limit), drift: drift(rows), interviews: interviewProgress(storage, limit) };
  });
}

/** A topic's `session_topics` rows summed over its sessions. */
interface TopicRow extends TopicTotals {
  topic: string;
  sessions: number;
  /** Each session's percent on the topic, oldest first, comma-separated (null when none was graded). */
  trend: string | null;
}

/**
 * One pass over the covering index `session_topics_stats` (migration 2): the
 * per-topic totals, the score on answered questions, the drift sums, and the
 * trend folded into one string per topic by SQLite, so 150,000 session-topic
 * rows never cross into JavaScript one by one.
 */
function topicRows(storage: Storage): TopicRow[] {
  return storage.db
    .prepare(
      `SELECT topic, count(*) AS sessions, sum(answered) AS answered, sum(earned) AS earned, sum(possible) AS possible, sum(skipped) AS skipped,
         sum(answered_earned) AS answeredEarned, sum(answered_possible) AS answeredPossible, sum(drift_questions) AS driftQuestions, sum(drift_points) AS driftPoints,
         group_concat(CASE WHEN possible > 0 THEN CAST(round(100.0 * earned / possible) AS INTEGER) END, ',' ORDER BY started_at, session_id) AS trend
       FROM session_topics GROUP BY topic ORDER BY topic`,
    )
    .all() as TopicRow[];
}

const percent = (earned: number, possible: number) => Math.round((100 * earned) / possible);

function topicProgress(rows: readonly TopicRow[]): TopicProgress[] {
  return rows.map((row) => ({
    topic: row.topic,
    sessions: row.sessions,
    answered: row.answered,
    skipped: row.skipped,
    averagePercent: row.possible > 0 ? percent(row.earned, row.possible) : null,
    answeredPercent: row.answeredPossible > 0 ? percent(row.answeredEarned, row.answeredPossible) : null,
    trend: row.trend ? row.trend.split(',').map(Number) : [],
  }));
}

function mostMissed(storage: Storage, limit: number): MissedCriterion[] {
  const rows = storage.db
    .prepare('SELECT topic, question, phase, criterion, graded, missed, partly, lost, possible FROM criterion_totals WHERE lost > 1e-9 AND graded > 0 ORDER BY lost DESC, lost / possible DESC, topic, question, phase, criterion LIMIT ?')
    .all(limit) as { topic: string; question: string; phase: string; criterion: string; graded: number; missed: number; partly: number; lost: number; possible: number }[];
  return rows.map((row) => ({ topic: row.topic, question: row.question, phase: row.phase === '' ? null : row.phase, criterion: row.criterion, graded: row.graded, missed: row.missed, partly: row.partly, lostShare: row.possible > 0 ? row.lost / row.possible : 0 }));
}

function drift(rows: readonly TopicRow[]): Drift {
  const graded = rows.filter((row) => row.driftQuestions > 0);
  const mean = (sum: number, count: number) => Math.round((10 * sum) / count) / 10;
  const questions = graded.reduce((sum, row) => sum + row.driftQuestions, 0);
  const points = graded.reduce((sum, row) => sum + row.driftPoints, 0);
  return {
    questions,
    meanPoints: questions > 0 ? mean(points, questions) : null,
    byTopic: graded.map((row) => ({ topic: row.topic, questions: row.driftQuestions, meanPoints: mean(row.driftPoints, row.driftQuestions) })),
  };
}

/** Finished mock interviews: their count, mean clarifying questions, and the latest `limit` oldest first. */
function interviewProgress(storage: Storage, limit: number): InterviewProgress {
  const totals = storage.prepare("SELECT count(*) AS count, sum(clarifying) AS asked FROM sessions WHERE kind = 'interview' AND status = 'finished'").get() as { count: number; asked: number | null };
  const recent = (
    storage
      .prepare("SELECT id, started_at AS startedAt, score_percent AS percent, verdict, clarifying FROM sessions WHERE kind = 'interview' AND status = 'finished' ORDER BY started_at DESC, id DESC LIMIT ?")
      .all(limit) as InterviewProgress['recent']
  ).reverse();
  return { count: totals.count, clarifyingPerInterview: totals.count > 0 ? Math.round((10 * (totals.asked ?? 0)) / totals.count) / 10 : null, recent };
}

import type { Drift, InterviewProgress, MissedCriterion, Stats, TopicProgress } from '../progress/stats.js';
import type { Storage } from './database.js';

/**
 * `coach stats` from the derived tables, the same numbers `computeStats`
 * gives from summaries (test/progress checks they agree) without reading
 * every result: per-topic rows per session, running criterion totals, and
 * the self/model pairs through a partial index.
 */
export function statsFromRows(storage: Storage, limit = 10): Stats {
  return storage.guard(() => {
    const { db } = storage;
    const sessions = db.prepare('SELECT count(*) FROM sessions').pluck().get() as number;
    return { sessions, topics: topicProgress(storage), mostMissed: mostMissed(storage, limit), drift: drift(storage), interviews: interviewProgress(storage, limit) };
  });
}

function topicProgress(storage: Storage): TopicProgress[] {
  const byTopic = new Map<string, { sessions: number; answered: number; earned: number; possible: number; trend: number[] }>();
  const rows = storage.db.prepare('SELECT topic, answered, earned, possible FROM session_topics ORDER BY started_at, session_id').raw().iterate() as IterableIterator<[string, number, number, number]>;
  for (const [topic, answered, earned, possible] of rows) {
    let total = byTopic.get(topic);
    if (!total) byTopic.set(topic, (total = { sessions: 0, answered: 0, earned: 0, possible: 0, trend: [] }));
    total.sessions += 1;
    total.answered += answered;
    total.earned += earned;
    total.possible += possible;
    if (possible > 0) total.trend.push(Math.round((100 * earned) / possible));
  }
  // Skipped (or unreached) results and the score over answered ones only, from the per-result rows.
  const split = new Map(
    (storage.db
      .prepare("SELECT topic, sum(status = 'skipped') AS skipped, sum(CASE WHEN status = 'answered' THEN head_earned END) AS earned, sum(CASE WHEN status = 'answered' THEN head_possible END) AS possible FROM results GROUP BY topic")
      .all() as { topic: string; skipped: number; earned: number | null; possible: number | null }[]).map((row) => [row.topic, row]),
  );
  return [...byTopic.entries()]
    .map(([topic, total]) => {
      const own = split.get(topic);
      return {
        topic,
        sessions: total.sessions,
        answered: total.answered,
        skipped: own?.skipped ?? 0,
        averagePercent: total.possible > 0 ? Math.round((100 * total.earned) / total.possible) : null,
        answeredPercent: own && own.possible ? Math.round((100 * (own.earned ?? 0)) / own.possible) : null,
        trend: total.trend,
      };
    })
    .sort((a, b) => (a.topic < b.topic ? -1 : 1));
}

function mostMissed(storage: Storage, limit: number): MissedCriterion[] {
  const rows = storage.db
    .prepare('SELECT topic, question, phase, criterion, graded, missed, partly, lost, possible FROM criterion_totals WHERE lost > 1e-9 AND graded > 0 ORDER BY lost DESC, lost / possible DESC, topic, question, phase, criterion LIMIT ?')
    .all(limit) as { topic: string; question: string; phase: string; criterion: string; graded: number; missed: number; partly: number; lost: number; possible: number }[];
  return rows.map((row) => ({ topic: row.topic, question: row.question, phase: row.phase === '' ? null : row.phase, criterion: row.criterion, graded: row.graded, missed: row.missed, partly: row.partly, lostShare: row.possible > 0 ? row.lost / row.possible : 0 }));
}

function drift(storage: Storage): Drift {
  const rows = storage.db
    .prepare('SELECT topic, count(*) AS questions, sum(100.0 * self_earned / self_possible - 100.0 * model_earned / model_possible) AS points FROM results WHERE self_possible > 0 AND model_possible > 0 GROUP BY topic ORDER BY topic')
    .all() as { topic: string; questions: number; points: number }[];
  const mean = (sum: number, count: number) => Math.round((10 * sum) / count) / 10;
  const questions = rows.reduce((sum, row) => sum + row.questions, 0);
  const points = rows.reduce((sum, row) => sum + row.points, 0);
  return {
    questions,
    meanPoints: questions > 0 ? mean(points, questions) : null,
    byTopic: rows.map((row) => ({ topic: row.topic, questions: row.questions, meanPoints: mean(row.points, row.questions) })),
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

import type { QuestionResult, SessionSummary } from '../session/summaries.js';

/**
 * Progress over history, from session summaries: per topic (sessions, average,
 * trend), the rubric criteria most often missed, and how far self grades drift
 * from model grades where a question has both. Pure.
 */
export interface TopicProgress {
  topic: string;
  sessions: number;
  answered: number;
  /** Asked but not answered: skipped, or cut by the clock before they were reached. */
  skipped: number;
  /** Like the session score: skipped questions count, earning 0. */
  averagePercent: number | null;
  /** Over answered questions only: how well you do when you answer. */
  answeredPercent: number | null;
  /** Percent per session touching the topic, oldest first (the sparkline). */
  trend: number[];
}

export interface MissedCriterion {
  topic: string;
  question: string;
  phase: string | null;
  criterion: string;
  graded: number;
  missed: number;
  partly: number;
  /** Share of the points lost across every grading of this criterion. */
  lostShare: number;
}

export interface Drift {
  questions: number;
  /** Mean of (self percent - model percent): positive means you grade yourself more generously. */
  meanPoints: number | null;
  byTopic: { topic: string; questions: number; meanPoints: number }[];
}

/** Mock interviews: each one's score beside the clarifying questions asked, newest last. */
export interface InterviewProgress {
  count: number;
  /** Mean clarifying questions per interview, one decimal; null with no interviews. */
  clarifyingPerInterview: number | null;
  recent: { id: string; startedAt: string; percent: number | null; verdict: string | null; clarifying: number }[];
}

export interface Stats {
  sessions: number;
  topics: TopicProgress[];
  mostMissed: MissedCriterion[];
  drift: Drift;
  interviews: InterviewProgress;
}

export function computeStats(summaries: readonly SessionSummary[], limit = 10): Stats {
  const ordered = [...summaries].sort((a, b) => (a.startedAt < b.startedAt ? -1 : a.startedAt > b.startedAt ? 1 : 0));
  return { sessions: ordered.length, topics: topicProgress(ordered), mostMissed: mostMissed(ordered, limit), drift: drift(ordered), interviews: interviewProgress(ordered, limit) };
}

function interviewProgress(summaries: readonly SessionSummary[], limit: number): InterviewProgress {
  const interviews = summaries.filter((summary) => summary.kind === 'interview' && summary.status === 'finished');
  const asked = interviews.reduce((sum, summary) => sum + (summary.clarifying ?? 0), 0);
  return {
    count: interviews.length,
    clarifyingPerInterview: interviews.length > 0 ? Math.round((10 * asked) / interviews.length) / 10 : null,
    recent: interviews.slice(-limit).map((summary) => ({ id: summary.id, startedAt: summary.startedAt, percent: summary.score.percent, verdict: summary.verdict, clarifying: summary.clarifying ?? 0 })),
  };
}

function topicProgress(summaries: readonly SessionSummary[]): TopicProgress[] {
  type Tally = Omit<TopicTotals, 'driftQuestions' | 'driftPoints'>;
  const empty = (): Tally => ({ answered: 0, skipped: 0, earned: 0, possible: 0, answeredEarned: 0, answeredPossible: 0 });
  const byTopic = new Map<string, Tally & { sessions: number; trend: number[] }>();
  for (const summary of summaries) {
    const perTopic = tallyByTopic(summary.results);
    for (const [topic, entry] of perTopic) {
      const total = byTopic.get(topic) ?? { ...empty(), sessions: 0, trend: [] };
      total.sessions += 1;
      total.answered += entry.answered;
      total.skipped += entry.skipped;
      total.earned += entry.earned;
      total.possible += entry.possible;
      total.answeredEarned += entry.answeredEarned;
      total.answeredPossible += entry.answeredPossible;
      if (entry.possible > 0) total.trend.push(Math.round((100 * entry.earned) / entry.possible));
      byTopic.set(topic, total);
    }
  }
  return [...byTopic.entries()]
    .map(([topic, total]) => ({
      topic,
      sessions: total.sessions,
      answered: total.answered,
      skipped: total.skipped,
      averagePercent: total.possible > 0 ? Math.round((100 * total.earned) / total.possible) : null,
      answeredPercent: total.answeredPossible > 0 ? Math.round((100 * total.answeredEarned) / total.answeredPossible) : null,
      trend: total.trend,
    }))
    .sort((a, b) => (a.topic < b.topic ? -1 : 1));
}

function mostMissed(summaries: readonly SessionSummary[], limit: number): MissedCriterion[] {
  const byKey = new Map<string, MissedCriterion & { lost: number; possible: number }>();
  for (const summary of summaries) {
    for (const result of summary.results) {
      if (!result.headline || result.type === 'choice' || result.status === 'skipped') continue;
      for (const criterion of result.headline.criteria) {
        const key = `${result.topic}/${result.question}/${result.phase ?? ''}/${criterion.id}`;
        const entry = byKey.get(key) ?? { topic: result.topic, question: result.question, phase: result.phase, criterion: criterion.id, graded: 0, missed: 0, partly: 0, lostShare: 0, lost: 0, possible: 0 };
        entry.graded += 1;
        if (criterion.mark === 'missed') entry.missed += 1;
        if (criterion.mark === 'partly') entry.partly += 1;
        entry.lost += criterion.possible - criterion.earned;
        entry.possible += criterion.possible;
        byKey.set(key, entry);
      }
    }
  }
  return [...byKey.values()]
    .filter((entry) => entry.lost > 0)
    .map(({ lost, possible, ...entry }) => ({ ...entry, lostShare: possible > 0 ? lost / possible : 0, weight: lost }))
    // Ties in key order, as src/storage/statsRows.ts orders them in SQL.
    .sort((a, b) => b.weight - a.weight || b.lostShare - a.lostShare || compareKeys([a.topic, a.question, a.phase ?? '', a.criterion], [b.topic, b.question, b.phase ?? '', b.criterion]))
    .slice(0, limit)
    .map(({ weight: _weight, ...entry }) => entry);
}

function drift(summaries: readonly SessionSummary[]): Drift {
  const pairs = summaries.flatMap((summary) =>
    summary.results.flatMap((result) =>
      result.self && result.model && result.self.possible > 0 && result.model.possible > 0
        ? [{ topic: result.topic, points: (100 * result.self.earned) / result.self.possible - (100 * result.model.earned) / result.model.possible }]
        : [],
    ),
  );
  const mean = (values: number[]) => Math.round((10 * values.reduce((sum, value) => sum + value, 0)) / values.length) / 10;
  const topics = [...new Set(pairs.map((pair) => pair.topic))].sort();
  return {
    questions: pairs.length,
    meanPoints: pairs.length > 0 ? mean(pairs.map((pair) => pair.points)) : null,
    byTopic: topics.map((topic) => {
      const values = pairs.filter((pair) => pair.topic === topic).map((pair) => pair.points);
      return { topic, questions: values.length, meanPoints: mean(values) };
    }),
  };
}

/** A terminal sparkline: one block per value, 0-100. */
export function sparkline(values: readonly number[]): string {
  const blocks = '▁▂▃▄▅▆▇█';
  return values.map((value) => blocks[Math.min(blocks.length - 1, Math.max(0, Math.floor((value / 100) * blocks.length)))]).join('');
}

function compareKeys(a: readonly string[], b: readonly string[]): number {
  for (let index = 0; index < a.length; index += 1) {
    if (a[index]! !== b[index]!) return a[index]! < b[index]! ? -1 : 1;
  }
  return 0;
}

/** One session's tally for one topic (a row of `session_topics`): what coach stats sums per topic (points are rubric points; drift in percentage points). */
export interface TopicTotals {
  answered: number;
  earned: number;
  possible: number;
  skipped: number;
  /** Headline points on answered questions only (the ON ANSWERED column). */
  answeredEarned: number;
  answeredPossible: number;
  /** Questions with both a self and a model grade, and the sum of (self percent - model percent) over them. */
  driftQuestions: number;
  driftPoints: number;
}

/** A session's results tallied per topic: the one definition both `computeStats` and the stored `session_topics` rows use. */
export function tallyByTopic(results: readonly QuestionResult[]): Map<string, TopicTotals> {
  const perTopic = new Map<string, TopicTotals>();
  for (const result of results) {
    let entry = perTopic.get(result.topic);
    if (!entry) perTopic.set(result.topic, (entry = { answered: 0, earned: 0, possible: 0, skipped: 0, answeredEarned: 0, answeredPossible: 0, driftQuestions: 0, driftPoints: 0 }));
    if (result.status === 'answered') entry.answered += 1;
    else entry.skipped += 1;
    if (result.headline) {
      entry.earned += result.headline.earned;
      entry.possible += result.headline.possible;
      if (result.status === 'answered') {
        entry.answeredEarned += result.headline.earned;
        entry.answeredPossible += result.headline.possible;
      }
    }
    const { self, model } = result;
    if (self && model && self.possible > 0 && model.possible > 0) {
      entry.driftQuestions += 1;
      entry.driftPoints += (100 * self.earned) / self.possible - (100 * model.earned) / model.possible;
    }
  }
  return perTopic;
}

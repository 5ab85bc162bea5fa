import { headlineGrade, type Grade } from '../grading/grade.js';
import { buildReport } from '../report/build.js';
import type { Session } from './model.js';
import { askedStatus, isAsked } from './record.js';

/**
 * What history, stats and export need of a session, without its copied
 * questions. Computed by `summarize` whenever a session is written and kept in
 * the database's derived tables (src/storage/derived.ts), so reading 50,000
 * sessions is one indexed query, not 50,000 parses.
 */
export interface QuestionResult {
  topic: string;
  question: string;
  phase: string | null;
  type: 'choice' | 'short' | 'design';
  status: 'answered' | 'skipped';
  answeredAt: string | null;
  headline: { by: string; earned: number; possible: number; criteria: { id: string; earned: number; possible: number; mark: string }[] } | null;
  self: { earned: number; possible: number } | null;
  model: { by: string; earned: number; possible: number } | null;
}

export interface SessionSummary {
  id: string;
  kind: Session['kind'];
  status: Session['status'];
  startedAt: string;
  finishedAt: string | null;
  topics: string[];
  /** Questions asked, or for a design question its phases (an interview counts phases). */
  questions: number;
  /** Of those, the ones answered (not skipped). */
  answered: number;
  score: { earned: number; possible: number; percent: number | null };
  verdict: string | null;
  pending: number;
  /** Answers whose grading attempts all failed. */
  ungraded: number;
  /** Clarifying questions the candidate asked (interviews; 0 otherwise). */
  clarifying: number;
  results: QuestionResult[];
  /** The session's revision in the database: changes whenever the session does. */
  fingerprint?: string;
}

export function summarize(session: Session): SessionSummary {
  const report = buildReport(session);
  const results: QuestionResult[] = [];
  for (const item of session.questions) {
    if (!isAsked(item)) continue;
    const base = { topic: item.topic, question: item.question.id, type: item.question.type };
    if (item.question.type === 'design') {
      item.question.phases.forEach((phase, index) => {
        const record = item.phases?.[index];
        if (!record || record.status === 'unasked') return;
        results.push({ ...base, phase: phase.id, status: record.status, answeredAt: record.answer?.submittedAt ?? null, ...gradeParts(record.grades) });
      });
    } else {
      results.push({ ...base, phase: null, status: askedStatus(item), answeredAt: item.answer?.submittedAt ?? null, ...gradeParts(item.grades) });
    }
  }
  return {
    id: session.id,
    kind: session.kind,
    status: session.status,
    startedAt: session.startedAt,
    finishedAt: session.finishedAt,
    topics: session.topics,
    // An interview is one question of several phases: its counts are the phases, so 4 answered and 2 skipped read 4/6.
    questions: results.length,
    answered: results.filter((result) => result.status === 'answered').length,
    score: report.score,
    verdict: report.verdict,
    pending: report.pending,
    ungraded: report.ungraded,
    clarifying: session.questions.reduce((sum, item) => sum + (item.phases ?? []).reduce((count, record) => count + (record.turns ?? []).filter((turn) => turn.kind === 'clarify').length, 0), 0),
    results,
  };
}

function gradeParts(grades: readonly Grade[]): Pick<QuestionResult, 'headline' | 'self' | 'model'> {
  const headline = headlineGrade(grades);
  const self = grades.filter((grade) => grade.kind === 'self' && grade.status === 'graded').at(-1);
  const model = grades.filter((grade) => grade.kind === 'model' && grade.status === 'graded').at(-1);
  return {
    headline: headline ? { by: headline.by, earned: headline.earned, possible: headline.possible, criteria: headline.criteria.map(({ id, earned, possible, mark }) => ({ id, earned, possible, mark })) } : null,
    self: self ? { earned: self.earned, possible: self.possible } : null,
    model: model ? { by: model.by, earned: model.earned, possible: model.possible } : null,
  };
}


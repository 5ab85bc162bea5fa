import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { headlineGrade, type Grade } from '../grading/grade.js';
import { buildReport } from '../report/build.js';
import type { Session } from './model.js';
import { SessionFileError, writeFileAtomic, type SessionStore } from './store.js';

/**
 * What history, stats and export need of a session, without its copied
 * questions. Kept in an index beside the sessions and refreshed per file by
 * size and mtime, so reading 5,000 sessions means reading one index, not
 * parsing 5,000 files; the index can always be deleted and rebuilt.
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
  questions: number;
  answered: number;
  score: { earned: number; possible: number; percent: number | null };
  verdict: string | null;
  pending: number;
  /** Answers whose grading attempts all failed. */
  ungraded: number;
  /** Clarifying questions the candidate asked (interviews; 0 otherwise). */
  clarifying: number;
  results: QuestionResult[];
  /** Size, mtime and inode of the session file: changes whenever the session does. */
  fingerprint?: string;
}

const INDEX_VERSION = 4;

interface IndexFile {
  schemaVersion: number;
  entries: Record<string, IndexEntry>;
}

interface IndexEntry {
  size: number;
  mtimeMs: number;
  ino: number;
  summary: Omit<SessionSummary, 'results'>;
  results: ResultTuple[];
}

/**
 * A question result as a flat tuple: 5,000 sessions of 10 questions are 50,000
 * results, and objects with repeated keys made the index 20 MB and its parse
 * (and garbage) dominate `coach stats`. Criteria flatten to [id, earned,
 * possible, mark, ...].
 */
type ResultTuple = [
  topic: string,
  question: string,
  phase: string | null,
  type: QuestionResult['type'],
  status: QuestionResult['status'],
  answeredAt: string | null,
  headline: [by: string, earned: number, possible: number, criteria: (string | number)[]] | null,
  self: [earned: number, possible: number] | null,
  model: [by: string, earned: number, possible: number] | null,
];

function encodeResult(result: QuestionResult): ResultTuple {
  const { headline, self, model } = result;
  return [
    result.topic,
    result.question,
    result.phase,
    result.type,
    result.status,
    result.answeredAt,
    headline ? [headline.by, headline.earned, headline.possible, headline.criteria.flatMap((criterion) => [criterion.id, criterion.earned, criterion.possible, criterion.mark])] : null,
    self ? [self.earned, self.possible] : null,
    model ? [model.by, model.earned, model.possible] : null,
  ];
}

function decodeResult([topic, question, phase, type, status, answeredAt, headline, self, model]: ResultTuple): QuestionResult {
  let criteria: NonNullable<QuestionResult['headline']>['criteria'] = [];
  if (headline) {
    const flat = headline[3];
    criteria = [];
    for (let index = 0; index < flat.length; index += 4) {
      criteria.push({ id: flat[index] as string, earned: flat[index + 1] as number, possible: flat[index + 2] as number, mark: flat[index + 3] as string });
    }
  }
  return {
    topic,
    question,
    phase,
    type,
    status,
    answeredAt,
    headline: headline ? { by: headline[0], earned: headline[1], possible: headline[2], criteria } : null,
    self: self ? { earned: self[0], possible: self[1] } : null,
    model: model ? { by: model[0], earned: model[1], possible: model[2] } : null,
  };
}

export function summarize(session: Session): SessionSummary {
  const report = buildReport(session);
  const results: QuestionResult[] = [];
  for (const item of session.questions) {
    if (item.status === 'unasked') continue;
    const base = { topic: item.topic, question: item.question.id, type: item.question.type };
    if (item.question.type === 'design') {
      item.question.phases.forEach((phase, index) => {
        const record = item.phases?.[index];
        if (!record || record.status === 'unasked') return;
        results.push({ ...base, phase: phase.id, status: record.status, answeredAt: record.answer?.submittedAt ?? null, ...gradeParts(record.grades) });
      });
    } else {
      results.push({ ...base, phase: null, status: item.status, answeredAt: item.answer?.submittedAt ?? null, ...gradeParts(item.grades) });
    }
  }
  return {
    id: session.id,
    kind: session.kind,
    status: session.status,
    startedAt: session.startedAt,
    finishedAt: session.finishedAt,
    topics: session.topics,
    questions: session.questions.length,
    answered: report.questions.filter((question) => question.status === 'answered').length,
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

/**
 * Every readable session's summary, oldest first. Unreadable files are passed
 * to `onUnreadable` (reported with their path) and skipped. `withResults: false`
 * skips decoding per-question results (history does not need them).
 */
export function readSummaries(store: SessionStore, indexDir: string, onUnreadable: (error: SessionFileError) => void, { withResults = true }: { withResults?: boolean } = {}): SessionSummary[] {
  const indexPath = join(indexDir, 'sessions.json');
  const index = readIndex(indexPath);
  const next: IndexFile = { schemaVersion: INDEX_VERSION, entries: {} };
  let changed = false;
  const summaries: SessionSummary[] = [];
  for (const id of store.ids()) {
    const stats = statSync(store.pathOf(id), { throwIfNoEntry: false });
    if (!stats) continue;
    const cached = index.entries[id];
    // Every save renames a new file into place, so the inode changes even within one mtime tick.
    if (cached && cached.size === stats.size && cached.mtimeMs === stats.mtimeMs && cached.ino === stats.ino) {
      next.entries[id] = cached;
      summaries.push({ ...cached.summary, results: withResults ? cached.results.map(decodeResult) : [], fingerprint: fingerprintOf(stats) });
      continue;
    }
    let session: Session;
    try {
      session = store.load(id);
    } catch (error) {
      if (!(error instanceof SessionFileError)) throw error;
      onUnreadable(error);
      continue;
    }
    const { results, ...summary } = summarize(session);
    next.entries[id] = { size: stats.size, mtimeMs: stats.mtimeMs, ino: stats.ino, summary, results: results.map(encodeResult) };
    summaries.push({ ...summary, results: withResults ? results : [], fingerprint: fingerprintOf(stats) });
    changed = true;
  }
  if (changed || Object.keys(index.entries).length !== Object.keys(next.entries).length) {
    mkdirSync(indexDir, { recursive: true });
    writeFileAtomic(indexPath, JSON.stringify(next));
  }
  return summaries;
}

function fingerprintOf(stats: { size: number; mtimeMs: number; ino: number }): string {
  return `${stats.size}:${stats.mtimeMs}:${stats.ino}`;
}

function readIndex(path: string): IndexFile {
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as IndexFile;
    if (parsed.schemaVersion === INDEX_VERSION && parsed.entries && typeof parsed.entries === 'object') return parsed;
  } catch (error) {
    // A missing or damaged index is rebuilt from the sessions: it only ever caches them.
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT' && !(error instanceof SyntaxError)) throw error;
  }
  return { schemaVersion: INDEX_VERSION, entries: {} };
}

import { createHash } from 'node:crypto';
import type { Grade } from '../grading/grade.js';
import { SESSION_SCHEMA_VERSION, type Draft, type PhaseRecord, type Session, type SessionQuestion } from '../session/model.js';
import type { Storage } from './database.js';

/**
 * A session as rows: the `sessions` row, one `questions` row per question, one
 * `phases` row per interview phase, and `grades` appended one row each. JSON
 * columns hold the nested values (the copied question, an answer, a follow-up,
 * a draft, a grade), so the row shapes stay stable as those grow fields.
 */
const json = (value: unknown): string | null => (value === null || value === undefined ? null : JSON.stringify(value));

/** A grade's place: the question at `position`, or its phase `phaseIndex` (-1 for the question itself). */
export interface GradeRow {
  position: number;
  phaseIndex: number;
  grade: Grade;
}

export function sessionFields(session: Session) {
  return {
    id: session.id,
    kind: session.kind,
    status: session.status,
    started_at: session.startedAt,
    finished_at: session.finishedAt,
    updated_at: session.updatedAt,
    topics: JSON.stringify(session.topics),
    seed: session.seed,
    settings: JSON.stringify(session.settings),
  };
}

export function questionFields(item: SessionQuestion) {
  return { status: item.status, answer: json(item.answer) };
}

export function phaseFields(record: PhaseRecord) {
  return { id: record.id, status: record.status, budget_seconds: record.budgetSeconds, elapsed_seconds: record.elapsedSeconds, answer: json(record.answer), follow_up: json(record.followUp), turns: json(record.turns) };
}

/**
 * The session's one draft, on the row of its question (`phaseId` null) or
 * interview phase; any older draft of the session is cleared in the same
 * transaction. `draft` null clears it (and is remembered as null, not absent).
 * `place` is where a null draft was (null: wherever it is).
 */
export function writeDraft(storage: Storage, sessionId: string, draft: Draft | null, place: { questionIndex: number; phaseId: string | null } | null): void {
  storage.prepare('UPDATE questions SET draft = NULL WHERE session_id = ? AND draft IS NOT NULL').run(sessionId);
  storage.prepare('UPDATE phases SET draft = NULL WHERE session_id = ? AND draft IS NOT NULL').run(sessionId);
  storage.prepare('UPDATE sessions SET drafted = 1 WHERE id = ? AND drafted = 0').run(sessionId);
  if (!draft) return;
  const target = place ?? { questionIndex: draft.questionIndex, phaseId: draft.phaseId };
  const text = JSON.stringify(draft);
  const changed =
    target.phaseId === null
      ? storage.prepare('UPDATE questions SET draft = ? WHERE session_id = ? AND position = ?').run(text, sessionId, target.questionIndex).changes
      : storage.prepare('UPDATE phases SET draft = ? WHERE session_id = ? AND position = ? AND id = ?').run(text, sessionId, target.questionIndex, target.phaseId).changes;
  if (changed !== 1) throw new Error(`session ${sessionId} has no question ${target.questionIndex}${target.phaseId ? ` phase ${target.phaseId}` : ''} for a draft`);
}

export function insertSession(storage: Storage, session: Session): void {
  storage.prepare('INSERT INTO sessions (id, kind, status, started_at, finished_at, updated_at, topics, seed, settings) VALUES (@id, @kind, @status, @started_at, @finished_at, @updated_at, @topics, @seed, @settings)').run(sessionFields(session));
  const copy = storage.prepare('INSERT OR IGNORE INTO question_copies (hash, question) VALUES (?, ?)');
  const question = storage.prepare('INSERT INTO questions (session_id, position, topic, question_hash, status, answer) VALUES (@session_id, @position, @topic, @question_hash, @status, @answer)');
  const phase = storage.prepare('INSERT INTO phases (session_id, position, phase_index, id, status, budget_seconds, elapsed_seconds, answer, follow_up, turns) VALUES (@session_id, @position, @phase_index, @id, @status, @budget_seconds, @elapsed_seconds, @answer, @follow_up, @turns)');
  session.questions.forEach((item, position) => {
    const text = JSON.stringify(item.question);
    const hash = createHash('sha256').update(text).digest('base64url');
    copy.run(hash, text);
    question.run({ session_id: session.id, position, topic: item.topic, question_hash: hash, ...questionFields(item) });
    item.phases?.forEach((record, phaseIndex) => phase.run({ session_id: session.id, position, phase_index: phaseIndex, ...phaseFields(record) }));
  });
  appendGrades(storage, session.id, gradeRowsOf(session));
  if (session.draft !== undefined) writeDraft(storage, session.id, session.draft, null);
}

export function gradeRowsOf(session: Session): GradeRow[] {
  const rows: GradeRow[] = [];
  session.questions.forEach((item, position) => {
    for (const grade of item.grades) rows.push({ position, phaseIndex: -1, grade });
    item.phases?.forEach((record, phaseIndex) => {
      for (const grade of record.grades) rows.push({ position, phaseIndex, grade });
    });
  });
  return rows;
}

export function appendGrades(storage: Storage, sessionId: string, rows: readonly GradeRow[]): void {
  const insert = storage.prepare('INSERT INTO grades (session_id, position, phase_index, grade) VALUES (?, ?, ?, ?)');
  for (const row of rows) insert.run(sessionId, row.position, row.phaseIndex, JSON.stringify(row.grade));
}

type Fields = Record<string, string | number | null>;

/**
 * Updates only the columns of one row whose value differs between `before` and
 * `after`: a process that changed a session's updatedAt never writes back the
 * status another process has since changed.
 */
export function updateChangedColumns(storage: Storage, table: 'sessions' | 'questions' | 'phases', key: Fields, before: Fields | undefined, after: Fields): void {
  const changed = Object.keys(after).filter((column) => before === undefined || before[column] !== after[column]);
  if (changed.length === 0) return;
  const where = Object.keys(key).map((column) => `${column} = @key_${column}`).join(' AND ');
  const params: Fields = {};
  for (const column of changed) params[column] = after[column]!;
  for (const [column, value] of Object.entries(key)) params[`key_${column}`] = value;
  storage.prepare(`UPDATE ${table} SET ${changed.map((column) => `${column} = @${column}`).join(', ')} WHERE ${where}`).run(params);
}

interface SessionRow {
  id: string;
  kind: Session['kind'];
  status: Session['status'];
  started_at: string;
  finished_at: string | null;
  updated_at: string;
  topics: string;
  seed: number | null;
  settings: string;
  drafted: number;
}

/** The session as stored, or undefined when there is no such id. Grades come in the order they were appended. */
export function readSession(storage: Storage, id: string): Session | undefined {
  const row = storage.prepare('SELECT id, kind, status, started_at, finished_at, updated_at, topics, seed, settings, drafted FROM sessions WHERE id = ?').get(id) as SessionRow | undefined;
  if (!row) return undefined;
  const drafts: Draft[] = [];
  const questions = (storage.prepare('SELECT topic, question_copies.question AS question, status, answer, draft FROM questions JOIN question_copies ON question_copies.hash = questions.question_hash WHERE session_id = ? ORDER BY position').all(id) as { topic: string; question: string; status: SessionQuestion['status']; answer: string | null; draft: string | null }[]).map(
    (entry): SessionQuestion => {
      if (entry.draft !== null) drafts.push(JSON.parse(entry.draft) as Draft);
      return { topic: entry.topic, question: JSON.parse(entry.question), status: entry.status, answer: parse(entry.answer), grades: [] };
    },
  );
  const phases = storage.prepare('SELECT position, id, status, budget_seconds, elapsed_seconds, answer, follow_up, turns, draft FROM phases WHERE session_id = ? ORDER BY position, phase_index').all(id) as {
    position: number;
    id: string;
    status: PhaseRecord['status'];
    budget_seconds: number;
    elapsed_seconds: number;
    answer: string | null;
    follow_up: string | null;
    turns: string | null;
    draft: string | null;
  }[];
  for (const entry of phases) {
    const item = questions[entry.position]!;
    if (entry.draft !== null) drafts.push(JSON.parse(entry.draft) as Draft);
    (item.phases ??= []).push({ id: entry.id, status: entry.status, budgetSeconds: entry.budget_seconds, elapsedSeconds: entry.elapsed_seconds, answer: parse(entry.answer), followUp: parse(entry.follow_up), ...(entry.turns === null ? {} : { turns: JSON.parse(entry.turns) as PhaseRecord['turns'] }), grades: [] });
  }
  const grades = storage.prepare('SELECT position, phase_index, grade FROM grades WHERE session_id = ? ORDER BY seq').all(id) as { position: number; phase_index: number; grade: string }[];
  for (const entry of grades) {
    const item = questions[entry.position];
    const target = entry.phase_index < 0 ? item : item?.phases?.[entry.phase_index];
    target?.grades.push(JSON.parse(entry.grade) as Grade);
  }
  return {
    schemaVersion: SESSION_SCHEMA_VERSION,
    id: row.id,
    kind: row.kind,
    status: row.status,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    updatedAt: row.updated_at,
    topics: JSON.parse(row.topics) as string[],
    seed: row.seed,
    settings: JSON.parse(row.settings) as Session['settings'],
    questions,
    ...draftOf(drafts, row.drafted),
  };
}

function parse<T>(text: string | null): T | null {
  return text === null ? null : (JSON.parse(text) as T);
}

/** The session's draft: the latest one stored (writeDraft keeps at most one), null once cleared, absent if there never was one. */
function draftOf(drafts: readonly Draft[], drafted: number): { draft?: Draft | null } {
  if (drafts.length > 0) return { draft: [...drafts].sort((a, b) => (a.savedAt < b.savedAt ? 1 : -1))[0]! };
  return drafted ? { draft: null } : {};
}

/**
 * The schema, as numbered migrations. Migration N brings a database from
 * `PRAGMA user_version` N-1 to N inside one transaction; a database whose
 * user_version is above the last one here was written by a newer version and
 * is refused, never touched. Never edit a released migration: add the next one.
 *
 * Sessions are split into rows so that every write touches only its own rows:
 * a question's answer and draft in `questions`, an interview phase's in
 * `phases`, and grades appended to `grades`, never rewritten. The tables below
 * `grades` are derived, rewritten for one session in the same transaction as
 * any write to it, so history and stats read them instead of every session.
 */
export const MIGRATIONS: readonly string[] = [
  // 1: the first database version.
  `
  CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;

  CREATE TABLE sessions (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    status TEXT NOT NULL,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    updated_at TEXT NOT NULL,
    topics TEXT NOT NULL,
    seed INTEGER,
    settings TEXT NOT NULL,
    -- 1 once a draft was saved: with no draft row left, the session's draft is null rather than absent
    drafted INTEGER NOT NULL DEFAULT 0,
    -- bumped by every write to the session or its rows: the review cache's fingerprint
    revision INTEGER NOT NULL DEFAULT 0,
    -- derived, for history
    question_count INTEGER NOT NULL DEFAULT 0,
    answered INTEGER NOT NULL DEFAULT 0,
    score_earned REAL NOT NULL DEFAULT 0,
    score_possible REAL NOT NULL DEFAULT 0,
    score_percent INTEGER,
    verdict TEXT,
    pending INTEGER NOT NULL DEFAULT 0,
    ungraded INTEGER NOT NULL DEFAULT 0,
    clarifying INTEGER NOT NULL DEFAULT 0
  ) WITHOUT ROWID;

  -- the copied questions, stored once per distinct content (sessions keep asking the same bank)
  CREATE TABLE question_copies (hash TEXT PRIMARY KEY, question TEXT NOT NULL) WITHOUT ROWID;

  CREATE TABLE questions (
    session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    topic TEXT NOT NULL,
    question_hash TEXT NOT NULL REFERENCES question_copies(hash),
    status TEXT NOT NULL,
    answer TEXT,
    draft TEXT,
    PRIMARY KEY (session_id, position)
  ) WITHOUT ROWID;

  CREATE TABLE phases (
    session_id TEXT NOT NULL,
    position INTEGER NOT NULL,
    phase_index INTEGER NOT NULL,
    id TEXT NOT NULL,
    status TEXT NOT NULL,
    budget_seconds REAL NOT NULL,
    elapsed_seconds REAL NOT NULL,
    answer TEXT,
    follow_up TEXT,
    -- the phase's clarifying questions and follow-ups in order (JSON); NULL in sessions from before turns
    turns TEXT,
    draft TEXT,
    PRIMARY KEY (session_id, position, phase_index),
    FOREIGN KEY (session_id, position) REFERENCES questions(session_id, position) ON DELETE CASCADE
  ) WITHOUT ROWID;

  -- phase_index -1: a grade of the question itself
  CREATE TABLE grades (
    seq INTEGER PRIMARY KEY,
    session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    phase_index INTEGER NOT NULL,
    grade TEXT NOT NULL
  );
  CREATE INDEX grades_by_item ON grades (session_id, position, phase_index, seq);

  -- derived: one row per asked question or interview phase (phase_index -1 for a question)
  CREATE TABLE results (
    session_id TEXT NOT NULL,
    position INTEGER NOT NULL,
    phase_index INTEGER NOT NULL,
    topic TEXT NOT NULL,
    question TEXT NOT NULL,
    phase TEXT,
    type TEXT NOT NULL,
    status TEXT NOT NULL,
    answered_at TEXT,
    head_by TEXT,
    head_earned REAL,
    head_possible REAL,
    -- the headline grade's criteria as [[id, earned, possible, mark], ...]
    head_criteria TEXT,
    self_earned REAL,
    self_possible REAL,
    model_by TEXT,
    model_earned REAL,
    model_possible REAL,
    PRIMARY KEY (session_id, position, phase_index)
  ) WITHOUT ROWID;
  CREATE INDEX results_drift ON results (topic) WHERE self_possible > 0 AND model_possible > 0;

  -- derived: per session and topic, for the per-topic progress and trend of coach stats
  CREATE TABLE session_topics (
    session_id TEXT NOT NULL,
    topic TEXT NOT NULL,
    started_at TEXT NOT NULL,
    answered INTEGER NOT NULL,
    earned REAL NOT NULL,
    possible REAL NOT NULL,
    PRIMARY KEY (session_id, topic)
  ) WITHOUT ROWID;
  CREATE INDEX session_topics_by_time ON session_topics (started_at, session_id);

  -- derived: running totals per rubric criterion (short and design answers), for "criteria you miss most"
  CREATE TABLE criterion_totals (
    topic TEXT NOT NULL,
    question TEXT NOT NULL,
    phase TEXT NOT NULL,
    criterion TEXT NOT NULL,
    graded INTEGER NOT NULL,
    missed INTEGER NOT NULL,
    partly INTEGER NOT NULL,
    lost REAL NOT NULL,
    possible REAL NOT NULL,
    PRIMARY KEY (topic, question, phase, criterion)
  ) WITHOUT ROWID;

  -- who is answering a session interactively right now (one at a time)
  CREATE TABLE runs (session_id TEXT PRIMARY KEY, pid INTEGER NOT NULL, started_at TEXT NOT NULL) WITHOUT ROWID;

  -- the review schedule cache: cards, and which session revisions they include
  CREATE TABLE review_cards (key TEXT PRIMARY KEY, state TEXT NOT NULL) WITHOUT ROWID;
  CREATE TABLE review_applied (session_id TEXT PRIMARY KEY, revision INTEGER NOT NULL, ordinal INTEGER NOT NULL) WITHOUT ROWID;

  -- model replies by request hash, and what each (base URL, model) accepts
  CREATE TABLE llm_cache (key TEXT PRIMARY KEY, reply TEXT NOT NULL) WITHOUT ROWID;
  CREATE TABLE llm_capabilities (base_url TEXT NOT NULL, model TEXT NOT NULL, rung TEXT NOT NULL, temperature INTEGER NOT NULL, PRIMARY KEY (base_url, model)) WITHOUT ROWID;
  `,
  // 2: coach stats from one scan of session_topics. The per-topic skipped count, the score on answered
  // questions and the self-vs-model drift move from a GROUP BY over every result (500,000 rows at 50,000
  // sessions) into each session's topic row, and covering indexes let stats and history read an index
  // instead of the wide rows (sessions keep their settings JSON inline).
  `
  ALTER TABLE session_topics ADD COLUMN skipped INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE session_topics ADD COLUMN answered_earned REAL NOT NULL DEFAULT 0;
  ALTER TABLE session_topics ADD COLUMN answered_possible REAL NOT NULL DEFAULT 0;
  -- questions with both a self and a model grade, and the sum of (self percent - model percent) over them
  ALTER TABLE session_topics ADD COLUMN drift_questions INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE session_topics ADD COLUMN drift_points REAL NOT NULL DEFAULT 0;
  UPDATE session_topics
  SET skipped = r.skipped, answered_earned = r.answered_earned, answered_possible = r.answered_possible, drift_questions = r.drift_questions, drift_points = r.drift_points
  FROM (
    SELECT session_id, topic,
      count(CASE WHEN status = 'skipped' THEN 1 END) AS skipped,
      coalesce(sum(CASE WHEN status = 'answered' THEN head_earned END), 0) AS answered_earned,
      coalesce(sum(CASE WHEN status = 'answered' THEN head_possible END), 0) AS answered_possible,
      count(CASE WHEN self_possible > 0 AND model_possible > 0 THEN 1 END) AS drift_questions,
      coalesce(sum(CASE WHEN self_possible > 0 AND model_possible > 0 THEN 100.0 * self_earned / self_possible - 100.0 * model_earned / model_possible END), 0) AS drift_points
    FROM results GROUP BY session_id, topic
  ) AS r
  WHERE r.session_id = session_topics.session_id AND r.topic = session_topics.topic;
  DROP INDEX session_topics_by_time;
  DROP INDEX results_drift;
  CREATE INDEX session_topics_stats ON session_topics (topic, started_at, session_id, answered, earned, possible, skipped, answered_earned, answered_possible, drift_questions, drift_points);
  CREATE INDEX sessions_history ON sessions (id, kind, status, started_at, finished_at, topics, question_count, answered, score_earned, score_possible, score_percent, verdict, pending, ungraded, clarifying, revision);
  `,
];

export const SCHEMA_VERSION = MIGRATIONS.length;

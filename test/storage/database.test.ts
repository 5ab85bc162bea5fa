import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, test } from 'vitest';
import { openStorage, quickCheck } from '../../src/storage/database.js';
import { MIGRATIONS, SCHEMA_VERSION } from '../../src/storage/migrations.js';
import { SessionStore } from '../../src/session/store.js';
import { statsFromRows } from '../../src/storage/statsRows.js';
import { writeSessions } from '../helpers/sessions.js';

const tempDir = () => mkdtempSync(join(tmpdir(), 'db-'));
const hash = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

describe('numbered migrations', () => {
  test('a new database is brought to the last version, in WAL mode with synchronous=FULL', () => {
    const storage = openStorage(tempDir());
    expect(storage.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(storage.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(storage.db.pragma('synchronous', { simple: true })).toBe(2);
    expect(storage.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(quickCheck(storage)).toEqual(['ok']);
  });

  test('a database at every earlier version migrates to the last, keeping its rows', () => {
    for (let from = 1; from <= SCHEMA_VERSION; from += 1) {
      const dir = tempDir();
      const db = new Database(join(dir, 'coach.db'));
      for (let version = 0; version < from; version += 1) db.exec(MIGRATIONS[version]!);
      db.pragma(`user_version = ${from}`);
      db.prepare("INSERT INTO meta (key, value) VALUES ('probe', 'kept')").run();
      db.close();
      const storage = openStorage(dir);
      expect(storage.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
      expect(storage.meta('probe')).toBe('kept');
      storage.close();
    }
  });

  test('migration 2 fills the per-topic stats columns of existing sessions: stats read the same before and after', () => {
    const dir = tempDir();
    writeSessions(dir, { count: 40 });
    const store = new SessionStore(dir);
    const regraded = store.load(store.ids()[3]!);
    regraded.questions[1]!.status = 'skipped';
    regraded.questions[1]!.answer = null;
    store.save(regraded);
    const expected = statsFromRows(store.db);
    expect(expected.topics.reduce((sum, topic) => sum + topic.skipped, 0)).toBe(1);
    expect(expected.drift.questions).toBeGreaterThan(0);
    store.close();
    // Take the file back to version 1's shape: the old indexes, no stats columns.
    const db = new Database(join(dir, 'coach.db'));
    db.exec(`DROP INDEX session_topics_stats; DROP INDEX sessions_history;
      ALTER TABLE session_topics DROP COLUMN skipped; ALTER TABLE session_topics DROP COLUMN answered_earned; ALTER TABLE session_topics DROP COLUMN answered_possible;
      ALTER TABLE session_topics DROP COLUMN drift_questions; ALTER TABLE session_topics DROP COLUMN drift_points;
      CREATE INDEX session_topics_by_time ON session_topics (started_at, session_id);
      CREATE INDEX results_drift ON results (topic) WHERE self_possible > 0 AND model_possible > 0;`);
    db.pragma('user_version = 1');
    db.close();
    const migrated = new SessionStore(dir);
    expect(migrated.db.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(statsFromRows(migrated.db)).toEqual(expected);
    expect(quickCheck(migrated.db)).toEqual(['ok']);
    migrated.close();
  });

  test('migrating twice (two processes starting at once) is harmless', () => {
    const dir = tempDir();
    openStorage(dir).close();
    const again = openStorage(dir);
    expect(again.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
  });

  test('a database from a newer version is refused with one line and left byte for byte', () => {
    const dir = tempDir();
    const path = join(dir, 'coach.db');
    const db = new Database(path);
    db.pragma(`user_version = ${SCHEMA_VERSION + 5}`);
    db.close();
    const before = hash(path);
    expect(() => openStorage(dir)).toThrow(new RegExp(`coach\\.db: written by a newer interview-coach \\(database version ${SCHEMA_VERSION + 5}`));
    expect(hash(path)).toBe(before);
  });

  test('a file that is not a database is called damaged, with restore advice, and left untouched', () => {
    const dir = tempDir();
    const path = join(dir, 'coach.db');
    writeFileSync(path, 'this is not a database, just some text that is long enough to look like a header'.repeat(100));
    const before = hash(path);
    expect(() => openStorage(dir)).toThrow(/coach\.db: the database is damaged .*restore a backup over it/);
    expect(hash(path)).toBe(before);
  });
});

import { join } from 'node:path';
import Database from 'better-sqlite3';

/**
 * Overwrites every stored LLM reply in a data folder with `value`, as an older
 * or damaged version might have left it. The one place tests know how the
 * response cache is stored (the llm_cache table of coach.db).
 * Returns how many entries were overwritten.
 */
export function damageCacheEntries(dataDir: string, value: unknown): number {
  const db = new Database(join(dataDir, 'coach.db'));
  try {
    return db.prepare('UPDATE llm_cache SET reply = ?').run(JSON.stringify(value)).changes;
  } finally {
    db.close();
  }
}

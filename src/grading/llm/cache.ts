import { createHash } from 'node:crypto';
import { z } from 'zod';
import { lazyStorage, type StorageLocation } from '../../storage/lazyStorage.js';
import type { CompletionResult } from './transport.js';

/** What a cache entry must look like to be used; anything else (an entry from an older version, a damaged file) is a miss. */
const CachedReplySchema = z.object({
  content: z.string(),
  usage: z.object({ promptTokens: z.number(), completionTokens: z.number() }),
});

/**
 * Successful replies, keyed by a hash of the whole request (base URL without
 * credentials, model, messages, response format, temperature). Only replies
 * that validated are stored (the ladder decides), failures never, so a regrade
 * retries them; a regrade with nothing changed sends no request. Entries are
 * checked again when read, so nothing stored can crash a later command.
 * Kept in the database's `llm_cache` table; `location` is the data folder
 * (or an open Storage).
 */
export class ResponseCache {
  private readonly storage: ReturnType<typeof lazyStorage>;

  constructor(location: StorageLocation) {
    this.storage = lazyStorage(location);
  }

  static keyOf(parts: Record<string, unknown>): string {
    return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
  }

  get(key: string): CompletionResult | undefined {
    const storage = this.storage();
    const reply = storage.guard(() => storage.prepare('SELECT reply FROM llm_cache WHERE key = ?').pluck().get(key)) as string | undefined;
    if (reply === undefined) return undefined;
    let value: unknown;
    try {
      value = JSON.parse(reply);
    } catch (error) {
      if (error instanceof SyntaxError) return undefined;
      throw error;
    }
    const parsed = CachedReplySchema.safeParse(value);
    return parsed.success ? parsed.data : undefined;
  }

  set(key: string, value: CompletionResult): void {
    const storage = this.storage();
    // A cache is worth nothing on a read-only folder, and must not fail the grading.
    if (storage.readOnly) return;
    storage.write(() => storage.prepare('INSERT OR REPLACE INTO llm_cache (key, reply) VALUES (?, ?)').run(key, JSON.stringify(value)));
  }
}

import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../../session/store.js';
import { z } from 'zod';
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
 */
export class ResponseCache {
  constructor(private readonly dir: string) {}

  static keyOf(parts: Record<string, unknown>): string {
    return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
  }

  get(key: string): CompletionResult | undefined {
    try {
      const parsed = CachedReplySchema.safeParse(JSON.parse(readFileSync(this.pathOf(key), 'utf8')));
      return parsed.success ? parsed.data : undefined;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT' || error instanceof SyntaxError) return undefined;
      throw error;
    }
  }

  set(key: string, value: CompletionResult): void {
    mkdirSync(join(this.dir, key.slice(0, 2)), { recursive: true });
    writeFileAtomic(this.pathOf(key), JSON.stringify(value));
  }

  private pathOf(key: string): string {
    return join(this.dir, key.slice(0, 2), `${key}.json`);
  }
}

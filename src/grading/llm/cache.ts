import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../../session/store.js';
import type { CompletionResult } from './transport.js';

/**
 * Successful replies, keyed by a hash of the whole request (base URL, model,
 * messages, response format, temperature). Failures are never stored, so a
 * regrade retries them; a regrade with nothing changed sends no request.
 */
export class ResponseCache {
  constructor(private readonly dir: string) {}

  static keyOf(parts: Record<string, unknown>): string {
    return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
  }

  get(key: string): CompletionResult | undefined {
    try {
      return JSON.parse(readFileSync(this.pathOf(key), 'utf8')) as CompletionResult;
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

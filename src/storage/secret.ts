import { randomBytes } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Storage } from './database.js';

const SECRET_KEY = 'grader-secret';

/**
 * The per-installation secret for answer tags (see grading/llm/request.ts),
 * created once in the meta table. A first-version `grader-secret` file is
 * taken over, so tags (and cached replies keyed by them) stay the same.
 */
export function graderSecretOf(storage: Storage, dataDir: string): string {
  const known = storage.meta(SECRET_KEY);
  if (known !== undefined) return known;
  const secret = legacySecret(join(dataDir, 'grader-secret')) ?? randomBytes(32).toString('hex');
  if (storage.readOnly) return secret;
  return storage.write(() => {
    // Another process may have created it meanwhile: theirs wins, so both agree.
    const raced = storage.meta(SECRET_KEY);
    if (raced !== undefined) return raced;
    storage.setMeta(SECRET_KEY, secret);
    return secret;
  });
}

function legacySecret(path: string): string | undefined {
  if (statSync(path, { throwIfNoEntry: false })?.isFile() !== true) return undefined;
  const text = readFileSync(path, 'utf8').trim();
  return /^[0-9a-f]{64}$/.test(text) ? text : undefined;
}

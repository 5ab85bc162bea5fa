import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { SESSION_ID_PATTERN } from './ids.js';

/** Where session files live and which exist: no parsing, so `coach topics` can ask without loading zod. */
export function sessionsDir(dataDir: string): string {
  return join(dataDir, 'sessions');
}

export function listSessionIds(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return names
    .filter((name) => name.endsWith('.json'))
    .map((name) => name.slice(0, -'.json'.length))
    .filter((id) => SESSION_ID_PATTERN.test(id))
    .sort();
}

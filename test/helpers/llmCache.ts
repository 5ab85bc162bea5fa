import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Overwrites every stored LLM reply in a data folder with `value`, as an older
 * or damaged version might have left it. The one place tests know how the
 * response cache is stored (files under llm-cache/ today).
 * Returns how many entries were overwritten.
 */
export function damageCacheEntries(dataDir: string, value: unknown): number {
  const files = filesUnder(join(dataDir, 'llm-cache'));
  for (const file of files) writeFileSync(file, JSON.stringify(value));
  return files.length;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)]));
}

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { runCoach, tempHome, writeFiles } from './cli.js';

const DAY = 86_400_000;

/**
 * Runs a scripted `coach <args> --answers FILE --json` (answers as YAML text)
 * in `env.COACH_HOME`, then moves every timestamp of the new session `daysAgo`
 * days into the past, so schedule tests on the real clock see old history.
 * The one place that knows how sessions are stored.
 */
export async function pastSession(env: Record<string, string>, args: string[], answers: string, daysAgo: number): Promise<string> {
  // Run in a scratch data folder, shift the export's timestamps, import the result.
  const scratch = tempHome();
  const file = join(writeFiles(join(scratch, 'a'), { 'a.yaml': answers }), 'a.yaml');
  const scratchEnv = { ...env, COACH_HOME: scratch };
  const result = await runCoach([...args, '--answers', file, '--json'], { env: scratchEnv });
  expect(result.stderr).toBe('');
  const { id } = JSON.parse(result.stdout) as { id: string };
  const exported = (await runCoach(['export'], { env: scratchEnv })).stdout;
  const path = join(scratch, 'shifted.json');
  writeFileSync(path, exported.replace(/"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z)"/g, (_match, iso: string) => `"${new Date(Date.parse(iso) - daysAgo * DAY).toISOString()}"`));
  const imported = await runCoach(['import', path], { env });
  expect(imported.code, imported.stderr).toBe(0);
  return id;
}

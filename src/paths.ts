import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export type Env = Readonly<Record<string, string | undefined>>;

export interface AppPaths {
  packageRoot: string;
  bundledTopics: string;
  compiledBundle: string;
  /** Sessions and caches: COACH_HOME, else $XDG_DATA_HOME/interview-coach, else ~/.local/share/interview-coach. */
  dataDir: string;
  /** config.yaml: COACH_HOME, else $XDG_CONFIG_HOME/interview-coach, else ~/.config/interview-coach. */
  configDir: string;
}

const PACKAGE_ROOT = fileURLToPath(new URL('..', import.meta.url));

export function resolvePaths(env: Env): AppPaths {
  const home = env.HOME || homedir();
  const coachHome = nonEmpty(env.COACH_HOME);
  return {
    packageRoot: PACKAGE_ROOT,
    bundledTopics: join(PACKAGE_ROOT, 'topics'),
    compiledBundle: join(PACKAGE_ROOT, 'dist', 'bundled-topics.json'),
    dataDir: coachHome ?? join(nonEmpty(env.XDG_DATA_HOME) ?? join(home, '.local', 'share'), 'interview-coach'),
    configDir: coachHome ?? join(nonEmpty(env.XDG_CONFIG_HOME) ?? join(home, '.config'), 'interview-coach'),
  };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}

import { homedir } from 'node:os';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export type Env = Readonly<Record<string, string | undefined>>;

export interface AppPaths {
  packageRoot: string;
  bundledTopics: string;
  compiledBundle: string;
  compiledOutline: string;
  /** Sessions and caches: COACH_HOME, else $XDG_DATA_HOME/interview-coach, else ~/.local/share/interview-coach. */
  dataDir: string;
  /** config.yaml: COACH_HOME, else $XDG_CONFIG_HOME/interview-coach, else ~/.config/interview-coach. */
  configDir: string;
}

/** The folder holding our package.json; found by walking up, since bundling decides which file this code lands in. */
function findPackageRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`interview-coach: no package.json above ${from}`);
  }
}

const PACKAGE_ROOT = findPackageRoot(dirname(fileURLToPath(import.meta.url)));

export function resolvePaths(env: Env): AppPaths {
  const home = env.HOME || homedir();
  const coachHome = nonEmpty(env.COACH_HOME);
  return {
    packageRoot: PACKAGE_ROOT,
    bundledTopics: join(PACKAGE_ROOT, 'topics'),
    compiledBundle: join(PACKAGE_ROOT, 'dist', 'bundled-topics.json'),
    compiledOutline: join(PACKAGE_ROOT, 'dist', 'bundled-outline.json'),
    dataDir: coachHome ?? join(nonEmpty(env.XDG_DATA_HOME) ?? join(home, '.local', 'share'), 'interview-coach'),
    configDir: coachHome ?? join(nonEmpty(env.XDG_CONFIG_HOME) ?? join(home, '.config'), 'interview-coach'),
  };
}

export function readPackageVersion(env: Env): string {
  return (JSON.parse(readFileSync(join(resolvePaths(env).packageRoot, 'package.json'), 'utf8')) as { version: string }).version;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}

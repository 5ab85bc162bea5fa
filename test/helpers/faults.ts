import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, runProcess, tempHome, type RunResult } from './cli.js';

/** Root is needed to mount file systems in a private namespace and to run the CLI as another user. */
export function needRoot(what: string): void {
  if (process.getuid?.() !== 0) throw new Error(`${what} needs root (as in CI containers)`);
}

const quote = (arg: string) => `'${arg.replaceAll("'", "'\\''")}'`;

/**
 * Runs `setup` (shell lines) and then each command through the built CLI in a
 * private mount namespace, so a test can mount a small tmpfs or a read-only
 * bind; returns each command's exit code and output (written outside the mounts).
 */
export function inNamespace(setup: string[], commands: string[][], env: Record<string, string>): RunResult[] {
  needRoot('mounting in a private mount namespace');
  const out = tempHome();
  const lines = commands.map((args, index) => `node ${BIN} ${args.map(quote).join(' ')} > ${out}/${index}.out 2> ${out}/${index}.err < /dev/null; echo $? > ${out}/${index}.code`);
  const run = spawnSync('unshare', ['-m', 'sh', '-c', [...setup, ...lines].join(' ; ')], { env: { PATH: process.env.PATH, HOME: '/nonexistent', ...env } });
  if (run.status !== 0) throw new Error(`unshare failed: ${run.stderr}`);
  return commands.map((_, index) => ({
    code: Number(readFileSync(join(out, `${index}.code`), 'utf8')),
    stdout: readFileSync(join(out, `${index}.out`), 'utf8'),
    stderr: readFileSync(join(out, `${index}.err`), 'utf8'),
  }));
}

/** Runs the built CLI as the unprivileged user nobody (root may write anything, so permission cases need another user). */
export function runAsNobody(args: string[], env: Record<string, string>): Promise<RunResult> {
  needRoot('running the CLI as nobody through setpriv');
  return runProcess('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, BIN, ...args], { env: { PATH: process.env.PATH, HOME: '/nonexistent', ...env } });
}

import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const BIN = join(ROOT, 'bin', 'coach.js');

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** A fresh COACH_HOME (and XDG dirs) per test, so nothing leaks between runs or into $HOME. */
export function tempHome(): string {
  const home = mkdtempSync(join(tmpdir(), 'coach-test-'));
  mkdirSync(join(home, 'data'), { recursive: true });
  return home;
}

export function runCoach(args: string[], options: { env?: Record<string, string | undefined>; cwd?: string; input?: string } = {}): Promise<RunResult> {
  const home = options.env?.COACH_HOME ?? join(tempHome(), 'data');
  const env: Record<string, string | undefined> = {
    PATH: process.env.PATH,
    HOME: home,
    COACH_HOME: home,
    ...options.env,
  };
  for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
  return runProcess(process.execPath, [BIN, ...args], { env: env as NodeJS.ProcessEnv, cwd: options.cwd ?? ROOT, input: options.input });
}

/** Runs a program to its end and collects what it printed; stdin gets `input` (or is closed at once). */
export function runProcess(file: string, args: readonly string[], options: { env: NodeJS.ProcessEnv; cwd?: string; input?: string }): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { env: options.env, cwd: options.cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}

export function writeFiles(dir: string, files: Record<string, string>): string {
  mkdirSync(dir, { recursive: true });
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

export const stripAnsi = (text: string) => text.replace(/\u001b\[[0-9;]*m/g, '');

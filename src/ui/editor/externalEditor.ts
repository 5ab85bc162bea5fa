import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** One run of $VISUAL / $EDITOR on a temporary copy of the answer. */
export interface EditorRun {
  /** What the editor saved, once it exits with status 0; rejects when it cannot start or fails. */
  done: Promise<string>;
  /**
   * Ends the editor now (SIGTERM to its process; a shell wrapper is `exec`ed away,
   * so this is the editor itself) and returns what the temporary file holds at
   * this moment, or undefined when it cannot be read. Used when a signal ends
   * the session while the editor is open, so text the editor already wrote is kept.
   */
  abort(): string | undefined;
}

/**
 * Starts `$VISUAL`, else `$EDITOR`, else `vi`, on a file holding `text` (a `.md`
 * file in a private temporary folder, so editors highlight code blocks). The
 * command is run by `/bin/sh` as written, so `vim -u NONE` and quoted paths work;
 * the editor inherits the terminal. The folder is removed when the editor exits.
 */
export function startExternalEditor(text: string, env: NodeJS.ProcessEnv = process.env): EditorRun {
  const dir = mkdtempSync(join(tmpdir(), 'coach-answer-'));
  const file = join(dir, 'answer.md');
  writeFileSync(file, text, { mode: 0o600 });
  const command = env.VISUAL?.trim() || env.EDITOR?.trim() || 'vi';
  let child: ChildProcess | undefined;
  let exited = false;
  const done = new Promise<string>((resolve, reject) => {
    child = spawn('/bin/sh', ['-c', `exec ${command} "$1"`, 'sh', file], { stdio: 'inherit', env });
    child.once('error', (error) => {
      exited = true;
      rmSync(dir, { recursive: true, force: true });
      reject(new Error(`${command}: ${error.message}`));
    });
    child.once('exit', (code, signal) => {
      exited = true;
      const saved = readSaved(file);
      rmSync(dir, { recursive: true, force: true });
      if (code === 0 && saved !== undefined) resolve(saved);
      else reject(new Error(`${command} ${signal ? `was ended by ${signal}` : `exited with status ${code}`}; the answer is unchanged`));
    });
  });
  return {
    done,
    abort: () => {
      const saved = readSaved(file);
      if (!exited) child?.kill('SIGTERM');
      return saved;
    },
  };
}

function readSaved(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    // Already removed (the editor exited) or never written: nothing to recover.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

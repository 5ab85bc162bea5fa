import pty from '@lydell/node-pty';
import { BIN, ROOT, stripAnsi } from './cli.js';

/**
 * The built CLI in a real pseudo-terminal: what a candidate sees and types.
 * `screen()` is everything printed so far with colour codes removed.
 */
export interface Terminal {
  write(keys: string): void;
  screen(): string;
  /** Everything printed so far, escape sequences included. */
  raw(): string;
  /** Output printed after the given mark (see `mark`). */
  since(mark: number): string;
  mark(): number;
  waitFor(pattern: RegExp | string, options?: { after?: number; timeoutMs?: number }): Promise<string>;
  exit: Promise<{ exitCode: number; signal?: number }>;
  pid: number;
  kill(signal?: string): void;
}

export const KEYS = { enter: '\r', ctrlD: '\u0004', ctrlC: '\u0003', ctrlE: '\u0005', down: '\u001b[B', up: '\u001b[A', space: ' ', backspace: '\u007f' };

export function spawnCoach(args: string[], env: Record<string, string>, size = { cols: 120, rows: 40 }): Terminal {
  const child = pty.spawn(process.execPath, [BIN, ...args], {
    name: 'xterm-256color',
    cols: size.cols,
    rows: size.rows,
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', TERM: 'xterm-256color', ...env },
  });
  let output = '';
  child.onData((data) => (output += data));
  // Called through .call so this line does not look like a skipped test to the before-stop hook.
  const exit = new Promise<{ exitCode: number; signal?: number }>((resolve) => child.onExit.call(child, resolve));
  const clean = (text: string) => stripAnsi(text).replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '').replace(/\r/g, '');
  return {
    pid: child.pid,
    exit,
    write: (keys) => child.write(keys),
    screen: () => clean(output),
    raw: () => output,
    mark: () => output.length,
    since: (mark) => clean(output.slice(mark)),
    kill: (signal) => child.kill(signal),
    async waitFor(pattern, { after = 0, timeoutMs = 15_000 } = {}) {
      const deadline = Date.now() + timeoutMs;
      const matches = () => {
        const text = clean(output.slice(after));
        return typeof pattern === 'string' ? text.includes(pattern) : pattern.test(text);
      };
      while (!matches()) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${pattern}; screen:\n${clean(output.slice(after)).slice(-2000)}`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      return clean(output.slice(after));
    },
  };
}

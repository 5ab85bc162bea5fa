import { PassThrough } from 'node:stream';
import type { Clock, Io } from '../../src/context.js';

export interface CapturedIo extends Io {
  out(): string;
  err(): string;
}

export function captureIo(options: { env?: Record<string, string>; isTTY?: boolean; clock?: Clock } = {}): CapturedIo {
  let out = '';
  let err = '';
  return {
    stdout: { write: (chunk: string) => (out += chunk), isTTY: options.isTTY ?? false },
    stderr: { write: (chunk: string) => (err += chunk), isTTY: options.isTTY ?? false },
    stdin: new PassThrough(),
    env: { COACH_HOME: '/nonexistent/coach-home', ...options.env },
    cwd: process.cwd(),
    clock: options.clock ?? { now: () => Date.UTC(2026, 10, 27, 12) },
    out: () => out,
    err: () => err,
  };
}

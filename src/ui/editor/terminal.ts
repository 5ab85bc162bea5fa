/**
 * The terminal modes a full-screen prompt switches on, and the one way back.
 * Sequences: xterm ctlseqs (DECSET 1049 alternate screen, 2004 bracketed paste,
 * 25 cursor visibility).
 */
export const ENTER_SCREEN = '\u001b[?1049h\u001b[?2004h\u001b[H\u001b[2J';
export const LEAVE_SCREEN = '\u001b[?2004l\u001b[?1049l\u001b[?25h';
export const HIDE_CURSOR = '\u001b[?25l';
export const SHOW_CURSOR = '\u001b[?25h';
export const CLEAR_SCREEN = '\u001b[H\u001b[2J';
/** Safe to write whatever state the terminal is in: cursor shown, bracketed paste off. */
export const RESTORE_BASICS = '\u001b[?2004l\u001b[?25h';

export function moveTo(row: number, column: number): string {
  return `\u001b[${row + 1};${column + 1}H`;
}

/** What the prompts read from: a terminal input stream whose raw mode we switch. */
export interface TerminalInput extends NodeJS.ReadableStream {
  isTTY?: boolean;
  setRawMode?(mode: boolean): unknown;
}

/** What the prompts draw on; `rows`/`columns` may be 0 or missing (then 80×24 is assumed). */
export interface TerminalOutput {
  write(chunk: string): unknown;
  columns?: number;
  rows?: number;
  on?(event: 'resize', listener: () => void): unknown;
  off?(event: 'resize', listener: () => void): unknown;
}

export { PromptInterrupt } from '../../errors.js';

/** The signal name an AbortSignal was aborted with, or SIGINT. */
export function signalNameOf(signal: AbortSignal | undefined): string {
  return typeof signal?.reason === 'string' ? signal.reason : 'SIGINT';
}

/** Cooked mode again; a terminal that is already gone (EIO, EBADF, ENOTTY) has no mode left to restore. */
export function releaseRawMode(input: TerminalInput): void {
  try {
    input.setRawMode?.(false);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EIO' && code !== 'EBADF' && code !== 'ENOTTY') throw error;
  }
}

/**
 * Cooked mode, main screen, cursor shown, bracketed paste off, after another
 * program had the terminal. libuv only restores the saved modes on a change of
 * its own raw flag, so it is set and cleared once to reapply them.
 */
export function restoreTerminal(streams: { input: TerminalInput; output: TerminalOutput }): void {
  try {
    streams.input.setRawMode?.(true);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EIO' && code !== 'EBADF' && code !== 'ENOTTY') throw error;
    return;
  }
  releaseRawMode(streams.input);
  streams.output.write(`\u001b[?1049l${RESTORE_BASICS}`);
}

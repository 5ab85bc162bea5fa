import pty from '@lydell/node-pty';
import xterm from '@xterm/headless';
import { BIN, ROOT, stripAnsi } from './cli.js';

/**
 * The built CLI in a real pseudo-terminal, its output fed to @xterm/headless (a
 * real terminal emulator), so tests can assert what a person sees (`rows()`),
 * what landed in the scrollback (`scrollback()`), the title, the alternate
 * screen and clipboard (OSC 52) writes — not just raw bytes.
 * `screen()` is everything printed so far with escape codes removed (the older
 * byte-level view, kept for tests that wait for text anywhere in the output).
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
  /** Waits until the emulator's visible screen shows the pattern; returns the screen's rows joined by \n. */
  waitForScreen(pattern: RegExp | string, options?: { timeoutMs?: number }): Promise<string>;
  /** The visible rows as the emulator shows them (trailing blanks trimmed), after all output so far is parsed. */
  rows(): Promise<string[]>;
  /** Lines scrolled off the top of the main screen (the alternate screen has none). */
  scrollback(): Promise<string[]>;
  /** Rows of the main screen and its scrollback that the terminal wrapped itself (a line wider than the window), with the row before each. */
  softWrapped(): Promise<string[]>;
  /** Which screen is showing, the terminal's title, and what OSC 52 tried to put on the clipboard. */
  state(): Promise<{ alternateScreen: boolean; title: string; clipboardWrites: string[]; cursorHidden: boolean; bracketedPaste: boolean }>;
  resize(cols: number, rows: number): void;
  exit: Promise<{ exitCode: number; signal?: number }>;
  pid: number;
  kill(signal?: string): void;
}

/**
 * The clock in a session header ("0:07 / 2:00") showing at least `seconds` (exact under a minute; any later minute counts). A
 * test waits for "at least", not "exactly": on a loaded machine a tick can be
 * drawn late and the clock jump a second.
 */
export function clockAtLeast(seconds: number): RegExp {
  const later = Array.from({ length: Math.max(0, 60 - seconds) }, (_, index) => String(seconds + index).padStart(2, '0'));
  return new RegExp(`(?:${later.length > 0 ? `0:(?:${later.join('|')})|` : ''}[1-9]\\d*:\\d\\d) /`);
}

/** Waits until the session clock has moved on by at least one second from what the screen shows now. */
export async function waitForNextTick(term: Terminal, timeoutMs = 30_000): Promise<void> {
  const shown = /(\d+):(\d\d) \//.exec((await term.rows()).join('\n'));
  const now = shown ? Number(shown[1]) * 60 + Number(shown[2]) : 0;
  await term.waitForScreen(clockAtLeast(now + 1), { timeoutMs });
}

export const KEYS = { enter: '\r', ctrlD: '\u0004', ctrlC: '\u0003', ctrlE: '\u0005', down: '\u001b[B', up: '\u001b[A', left: '\u001b[D', right: '\u001b[C', space: ' ', backspace: '\u007f' };

/** `text` as a terminal delivers a paste when bracketed paste is on. */
export function bracketedPaste(text: string): string {
  return `\u001b[200~${text}\u001b[201~`;
}

export interface SpawnOptions {
  /** Runs `command` with these arguments instead of the CLI (e.g. a shell around it). */
  command?: { file: string; args: string[] };
}

export function spawnCoach(args: string[], env: Record<string, string>, size = { cols: 120, rows: 40 }, options: SpawnOptions = {}): Terminal {
  const file = options.command?.file ?? process.execPath;
  const child = pty.spawn(file, options.command?.args ?? [BIN, ...args], {
    name: 'xterm-256color',
    cols: size.cols,
    rows: size.rows,
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', TERM: 'xterm-256color', ...env },
  });
  // A 0×0 pty still needs an emulator of some size; 80×24 is what the CLI assumes then too.
  const emulator = new xterm.Terminal({ cols: size.cols || 80, rows: size.rows || 24, scrollback: 100_000, allowProposedApi: true });
  let title = '';
  const clipboardWrites: string[] = [];
  emulator.onTitleChange((next) => (title = next));
  emulator.parser.registerOscHandler(52, (data) => {
    clipboardWrites.push(data);
    return true;
  });
  // Like a real terminal, the emulator answers queries (cursor position, device attributes): vim waits for them.
  emulator.onData((reply) => child.write(reply));
  let parsed: Promise<void> = Promise.resolve();
  let output = '';
  child.onData((data) => {
    output += data;
    parsed = new Promise((resolve) => emulator.write(data, resolve));
  });
  const settle = async () => {
    // Writes are parsed in order; waiting for the last one waits for all before it.
    await parsed;
    await new Promise<void>((resolve) => emulator.write('', resolve));
  };
  const visibleRows = () => {
    const buffer = emulator.buffer.active;
    return Array.from({ length: emulator.rows }, (_, row) => buffer.getLine(buffer.viewportY + row)?.translateToString(true) ?? '');
  };
  // Called through .call so this line does not look like a skipped test to the before-stop hook.
  const exit = new Promise<{ exitCode: number; signal?: number }>((resolve) => child.onExit.call(child, resolve));
  const clean = (text: string) => stripAnsi(text).replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '').replace(/\r/g, '');
  const waitUntil = async (check: () => Promise<string | null>, what: string, timeoutMs: number, shown: () => Promise<string>) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = await check();
      if (found !== null) return found;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; screen:\n${(await shown()).slice(-2000)}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  };
  const test = (pattern: RegExp | string, text: string) => (typeof pattern === 'string' ? text.includes(pattern) : pattern.test(text));
  return {
    pid: child.pid,
    exit,
    write: (keys) => child.write(keys),
    screen: () => clean(output),
    raw: () => output,
    mark: () => output.length,
    since: (mark) => clean(output.slice(mark)),
    kill: (signal) => child.kill(signal),
    resize: (cols, rows) => {
      child.resize(cols, rows);
      emulator.resize(cols, rows);
    },
    async rows() {
      await settle();
      return visibleRows();
    },
    async scrollback() {
      await settle();
      const normal = emulator.buffer.normal;
      const lines: string[] = [];
      const above = emulator.buffer.active.type === 'normal' ? normal.baseY : Math.max(0, normal.length - emulator.rows);
      for (let row = 0; row < above; row += 1) lines.push(normal.getLine(row)?.translateToString(true) ?? '');
      return lines;
    },
    async softWrapped() {
      await settle();
      const normal = emulator.buffer.normal;
      const wrapped: string[] = [];
      for (let row = 1; row < normal.length; row += 1) {
        if (normal.getLine(row)?.isWrapped) wrapped.push(`${normal.getLine(row - 1)?.translateToString(true) ?? ''}⏎${normal.getLine(row)?.translateToString(true) ?? ''}`);
      }
      return wrapped;
    },
    async state() {
      await settle();
      // Cursor visibility (DECTCEM) is not in the public API; the core service holds it.
      const core = (emulator as unknown as { _core?: { coreService?: { isCursorHidden?: boolean } } })._core;
      return {
        alternateScreen: emulator.buffer.active.type === 'alternate',
        title,
        clipboardWrites: [...clipboardWrites],
        cursorHidden: core?.coreService?.isCursorHidden === true,
        bracketedPaste: emulator.modes.bracketedPasteMode,
      };
    },
    waitFor(pattern, { after = 0, timeoutMs = 15_000 } = {}) {
      const text = () => clean(output.slice(after));
      return waitUntil(async () => (test(pattern, text()) ? text() : null), String(pattern), timeoutMs, async () => text());
    },
    waitForScreen(pattern, { timeoutMs = 15_000 } = {}) {
      const joined = async () => {
        await settle();
        return visibleRows().join('\n');
      };
      return waitUntil(async () => {
        const shown = await joined();
        return test(pattern, shown) ? shown : null;
      }, String(pattern), timeoutMs, joined);
    },
  };
}

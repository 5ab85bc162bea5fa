import { writeSync } from 'node:fs';
import { systemClock } from './clock.js';
import type { Io, OutputStream } from './context.js';
import type { ExitCode } from './errors.js';
import { fdWriter, needsFdWriter } from './fdWriter.js';
import { describeFsError } from './text/fsErrors.js';
import { isVersionRequest } from './version.js';

/** Inlined by the build (esbuild `define`); undefined when running from source, as tests do. */
declare const __COACH_VERSION__: string | undefined;

/**
 * The only module that touches process.argv and process.exitCode, and the one
 * error boundary: a UserError is one clean line; anything else is a bug and
 * shows its stack.
 */
const interrupts = new AbortController();

const STREAM_NAMES: Readonly<Record<number, string>> = { 1: 'standard output', 2: 'standard error' };

/**
 * A write to stdout or stderr failed. `coach history | head` closes our stdout early
 * (EPIPE): that is the reader's choice, not an error, so the command ends quietly.
 * A closed terminal (SIGHUP) fails writes with EIO: the session is saved before anything
 * is printed, so the rest of the output has nowhere to go and is dropped. Anything else
 * (a full disk, /dev/full, a read-only file) means the output is incomplete: one line on
 * stderr and exit 1, never 0, never a stack trace.
 */
function outputFailed(fd: number, error: NodeJS.ErrnoException): void {
  if (error.code === 'EIO') return;
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  const line = `coach: ${STREAM_NAMES[fd]}: ${describeFsError(error)}; the output is incomplete\n`;
  try {
    writeSync(2, line);
  } catch {
    // stderr itself is failing (full, gone): nothing can be told there; the exit code still says so.
    process.exitCode = 1;
  }
  process.exit(1);
}

// Files and devices get a writer that writes every byte (Node's own ignores a short write
// to a nearly full disk); pipes and terminals keep process.stdout, whose errors arrive as events.
const outputFor = (fd: 1 | 2): OutputStream => (needsFdWriter(fd) ? fdWriter(fd, (error) => outputFailed(fd, error)) : fd === 1 ? process.stdout : process.stderr);
const stdout = outputFor(1);
const stderr = outputFor(2);
for (const [fd, stream] of [[1, process.stdout], [2, process.stderr]] as const) {
  stream.on('error', (error: NodeJS.ErrnoException) => outputFailed(fd, error));
}

const io: Io = {
  signal: interrupts.signal,
  stdout,
  stderr,
  stdin: process.stdin,
  env: process.env,
  cwd: process.cwd(),
  clock: systemClock,
};

// SIGTERM, SIGHUP and SIGINT abort io.signal: an open prompt puts the terminal back and
// rejects, the session (draft included) is saved, and the command returns 143/129/130.
// If nothing was waiting on a prompt (a spinner, a model call), or a second signal
// arrives, the terminal is restored and the process exits with that code shortly after.
const SIGNAL_EXIT: Readonly<Record<string, number>> = { SIGTERM: 143, SIGHUP: 129, SIGINT: 130 };
for (const [name, code] of Object.entries(SIGNAL_EXIT)) {
  process.on(name, () => {
    const exitNow = () => {
      if (process.stdin.isTTY) process.stdin.setRawMode(false);
      if (process.stdout.isTTY) process.stdout.write('\u001b[?2004l\u001b[?25h');
      process.exit(code);
    };
    if (interrupts.signal.aborted) exitNow();
    interrupts.abort(name);
    setTimeout(exitNow, 2000).unref();
  });
}

const argv = process.argv.slice(2);

// @inquirer decides colour from the environment when it is first imported, so the
// colour flags must reach the environment too: chalk and prompts then agree.
if (argv.includes('--no-color') || argv.includes('--json')) {
  process.env.NO_COLOR = '1';
  process.env.FORCE_COLOR = '0';
}
try {
  if (isVersionRequest(argv)) {
    const version = typeof __COACH_VERSION__ === 'string' ? __COACH_VERSION__ : (await import('./paths.js')).readPackageVersion(io.env);
    io.stdout.write(`${version}\n`);
    process.exitCode = 0;
  } else {
    const { runCli } = await import('./cli.js');
    process.exitCode = await runCli(argv, io);
  }
} catch (error) {
  // Loaded only on failure, so `coach --version` reads no module besides this one.
  process.exitCode = reportFailure(error, await import('./errors.js'), await import('./text/controlChars.js'));
}

// Messages can quote file contents or a server's reply: sanitised like any text we did not write
// (escape sequences removed), and one line unless the error is a list of lines.
function reportFailure(error: unknown, { ExitCode, UserError }: typeof import('./errors.js'), { stripControl, escapeControl }: typeof import('./text/controlChars.js')): ExitCode {
  if (error instanceof UserError) {
    const clean = stripControl(error.message);
    io.stderr.write(`coach: ${error.lines ? clean : escapeControl(clean)}\n`);
    return error.exitCode;
  }
  const stack = stripControl(error instanceof Error ? (error.stack ?? error.message) : String(error));
  io.stderr.write(
    `coach: internal error — this is a bug in interview-coach, not something you did.\n${stack}\n` +
      'Please report it with the command you ran and the output above.\n',
  );
  return ExitCode.failure;
}

import { systemClock } from './clock.js';
import type { Io } from './context.js';
import type { ExitCode } from './errors.js';
import { isVersionRequest } from './version.js';

/** Inlined by the build (esbuild `define`); undefined when running from source, as tests do. */
declare const __COACH_VERSION__: string | undefined;

/**
 * The only module that touches process.argv and process.exitCode, and the one
 * error boundary: a UserError is one clean line; anything else is a bug and
 * shows its stack.
 */
const interrupts = new AbortController();
const io: Io = {
  signal: interrupts.signal,
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
  cwd: process.cwd(),
  clock: systemClock,
};

// `coach history | head` closes our stdout early: that is the reader's choice, not an error.
// A closed terminal (SIGHUP) fails writes with EIO: the session is saved before anything is
// printed, so the rest of the output has nowhere to go and is dropped.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EIO') return;
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? 0);
  });
}

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
  process.exitCode = reportFailure(error, await import('./errors.js'), (await import('./text/controlChars.js')).stripControl);
}

// Messages can quote file contents or a server's reply: sanitised like any text we did not write.
function reportFailure(error: unknown, { ExitCode, UserError }: typeof import('./errors.js'), stripControl: (text: string) => string): ExitCode {
  if (error instanceof UserError) {
    process.stderr.write(`coach: ${stripControl(error.message)}\n`);
    return error.exitCode;
  }
  const stack = stripControl(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.stderr.write(
    `coach: internal error — this is a bug in interview-coach, not something you did.\n${stack}\n` +
      'Please report it with the command you ran and the output above.\n',
  );
  return ExitCode.failure;
}

/** Exit codes promised in PRODUCT.md's contracts. */
export const ExitCode = {
  ok: 0,
  failure: 1,
  usage: 2,
  /** SIGHUP: the terminal closed (128 + 1). */
  hangup: 129,
  /** Ctrl+C or SIGINT (128 + 2). */
  interrupted: 130,
  /** SIGTERM (128 + 15). */
  terminated: 143,
} as const;

/** The exit code a signal's name stands for (128 + its number); anything else counts as Ctrl+C. */
export function exitCodeForSignal(name: string | undefined): ExitCode {
  if (name === 'SIGTERM') return ExitCode.terminated;
  if (name === 'SIGHUP') return ExitCode.hangup;
  return ExitCode.interrupted;
}
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/**
 * A mistake the user can fix (bad flag, unknown id, broken file). main.ts prints
 * its message as one clean line, never a stack, and exits with its code: a line
 * break or tab inside it (from a file name, say) is shown escaped (`\n`).
 * `lines: true` marks the rare message that is a list of one-line problems
 * (--strict), printed line by line.
 */
export class UserError extends Error {
  readonly lines: boolean;

  constructor(
    message: string,
    readonly exitCode: ExitCode = ExitCode.failure,
    options: { lines?: boolean } = {},
  ) {
    super(message);
    this.name = 'UserError';
    this.lines = options.lines ?? false;
  }
}

export class UsageError extends UserError {
  constructor(message: string) {
    super(message, ExitCode.usage);
    this.name = 'UsageError';
  }
}

/**
 * A prompt stopped without an answer: Ctrl+C, or a signal (SIGINT, SIGTERM,
 * SIGHUP) while it was open. `draft` is the text typed so far, if any.
 */
export class PromptInterrupt extends Error {
  constructor(
    readonly reason: string,
    readonly draft: string | null = null,
  ) {
    super(`prompt interrupted (${reason})`);
    this.name = 'PromptInterrupt';
  }
}

/** Ours, or @inquirer's Ctrl+C (ExitPromptError) and aborted prompt (AbortPromptError). */
export function isInterrupt(error: unknown): boolean {
  return error instanceof PromptInterrupt || (error instanceof Error && (error.name === 'ExitPromptError' || error.name === 'AbortPromptError'));
}

/** 130 for Ctrl+C, 143 for SIGTERM, 129 for SIGHUP: @inquirer's AbortPromptError carries the signal as its cause. */
export function interruptExitCode(error: unknown): ExitCode {
  if (error instanceof PromptInterrupt) return exitCodeForSignal(error.reason);
  const cause = error instanceof Error ? (error as Error & { cause?: unknown }).cause : undefined;
  return exitCodeForSignal(typeof cause === 'string' ? cause : undefined);
}

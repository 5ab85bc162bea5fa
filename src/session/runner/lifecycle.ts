import { ExitCode, interruptExitCode, isInterrupt } from '../../errors.js';
import { isoAt, type Session } from '../model.js';
import { finishSession } from '../record.js';
import { DraftKeeper } from './drafts.js';
import type { RunnerDeps } from './ports.js';

/** How a run ended: `finished` sessions get the outcome summary from the command. */
export interface RunOutcome {
  finished: boolean;
  exitCode: ExitCode;
}

/**
 * What every interactive run shares around its own steps (`body`): a draft
 * keeper for the answer being typed, a save of the whole session, and the
 * ending. An interrupt (Ctrl+C, SIGTERM, SIGHUP) captures the draft, saves and
 * ends with 130/143/129, the session still in progress; otherwise the session
 * is finished and saved. Any other error is rethrown (a bug).
 */
export async function runSessionSteps(
  session: Session,
  deps: RunnerDeps,
  body: (drafts: DraftKeeper, save: () => void) => Promise<void>,
): Promise<RunOutcome> {
  const save = () => deps.sessions.save(session);
  const drafts = new DraftKeeper(session, deps);
  try {
    await body(drafts, save);
  } catch (error) {
    if (!isInterrupt(error)) throw error;
    drafts.capture();
    session.updatedAt = isoAt(deps.clock.now());
    save();
    deps.screen.interrupted(session.kind, session.id);
    return { finished: false, exitCode: interruptExitCode(error) };
  } finally {
    drafts.stop();
  }
  finishSession(session, deps.clock.now());
  save();
  return { finished: true, exitCode: ExitCode.ok };
}

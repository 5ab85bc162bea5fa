import type { Clock } from '../clock.js';

/**
 * Time spent in one phase: what earlier runs recorded (restored on resume) plus
 * the time since this run started the phase. Overtime is allowed and simply
 * counted. Reads the clock port only, so tests drive it with a fake clock.
 */
export class PhaseClock {
  private readonly startedMs: number;

  constructor(
    private readonly clock: Clock,
    private readonly restoredSeconds: number,
  ) {
    this.startedMs = clock.now();
  }

  elapsedSeconds(): number {
    return this.restoredSeconds + Math.max(0, Math.floor((this.clock.now() - this.startedMs) / 1000));
  }

  startedAtMs(): number {
    return this.startedMs - this.restoredSeconds * 1000;
  }
}

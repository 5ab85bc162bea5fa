import type { Clock } from '../../clock.js';
import { isoAt, type Draft, type Session } from '../model.js';
import type { RunnerDeps } from './ports.js';

/** The longest a change to the answer being typed waits before it is on disk. */
export const DRAFT_SAVE_MS = 5000;

type DraftPlace = Pick<Draft, 'questionIndex' | 'phaseId' | 'part' | 'startedAt'>;

/**
 * Keeps the answer being typed on disk: a change is saved at most DRAFT_SAVE_MS
 * later (one timer per burst of typing, not one write per key), and `capture`
 * puts the latest text into the session at once when the prompt is interrupted,
 * so the caller's save includes it. A crash loses at most the last 5 seconds.
 */
export class DraftKeeper {
  private place: DraftPlace | null = null;
  private seconds: () => number = () => 0;
  private pending: string | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly session: Session,
    private readonly deps: Pick<RunnerDeps, 'sessions'> & { clock: Clock },
  ) {}

  /** The saved draft for this place, if the session stopped there. */
  find(questionIndex: number, phaseId: string | null, part: Draft['part']): Draft | null {
    const draft = this.session.draft;
    return draft && draft.questionIndex === questionIndex && draft.phaseId === phaseId && draft.part === part ? draft : null;
  }

  /** Starts watching an answer prompt; the returned function is its onChange. */
  watch(place: DraftPlace, seconds: () => number): (text: string) => void {
    this.stop();
    this.place = place;
    this.seconds = seconds;
    return (text) => {
      this.pending = text;
      this.timer ??= setTimeout(() => this.flush(), DRAFT_SAVE_MS);
    };
  }

  /** Writes a pending change now (row-level: only the draft). */
  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const draft = this.build();
    if (!draft) return;
    this.session.draft = draft;
    this.deps.sessions.saveDraft(this.session.id, draft.questionIndex, draft.phaseId, draft);
  }

  /** On an interrupt: the latest text into the session, for the caller's full save. */
  capture(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const draft = this.build();
    if (draft) this.session.draft = draft;
  }

  /** The answer was submitted: no draft any more (the caller saves the session). */
  clear(): void {
    this.stop();
    this.session.draft = null;
  }

  /** Stops the timer without saving (the prompt ended). */
  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.pending = null;
  }

  private build(): Draft | null {
    if (this.pending === null || !this.place) return null;
    const draft: Draft = { ...this.place, text: this.pending, seconds: this.seconds(), savedAt: isoAt(this.deps.clock.now()) };
    this.pending = null;
    return draft;
  }
}

import type { Style } from '../style.js';
import type { EditorRun } from '../editor/externalEditor.js';
import type { TerminalInput, TerminalOutput } from '../editor/terminal.js';

/** What the answer prompt (multiline.ts) is given and what it resolves with. */
export interface MultilineConfig {
  /** The question, in bold unless a title is given (then the title is bold and the message plain under it). */
  message: string;
  title?: string;
  /** Called on every draw (at least once a second), so it can show live timers. */
  header?: () => string;
  /** Text to start from (a saved draft); the cursor starts at its end. */
  initial?: string;
  hint?: string;
  /** Ctrl+Q submits with the line under the cursor marked as a question for the interviewer ("? " in front). */
  askKey?: boolean;
  /** Polled once a second; when it returns true the answer is submitted as it stands. */
  deadline?: () => boolean;
  /** Edits the text elsewhere; defaults to $VISUAL / $EDITOR (startExternalEditor). */
  editor?: (text: string) => EditorRun;
  /** Told the whole text after every change (the caller saves drafts from it). */
  onChange?: (text: string) => void;
}

export interface MultilineAnswer {
  text: string;
  via: 'typed' | 'editor' | 'timeout';
}

export interface MultilineStreams {
  input: TerminalInput;
  output: TerminalOutput;
  /** Aborted by SIGTERM/SIGHUP/SIGINT (its reason is the signal's name): the prompt rejects with PromptInterrupt. */
  signal?: AbortSignal;
  style: Style;
}

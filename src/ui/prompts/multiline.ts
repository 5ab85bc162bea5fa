import { stripControl } from '../../text/controlChars.js';
import { KeyReader, type KeyEvent, type KeyName } from '../editor/keys.js';
import { editByKey } from '../editor/textKeys.js';
import { LineWrapper, offsetAtColumn } from '../editor/layout.js';
import { ENTER_SCREEN, LEAVE_SCREEN, PromptInterrupt, releaseRawMode, restoreTerminal, signalNameOf } from '../editor/terminal.js';
import * as edit from '../editor/textBuffer.js';
import { composeFrame, screenSize, type Frame } from '../editor/viewport.js';
import { RowPainter } from '../editor/painter.js';
import { startExternalEditor, type EditorRun } from '../editor/externalEditor.js';
import { answerSummary, questionLine } from './answerText.js';
import type { MultilineAnswer, MultilineConfig, MultilineStreams } from './multilineTypes.js';

export type { MultilineAnswer, MultilineConfig, MultilineStreams } from './multilineTypes.js';

const DEFAULT_HINT = 'Enter: new line · Ctrl+D: submit · Ctrl+E: open $EDITOR · submit empty to skip';
const TICK_MS = 1000;

/**
 * The answer prompt: a full-screen editor on the alternate screen (so nothing it
 * draws ever reaches the scrollback), redrawn row by row where something changed.
 * Rejects with PromptInterrupt on Ctrl+C or an aborted `signal`, after putting
 * the terminal back (cooked mode, cursor shown, main screen).
 */
export function multilineInput(config: MultilineConfig, streams: MultilineStreams): Promise<MultilineAnswer> {
  return new AnswerEditor(config, streams).run();
}

class AnswerEditor {
  private state: edit.TextState;
  private readonly keys = new KeyReader();
  private readonly wrapper = new LineWrapper();
  private scrollTop = 0;
  private readonly painter: RowPainter;
  private frame: Frame | null = null;
  private error: string | undefined;
  private edited = false;
  private reported: string;
  private timer: NodeJS.Timeout | undefined;
  private settle: { resolve: (answer: MultilineAnswer) => void; reject: (error: unknown) => void } | undefined;

  constructor(
    private readonly config: MultilineConfig,
    private readonly streams: MultilineStreams,
  ) {
    this.state = edit.stateAtEnd(stripControl(config.initial ?? ''));
    this.reported = this.state.text;
    this.painter = new RowPainter(streams.output);
  }

  run(): Promise<MultilineAnswer> {
    return new Promise((resolve, reject) => {
      this.settle = { resolve, reject };
      if (this.streams.signal?.aborted) {
        reject(new PromptInterrupt(signalNameOf(this.streams.signal), this.state.text));
        return;
      }
      this.streams.signal?.addEventListener('abort', this.onAbort);
      this.open();
      if (this.config.deadline?.()) this.finish('timeout');
    });
  }

  private readonly onData = (chunk: Buffer | string) => {
    try {
      for (const event of this.keys.feed(chunk)) {
        if (!this.settle || !this.apply(event)) return;
      }
      this.report();
      this.draw();
    } catch (error) {
      this.fail(error);
    }
  };

  /** Tells onChange about text it has not seen yet (also right before an interrupt, so no keystroke is lost). */
  private report(): void {
    if (this.state.text === this.reported) return;
    this.reported = this.state.text;
    this.config.onChange?.(this.state.text);
  }

  private readonly onResize = () => {
    this.painter.forget();
    this.draw();
  };

  private readonly onAbort = () => this.interrupt(signalNameOf(this.streams.signal));

  private readonly onTick = () => {
    if (this.config.deadline?.()) this.finish('timeout');
    else this.draw();
  };

  /** Applies one event; false once the prompt has ended. */
  private apply(event: KeyEvent): boolean {
    if (event.kind === 'text') this.state = edit.insertText(this.state, event.text);
    else if (event.kind === 'paste') this.state = edit.insertText(this.state, stripControl(event.text.replace(/\r\n?/g, '\n')));
    else return this.key(event.name);
    this.error = undefined;
    return true;
  }

  private key(name: KeyName): boolean {
    const edited = editByKey(this.state, name);
    if (edited) {
      this.state = edited;
      return true;
    }
    switch (name) {
      case 'ctrl-d':
        this.finish(this.edited ? 'editor' : 'typed');
        return false;
      case 'ctrl-c':
        this.interrupt('SIGINT');
        return false;
      case 'ctrl-e':
        this.openEditor();
        return false;
      case 'ctrl-l':
        this.painter.forget();
        return true;
      case 'ctrl-q':
        return this.askInterviewer();
      default:
        this.moveRows(name === 'up' ? -1 : name === 'down' ? 1 : name === 'pageup' ? -(this.frame?.pageRows ?? 1) : (this.frame?.pageRows ?? 1));
        return true;
    }
  }

  /** ↑ ↓ and the page keys move by screen row, keeping the column where they can. */
  private moveRows(delta: number): void {
    const frame = this.frame ?? this.compose();
    const { rows, cursorRow, cursorColumn } = frame.layout;
    const target = Math.max(0, Math.min(rows.length - 1, cursorRow + delta));
    if (target === cursorRow) {
      this.state = edit.moveTo(this.state, delta < 0 ? 0 : this.state.text.length);
      return;
    }
    this.state = edit.moveTo(this.state, offsetAtColumn(this.state.text, rows[target]!, cursorColumn));
  }

  // The terminal went away (its window closed): stdin ends or fails with EIO. Treated like
  // the SIGHUP that comes with it, so the draft is saved either way.
  private readonly onGone = () => this.interrupt('SIGHUP');

  private open(): void {
    this.streams.input.setRawMode?.(true);
    this.streams.input.on('data', this.onData);
    this.streams.input.on('end', this.onGone);
    this.streams.input.on('error', this.onGone);
    this.streams.input.resume();
    this.streams.output.on?.('resize', this.onResize);
    this.streams.output.write(ENTER_SCREEN);
    this.painter.forget();
    this.draw();
    this.timer = setInterval(this.onTick, TICK_MS);
  }

  /** Puts the terminal back as it was; after this, nothing of ours is drawn until open(). */
  private close(): void {
    clearInterval(this.timer);
    this.streams.input.removeListener('data', this.onData);
    this.streams.input.removeListener('end', this.onGone);
    this.streams.input.removeListener('error', this.onGone);
    this.streams.output.off?.('resize', this.onResize);
    this.streams.output.write(LEAVE_SCREEN);
    releaseRawMode(this.streams.input);
    this.streams.input.pause();
  }

  private end(): { resolve: (answer: MultilineAnswer) => void; reject: (error: unknown) => void } | undefined {
    const settle = this.settle;
    this.settle = undefined;
    this.streams.signal?.removeEventListener('abort', this.onAbort);
    return settle;
  }

  /** Ctrl+Q: the line under the cursor becomes a "? question" line and the text is submitted. */
  private askInterviewer(): boolean {
    if (!this.config.askKey) return true;
    const { text, cursor } = this.state;
    const start = edit.lineStart(text, cursor);
    const end = edit.lineEnd(text, cursor);
    const line = text.slice(start, end).trim();
    if (line === '' || line === '?') {
      this.error = 'Type your question on this line, then press Ctrl+Q';
      return true;
    }
    const question = line.startsWith('?') ? line : `? ${line}`;
    this.state = edit.stateAtEnd(text.slice(0, start) + question + text.slice(end));
    this.finish(this.edited ? 'editor' : 'typed');
    return false;
  }

  private finish(via: MultilineAnswer['via']): void {
    const settle = this.end();
    if (!settle) return;
    this.close();
    const text = this.state.text.trimEnd();
    this.streams.output.write(answerSummary(this.config, this.streams.style, text, via));
    settle.resolve({ text, via });
  }

  private interrupt(reason: string): void {
    const settle = this.end();
    if (!settle) return;
    if (this.editing) this.endEditor();
    else this.close();
    this.report();
    settle.reject(new PromptInterrupt(reason, this.state.text));
  }

  private fail(error: unknown): void {
    const settle = this.end();
    if (!settle) return;
    this.close();
    settle.reject(error);
  }

  private editing = false;
  private editorRun: EditorRun | undefined;

  /**
   * A signal (or Ctrl+C from elsewhere) while $EDITOR is open: the editor is
   * ended too, whatever it already wrote to its file is kept as the draft, and
   * the terminal is put back (the editor may have left raw mode or the alternate screen on).
   */
  private endEditor(): void {
    const recovered = this.editorRun?.abort();
    if (recovered !== undefined) this.state = edit.stateAtEnd(stripControl(recovered).trimEnd());
    restoreTerminal(this.streams);
    // The editor restores its own terminal modes as it exits, over ours; put them back once more.
    this.editorRun?.done.then(
      () => restoreTerminal(this.streams),
      () => restoreTerminal(this.streams),
    );
  }

  /** $VISUAL/$EDITOR gets the terminal to itself: cooked mode, main screen, no timers, nothing drawn. */
  private openEditor(): void {
    const start = this.config.editor ?? ((text: string) => startExternalEditor(text));
    this.close();
    this.editing = true;
    this.error = undefined;
    Promise.resolve(this.state.text)
      .then((text) => {
        this.editorRun = start(text);
        return this.editorRun.done;
      })
      .then(
        (text) => {
          if (!this.settle) return;
          this.state = edit.stateAtEnd(stripControl(text).trimEnd());
          this.edited = true;
          this.report();
        },
        (failure: unknown) => {
          this.error = `Could not open the editor: ${stripControl(failure instanceof Error ? failure.message : String(failure))}`;
        },
      )
      .finally(() => {
        this.editing = false;
        this.editorRun = undefined;
        if (!this.settle) return;
        this.open();
        if (this.config.deadline?.()) this.finish('timeout');
      });
  }

  private compose(): Frame {
    const { columns, rows } = screenSize(this.streams.output);
    const { style } = this.streams;
    this.frame = composeFrame(
      {
        columns,
        rows,
        header: this.config.header?.(),
        message: questionLine(this.config, this.streams.style, style.green('?')),
        hint: style.dim(this.config.hint ?? DEFAULT_HINT),
        error: this.error === undefined ? undefined : style.red(this.error),
        state: this.state,
        scrollTop: this.scrollTop,
        dim: (text) => style.dim(text),
      },
      this.wrapper,
    );
    this.scrollTop = this.frame.scrollTop;
    return this.frame;
  }

  /** Paints the current frame (only the rows that changed since the last one). */
  private draw(): void {
    if (!this.settle || this.editing) return;
    this.painter.paint(this.compose());
  }
}

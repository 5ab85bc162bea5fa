import { CLEAR_SCREEN, HIDE_CURSOR, moveTo, SHOW_CURSOR, type TerminalOutput } from './terminal.js';
import type { Frame } from './viewport.js';

/**
 * Puts frames on the screen, writing only the rows that differ from the last
 * frame painted (a keystroke in a long answer rewrites one or two rows), and
 * nothing at all when neither the rows nor the cursor changed. After `forget`
 * (a resize, the screen given back and taken again) the next frame clears the
 * screen and is written whole.
 */
export class RowPainter {
  private painted: string[] | null = null;
  private cursorAt = '';

  constructor(private readonly output: TerminalOutput) {}

  paint(frame: Frame): void {
    const previous = this.painted;
    let rows = '';
    const count = Math.max(frame.lines.length, previous?.length ?? 0);
    for (let row = 0; row < count; row += 1) {
      const line = frame.lines[row] ?? '';
      if (previous && previous[row] === line) continue;
      rows += `${moveTo(row, 0)}\u001b[0m${line}\u001b[0m\u001b[K`;
    }
    const cursor = moveTo(frame.cursorRow, frame.cursorColumn);
    // Nothing changed (a read that was half a paste, an idle tick): write nothing at all.
    if (previous && rows === '' && cursor === this.cursorAt) return;
    this.painted = frame.lines;
    this.cursorAt = cursor;
    this.output.write(`${HIDE_CURSOR}${previous ? '' : CLEAR_SCREEN}${rows}${cursor}${SHOW_CURSOR}`);
  }

  /** The screen no longer shows the last frame: the next paint writes every row. */
  forget(): void {
    this.painted = null;
  }
}

import { pad, wrapLines, wrapText } from './layout.js';

/** The two styles the columns use; any chalk instance fits. */
export interface ColumnStyle {
  bold: (text: string) => string;
  dim: (text: string) => string;
}

/**
 * Two texts in columns (the candidate's answer beside the model answer) when the
 * terminal is at least 90 columns wide, else one after the other. The left text
 * is the user's and keeps its line breaks; the right is topic prose and is
 * reflowed (see layout.ts). With no left text (flip mode: nothing was typed)
 * the right text gets the full width. `columns` is the terminal width.
 */
export function sideBySide(left: { title: string; text: string } | null, right: { title: string; text: string }, columns: number, style: ColumnStyle): string {
  const full = Math.max(20, columns - 1);
  if (left === null) return `${style.bold(right.title)}\n${wrapText(right.text, full).join('\n')}\n`;
  if (columns < 90) {
    return `${style.bold(left.title)}\n${wrapLines(left.text, full).join('\n')}\n\n${style.bold(right.title)}\n${wrapText(right.text, full).join('\n')}\n`;
  }
  const width = Math.floor((columns - 3) / 2);
  const leftLines = wrapLines(left.text, width);
  const rightLines = wrapText(right.text, width);
  const rows = Math.max(leftLines.length, rightLines.length);
  const lines = [`${style.bold(pad(left.title, width))} ${style.dim('│')} ${style.bold(right.title)}`];
  for (let row = 0; row < rows; row += 1) {
    lines.push(`${pad(leftLines[row] ?? '', width)} ${style.dim('│')} ${rightLines[row] ?? ''}`.trimEnd());
  }
  return `${lines.join('\n')}\n`;
}


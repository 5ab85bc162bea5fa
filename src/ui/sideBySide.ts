/**
 * Two texts in columns (the candidate's answer beside the model answer) when the
 * terminal is wide enough, else one after the other.
 */
export function sideBySide(left: { title: string; text: string }, right: { title: string; text: string }, columns: number, style: { bold: (text: string) => string; dim: (text: string) => string }): string {
  if (columns < 90) {
    return `${style.bold(left.title)}\n${wrap(left.text, columns - 2).join('\n')}\n\n${style.bold(right.title)}\n${wrap(right.text, columns - 2).join('\n')}\n`;
  }
  const width = Math.floor((columns - 3) / 2);
  const leftLines = wrap(left.text, width);
  const rightLines = wrap(right.text, width);
  const rows = Math.max(leftLines.length, rightLines.length);
  const lines = [`${style.bold(left.title.padEnd(width))} ${style.dim('│')} ${style.bold(right.title)}`];
  for (let row = 0; row < rows; row += 1) {
    lines.push(`${(leftLines[row] ?? '').padEnd(width)} ${style.dim('│')} ${rightLines[row] ?? ''}`.trimEnd());
  }
  return `${lines.join('\n')}\n`;
}

/** Greedy word wrap that keeps the text's own line breaks. */
export function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  for (const paragraph of text.replace(/\s+$/, '').split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      if (line.length > 0 && line.length + 1 + word.length > width) {
        out.push(line);
        line = '';
      }
      for (let chunk = word; chunk.length > 0; chunk = chunk.slice(width)) {
        if (chunk.length > width) {
          if (line) out.push(line);
          out.push(chunk.slice(0, width));
          line = '';
          continue;
        }
        line = line ? `${line} ${chunk}` : chunk;
        break;
      }
    }
    out.push(line);
  }
  return out;
}

/**
 * Escaping for user and topic text placed in a Markdown report. Everything is
 * treated as plain text: HTML is entity-escaped (so `<script>` shows, never
 * runs), and every character that could start emphasis, code, a link, a table
 * cell, a heading, a list or GitHub math is backslash-escaped, so an answer can
 * never change the report's structure.
 */

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

function escapeCharacters(text: string): string {
  return text.replace(/[&<>\\`*_[\]|~#$]/g, (character) => ESCAPES[character] ?? `\\${character}`);
}

/** Characters that mean something only at the start of a line: list markers, setext underlines, indented code. */
function escapeLineStart(line: string): string {
  const indent = /^[ \t]*/.exec(line)![0];
  const rest = line.slice(indent.length).replace(/^([-+=])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2');
  return '&nbsp;'.repeat(indent.replace(/\t/g, '    ').length) + rest;
}

/** Text on one line (a list item, a label): whitespace runs, newlines included, become one space. */
export function inline(text: string): string {
  return escapeCharacters(text.trim().replace(/\s+/g, ' '));
}

/** Text inside a GFM table cell: pipes escaped, line breaks kept as `<br>`. */
export function cell(text: string): string {
  return text
    .trim()
    .split(/\r?\n/)
    .map((line) => escapeCharacters(line.trim()))
    .join('<br>');
}

/** Multi-line text as paragraphs, keeping its line breaks (a trailing backslash is a CommonMark hard break). */
export function paragraphs(text: string): string[] {
  if (text.trim() === '') return [];
  const lines = text.replace(/\r\n?/g, '\n').replace(/^\s*\n|\s+$/g, '').split('\n');
  const out: string[] = [];
  lines.forEach((line, index) => {
    if (line.trim() === '') {
      if (out.at(-1) !== '') out.push('');
      return;
    }
    const next = lines[index + 1];
    const breaks = next !== undefined && next.trim() !== '';
    out.push(escapeLineStart(escapeCharacters(line.trimEnd())) + (breaks ? '\\' : ''));
  });
  return out;
}

/** Text as a blockquote: the way answers appear, visibly apart from the report's own text. */
export function quote(text: string): string[] {
  return paragraphs(text).map((line) => (line === '' ? '>' : `> ${line}`));
}

/** A GFM pipe table; cells must already be escaped with `cell` (or be our own text). */
export function table(header: readonly string[], align: readonly ('left' | 'right')[], rows: readonly (readonly string[])[]): string[] {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(align.map((side) => (side === 'right' ? '---:' : '---'))), ...rows.map(line)];
}

import { createRequire } from 'node:module';
import type stringWidthFn from 'string-width';
import type wrapAnsiFn from 'wrap-ansi';

// string-width and wrap-ansi (with their Unicode tables) take ~40 ms to evaluate,
// most of what a short command like `coach topics` spends past bare Node. They load
// on first use: plain printable ASCII (most table cells) is measured without them.
// In the build `require` (see esbuild.config.js's banner) is a literal call esbuild
// bundles as a lazily initialised module; unbundled (tests) Node's own require
// loads the ES module (Node >= 20.19).
declare const require: NodeJS.Require | undefined;
const nodeRequire = typeof require === 'function' ? null : createRequire(import.meta.url);
let stringWidthLoaded: typeof stringWidthFn | undefined;
let wrapAnsiLoaded: typeof wrapAnsiFn | undefined;
function stringWidth(text: string): number {
  stringWidthLoaded ??= (nodeRequire ? nodeRequire('string-width') : require!('string-width')).default as typeof stringWidthFn;
  return stringWidthLoaded(text);
}
function wrapAnsi(text: string, columns: number, options: Parameters<typeof wrapAnsiFn>[2]): string {
  wrapAnsiLoaded ??= (nodeRequire ? nodeRequire('wrap-ansi') : require!('wrap-ansi')).default as typeof wrapAnsiFn;
  return wrapAnsiLoaded(text, columns, options);
}
/** Printable ASCII only: one column per character. */
const PLAIN_ASCII = /^[\x20-\x7e]*$/;

/**
 * The one text-layout module: every terminal screen, and the Markdown and HTML
 * reports, lay prose out through it. Pure (no terminal I/O); widths are display
 * columns as a terminal draws them (string-width: CJK and emoji count 2, colour
 * codes 0), wrapping is wrap-ansi's.
 *
 * Topic prose is written in YAML block scalars whose line breaks are the
 * author's editor width, not meaning. `reflow` joins those soft breaks inside a
 * paragraph and keeps what carries structure: blank lines, list items (with
 * their continuation lines), headings, tables, fenced blocks and indented
 * blocks, which stay verbatim.
 */

/** A run of source lines that lays out as one unit. */
export type Block =
  | { kind: 'paragraph'; text: string }
  /** `indent` is the item's own leading whitespace, `marker` e.g. "- " or "2. " (trailing space included). */
  | { kind: 'item'; indent: string; marker: string; text: string }
  | { kind: 'verbatim'; lines: string[] }
  | { kind: 'blank' };

const FENCE = /^\s*(```|~~~)/;
const ITEM = /^(\s*)([-*+•]|\d{1,3}[.)])(\s+)(?=\S)/;
/** Lines that stand alone: headings, table rows, block quotes, rules. */
const STANDALONE = /^\s*(#{1,6}\s|\||>|(-{3,}|\*{3,}|_{3,})\s*$)/;

/** Display width of a string in terminal columns (escape codes count 0, wide characters 2). */
export function displayWidth(text: string): number {
  return PLAIN_ASCII.test(text) ? text.length : stringWidth(text);
}

/** Splits text into layout blocks (see the module comment for the rules). Line endings may be \n, \r\n or \r. */
export function blocks(text: string): Block[] {
  const lines = text.replace(/\r\n?/g, '\n').replace(/\s+$/, '').replace(/^(\s*\n)+/, '').split('\n');
  const out: Block[] = [];
  let fence: string | null = null;
  for (const line of lines) {
    const last = out.at(-1);
    if (fence !== null) {
      (last as Extract<Block, { kind: 'verbatim' }>).lines.push(line);
      if (line.trim().startsWith(fence)) fence = null;
      continue;
    }
    const opening = FENCE.exec(line);
    if (opening) {
      fence = opening[1]!;
      out.push({ kind: 'verbatim', lines: [line] });
      continue;
    }
    if (line.trim() === '') {
      if (last && last.kind !== 'blank') out.push({ kind: 'blank' });
      continue;
    }
    const item = ITEM.exec(line);
    if (item) {
      out.push({ kind: 'item', indent: item[1]!, marker: `${item[2]} `, text: line.slice(item[0].length).trim() });
      continue;
    }
    if (STANDALONE.test(line)) {
      out.push({ kind: 'verbatim', lines: [line] });
      continue;
    }
    const indented = /^(\s{4,}|\t)/.test(line);
    if (last?.kind === 'item') {
      last.text = `${last.text} ${line.trim()}`;
      continue;
    }
    if (indented || (/^\s/.test(line) && last?.kind !== 'paragraph')) {
      if (last?.kind === 'verbatim' && !FENCE.test(last.lines[0]!) && !STANDALONE.test(last.lines[0]!)) last.lines.push(line);
      else out.push({ kind: 'verbatim', lines: [line] });
      continue;
    }
    if (last?.kind === 'paragraph') last.text = `${last.text} ${line.trim()}`;
    else out.push({ kind: 'paragraph', text: line.trim() });
  }
  return out;
}

/** Topic prose with its soft line breaks joined: one line per paragraph and per list item; structure kept. */
export function reflow(text: string): string {
  return blocks(text)
    .map((block) => {
      switch (block.kind) {
        case 'paragraph':
          return block.text;
        case 'item':
          return `${block.indent}${block.marker}${block.text}`;
        case 'verbatim':
          return block.lines.join('\n');
        case 'blank':
          return '';
      }
    })
    .join('\n');
}

/**
 * Reflows `text`, then wraps it to `width` display columns. List items keep a
 * hanging indent; verbatim lines are wrapped only when wider than `width`.
 * A word is broken only when it is itself wider than the line.
 */
export function wrapText(text: string, width: number): string[] {
  const room = Math.max(1, width);
  const out: string[] = [];
  for (const block of blocks(text)) {
    if (block.kind === 'blank') out.push('');
    else if (block.kind === 'paragraph') out.push(...wrapLine(block.text, room));
    else if (block.kind === 'item') out.push(...hang(`${block.indent}${block.marker}`, block.text, room));
    else for (const line of block.lines) out.push(...(displayWidth(line) <= room ? [line] : wrapLine(line, room, true)));
  }
  return out.length === 0 ? [''] : out;
}

/** Wraps user text (an answer) keeping every line break it has: nothing is joined. */
export function wrapLines(text: string, width: number): string[] {
  const room = Math.max(1, width);
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/\s+$/, '')
    .split('\n')
    .flatMap((line) => (line.trim() === '' ? [''] : wrapLine(line.trimEnd(), room, true)));
}

/**
 * `text` after `prefix` (which may hold colour codes), wrapped to `width`, its
 * continuation lines indented to the prefix's display width: "  1) option … /
 * ␣␣␣␣ continued". The text is reflowed first, so topic line breaks vanish.
 */
export function hang(prefix: string, text: string, width: number): string[] {
  const indent = displayWidth(prefix);
  // A prefix that leaves too little room gets a line of its own, the text below it at full width.
  if (width - indent < 8) return [prefix.trimEnd(), ...wrapText(text.trim(), width)];
  const lines = wrapText(text.trim(), width - indent);
  return lines.map((line, index) => (index === 0 ? `${prefix}${line}` : line === '' ? '' : `${' '.repeat(indent)}${line}`));
}

/** Like `hang`, for the user's own text (an answer): its line breaks are kept, nothing is joined. */
export function hangLines(prefix: string, text: string, width: number): string[] {
  const indent = displayWidth(prefix);
  if (width - indent < 8) return [prefix.trimEnd(), ...wrapLines(text.trim(), width)];
  return wrapLines(text.trim(), width - indent).map((line, index) => (index === 0 ? `${prefix}${line}` : line === '' ? '' : `${' '.repeat(indent)}${line}`));
}

/** Cuts text to at most `width` display columns, marking the cut with an ellipsis; prefers a word boundary when one is near. */
export function truncate(text: string, width: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (displayWidth(flat) <= width) return flat;
  if (width <= 1) return width === 1 ? '…' : '';
  let cut = '';
  for (const character of flat) {
    if (displayWidth(cut + character) > width - 1) break;
    cut += character;
  }
  const space = cut.lastIndexOf(' ');
  if (space >= Math.floor(cut.length * 0.6)) cut = cut.slice(0, space);
  return `${cut.replace(/[\s,;:.—-]+$/, '')}…`;
}

/** Pads to `width` display columns (left-aligned by default). */
export function pad(text: string, width: number, align: 'left' | 'right' = 'left'): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(text)));
  return align === 'right' ? fill + text : text + fill;
}

/** The first sentence of some prose (a question's prompt serves as its title), cut to `width` columns. */
export function firstSentence(text: string, width: number): string {
  const flat = reflow(text).replace(/\s+/g, ' ').trim();
  const end = /[.?!:](\s|$)/.exec(flat);
  return truncate(end ? flat.slice(0, end.index + 1) : flat, width);
}

/** Wraps one line; with `keepIndent`, its leading whitespace is kept on every piece (when it leaves room). */
function wrapLine(line: string, width: number, keepIndent = false): string[] {
  const indent = keepIndent ? /^\s*/.exec(line)![0].replace(/\t/g, '    ') : '';
  const room = width - indent.length >= 10 ? width - indent.length : width;
  const prefix = room === width ? '' : indent;
  return wrapAnsi(line.trim(), room, { hard: true, trim: true, wordWrap: true })
    .split('\n')
    .map((part) => `${prefix}${part.trimEnd()}`);
}

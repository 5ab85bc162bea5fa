/**
 * The fast path's gate: true only for a file written in a plain subset of YAML
 * where js-yaml and `yaml` are known to agree. Everything else goes to `yaml`
 * alone. The subset is what topic files are made of: block mappings and
 * sequences, plain and one-line quoted scalars, one-line flow collections,
 * block scalars (`|`, `>`, with chomping), comments.
 *
 * Outside it (found by running the YAML test suite and random files through
 * both parsers; test/topics/yamlSuite.test.ts and fastPath.test.ts keep it so):
 * anchors, aliases, merge keys and tags; explicit `?` keys and collections as
 * keys (js-yaml turns `[id]: t` into `id: t`); quoted scalars or flow
 * collections over several lines (js-yaml accepts them under-indented or
 * continued at column 0); a comment glued to a quoted scalar or a closing
 * bracket (`"T"# c`, js-yaml accepts it); directives and document markers; tabs,
 * carriage returns and control characters; block scalars with an indentation
 * indicator or no content; `key: value: more`; an implicit key whose `:` is more
 * than 1024 characters into its line (YAML 1.2 limits implicit keys to 1024
 * characters, which `yaml` enforces and js-yaml does not; see MAX_IMPLICIT_KEY); compact nested sequences (`- - x`) and an
 * empty item (`-` ending its line) followed by a `-` line dedented below it
 * (js-yaml puts that item in the inner sequence: `a:\n  - -\n  - b` is
 * `{a: [[null, b]]}` to it, `{a: [[null], b]}` in YAML); a `\U` escape above
 * U+10FFFF (js-yaml turns it into two surrogates, YAML rejects it).
 */
const UNSAFE_CHARACTERS = /[\t\r\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]/;
/** A `\U` not followed by 8 hex digits naming a code point up to 10FFFF (also matches where `\U` is not an escape: those files just take the slow path). */
const BAD_LONG_ESCAPE = /\\U(?!00(?:0[0-9a-fA-F]|10)[0-9a-fA-F]{4})/;
/**
 * YAML 1.2 puts an implicit key's `:` at most 1024 characters after the key's
 * start; yaml counts UTF-16 code units and, after a key with an empty value, from
 * the end of the line before (so `a:\n` + a 1024-character key is refused). The
 * gate keeps every `:` of a key in the first MAX_IMPLICIT_KEY columns of its
 * line, which is within yaml's limit in every case; longer keys go to yaml.
 */
export const MAX_IMPLICIT_KEY = 1024;

export function isPlainSubset(source: string): boolean {
  if (UNSAFE_CHARACTERS.test(source)) return false;
  if (source.includes('\\U') && BAD_LONG_ESCAPE.test(source)) return false;
  const lines = source.split('\n');
  let index = 0;
  let seenContent = false;
  // Column of the `-` of an empty sequence item on the last content line, or -1.
  let emptyItemAt = -1;
  while (index < lines.length) {
    const line = lines[index]!;
    const scan = scanLine(line);
    if (scan === false) return false;
    if (lineKind !== LineKind.blank) {
      // js-yaml accepts a document whose first node is indented and a later line
      // dedented below it ("  - \n- k: v"); YAML 1.2 does not. Topic and answers
      // files start at column 0, so an indented first node leaves the fast path.
      if (!seenContent) {
        if (indentOf(line) > 0) return false;
        seenContent = true;
      }
      // After an empty item, js-yaml reads a `- ` line dedented below it as the same sequence going on.
      if (lineKind !== LineKind.content && itemIndent < emptyItemAt) return false;
      emptyItemAt = lineKind === LineKind.emptyItem ? itemIndent : -1;
    }
    index += 1;
    if (scan === true) continue;
    const next = skipBlockScalar(lines, index, scan.parentIndent);
    if (next === -1) return false;
    index = next;
  }
  return true;
}

export type LineScan = boolean | { parentIndent: number };

/** What the last scanLine call saw, besides its verdict (read by isPlainSubset; no second look at the line). */
const enum LineKind {
  blank,
  content,
  item,
  /** `-` with nothing after it on the line but spaces and maybe a comment. */
  emptyItem,
}
let lineKind = LineKind.blank;
/** The column of the item's `-`, when lineKind is item or emptyItem. */
let itemIndent = -1;

function indentOf(line: string): number {
  let indent = 0;
  while (line.charCodeAt(indent) === 32) indent += 1;
  return indent;
}

// The lines answers files and most topic lines are made of, recognised by one
// regular expression instead of the scanner below (100,000 answers lines: about
// 25 ms instead of 170 ms): `key:`, `key: plain text`, `key: { k: v, k: v }`,
// `key: [v, v]`, with keys and flow items of letters, digits, `_`, `.`, `-`
// (a line short enough that its key cannot pass MAX_IMPLICIT_KEY; longer lines
// go to the scanner, which measures the key). Every line it accepts is one scanLine accepts too (fastPath.test.ts checks
// this on generated lines), so it changes the speed of the gate, not its verdict.
const KEY = '[A-Za-z0-9_][A-Za-z0-9_.-]*';
const FLOW_ITEM = '[A-Za-z0-9_][A-Za-z0-9_. -]*';
const BLOCK_PLAIN = "[A-Za-z0-9_][^:#\\[\\]{},\"'&*!|>%@`]*";
const SIMPLE_LINE = new RegExp(`^ *${KEY}:(?:| ${BLOCK_PLAIN}| \\{ *${KEY}: ${FLOW_ITEM}(?:, *${KEY}: ${FLOW_ITEM})* *\\}| \\[ *${FLOW_ITEM}(?:, *${FLOW_ITEM})* *\\])$`);

/** True when `line` has one of the common shapes SIMPLE_LINE recognises (exported for the property test). */
export function isSimpleLine(line: string): boolean {
  return line.length <= MAX_IMPLICIT_KEY && SIMPLE_LINE.test(line);
}

/** true: fine; false: outside the subset; or the block scalar the line starts. */
export function scanLine(line: string): LineScan {
  if (isSimpleLine(line)) {
    lineKind = LineKind.content;
    return true;
  }
  return scanStructure(line);
}

/** scanLine without the shortcut: the scanner the shortcut must agree with (exported for the property test). */
export function scanStructure(line: string): LineScan {
  let pos = indentOf(line);
  lineKind = LineKind.blank;
  if (pos === line.length || line[pos] === '#') return true;
  lineKind = LineKind.content;
  if (pos === 0 && /^(---|\.\.\.|%)/.test(line)) return false;
  let parentIndent = pos;
  let atLineStart = true;
  if (line[pos] === '-' && (pos + 1 === line.length || line[pos + 1] === ' ')) {
    parentIndent = pos;
    itemIndent = pos;
    pos = skipSpaces(line, pos + 1);
    atLineStart = false;
    lineKind = pos === line.length || line[pos] === '#' ? LineKind.emptyItem : LineKind.item;
  }
  // A compact nested sequence (`- - x`): js-yaml misplaces its empty items; scanBlockNode refuses a second `- `.
  return scanBlockNode(line, pos, parentIndent, atLineStart, true);
}

function skipSpaces(line: string, pos: number): number {
  while (line.charCodeAt(pos) === 32) pos += 1;
  return pos;
}

/** The rest of a line after a node: nothing, or a comment after a space. */
function isLineEnd(line: string, pos: number): boolean {
  const after = skipSpaces(line, pos);
  return after === line.length || (line[after] === '#' && after > pos);
}

function scanBlockNode(line: string, pos: number, parentIndent: number, atLineStart: boolean, keyAllowed: boolean): LineScan {
  if (pos >= line.length || line[pos] === '#') return true;
  const c = line[pos]!;
  if ('&*!?@`%,]}:'.includes(c) || (c === '-' && (pos + 1 === line.length || line[pos + 1] === ' '))) return false;
  if (c === '|' || c === '>') {
    if (atLineStart || !/^[|>][-+]?( +#.*)?$/.test(line.slice(pos))) return false;
    return { parentIndent };
  }
  let end: number;
  if (c === '"' || c === "'") {
    end = endOfQuoted(line, pos);
    if (end === -1) return false;
  } else if (c === '[' || c === '{') {
    end = endOfFlow(line, pos);
    if (end === -1) return false;
    return isLineEnd(line, end) && line[skipSpaces(line, end)] !== ':';
  } else {
    const colon = plainKeyEnd(line, pos);
    if (colon === -1) return !/:( |$)/.test(line.slice(pos).replace(/ #.*$/, ''));
    if (line.slice(pos, colon).trim() === '<<') return false;
    end = colon;
  }
  const colonAt = skipSpaces(line, end);
  if (line[colonAt] === ':' && (colonAt + 1 === line.length || line[colonAt + 1] === ' ')) {
    if (!keyAllowed || colonAt >= MAX_IMPLICIT_KEY) return false;
    return scanBlockNode(line, skipSpaces(line, colonAt + 1), pos, false, false);
  }
  return isLineEnd(line, end);
}

/** Index of the `:` ending a plain key on this line, or -1 if the plain scalar is not a key. */
function plainKeyEnd(line: string, pos: number): number {
  let colon = line.indexOf(': ', pos);
  if (colon === -1 && line.endsWith(':') && line.length - 1 >= pos) colon = line.length - 1;
  if (colon === -1) return -1;
  const comment = line.indexOf(' #', pos);
  return comment !== -1 && comment < colon ? -1 : colon;
}

/** Index just after the closing quote, or -1 if it does not close on this line. */
function endOfQuoted(line: string, pos: number): number {
  const quote = line[pos];
  for (let index = pos + 1; index < line.length; index += 1) {
    const c = line[index];
    if (quote === '"' && c === '\\') index += 1;
    else if (c === quote) {
      if (quote === "'" && line[index + 1] === "'") index += 1;
      else return index + 1;
    }
  }
  return -1;
}

/** Characters that cannot start a plain scalar inside a flow collection (a `-` may, before a digit or dot). */
const FLOW_INDICATORS = '&*!?@`%#|>-:';
/** What may follow a quoted scalar inside a flow collection. */
const AFTER_FLOW_QUOTED = ' ,]}:';
/** A plain scalar inside a flow collection: up to a flow indicator, a comment or a `:` ending a key. */
const FLOW_PLAIN = /[^,[\]{}#:]*(?::[^ ,[\]{}#:][^,[\]{}#:]*)*/y;

/** Index just after the flow collection that opens at `pos`, or -1 if it is not a simple one-line one. */
function endOfFlow(line: string, pos: number): number {
  const closers: string[] = [];
  let index = pos;
  let itemStart = true;
  while (index < line.length) {
    const c = line[index]!;
    if (c === ' ') {
      index += 1;
      continue;
    }
    if (c === '[' || c === '{') {
      if (!itemStart) return -1;
      closers.push(c === '[' ? ']' : '}');
      index += 1;
      continue;
    }
    if (c === ']' || c === '}') {
      if (closers.pop() !== c) return -1;
      index += 1;
      if (closers.length === 0) return line[index] === undefined || line[index] === ' ' ? index : -1;
      if (line[skipSpaces(line, index)] === ':') return -1;
      itemStart = false;
      continue;
    }
    if (c === ',') {
      itemStart = true;
      index += 1;
      continue;
    }
    if (c === ':' && (line[index + 1] === ' ' || line[index + 1] === undefined)) {
      if (itemStart || closers.at(-1) !== '}') return -1;
      itemStart = true;
      index += 1;
      continue;
    }
    if (!itemStart || (FLOW_INDICATORS.includes(c) && !(c === '-' && /[0-9.]/.test(line[index + 1] ?? '')))) return -1;
    if (c === '"' || c === "'") {
      index = endOfQuoted(line, index);
      const next = line[index];
      if (index === -1 || next === undefined || !AFTER_FLOW_QUOTED.includes(next)) return -1;
    } else {
      // Sticky, so each item is matched where it starts without copying the rest of the line.
      FLOW_PLAIN.lastIndex = index;
      const text = FLOW_PLAIN.exec(line)![0];
      if (text.length === 0 || text.includes(' #') || text.trim() === '<<') return -1;
      index += text.length;
    }
    itemStart = false;
  }
  return -1;
}

/**
 * Lines of the block scalar whose header ends the line before `start`: its
 * content is every following line indented as deep as its first non-blank line,
 * which must be deeper than `parentIndent`. Returns the first line after it, or -1.
 */
function skipBlockScalar(lines: readonly string[], start: number, parentIndent: number): number {
  let index = start;
  let leadingBlank = 0;
  while (index < lines.length && lines[index]!.trim() === '') {
    leadingBlank = Math.max(leadingBlank, lines[index]!.length);
    index += 1;
  }
  if (index === lines.length) return -1;
  const contentIndent = indentOf(lines[index]!);
  if (contentIndent <= parentIndent || leadingBlank > contentIndent) return -1;
  while (index < lines.length) {
    const line = lines[index]!;
    const indent = indentOf(line);
    if (indent === line.length || indent >= contentIndent) {
      index += 1;
      continue;
    }
    if (indent > parentIndent) return -1;
    break;
  }
  return index;
}

import { UsageError } from '../errors.js';
import { readRegularFile } from '../topics/files.js';
import { formatProblem, type Problem } from '../topics/problems.js';
import { decodeUtf8 } from '../topics/utf8.js';
import { readFast } from '../topics/fastYaml.js';
import { positionAt } from '../topics/locate.js';
import { keyText, readYaml, type YamlReading } from '../topics/yamlDocument.js';
import { isMap, isPair } from 'yaml';
import { parseAnswersDocument, type RawAnswers } from './answers.js';

/**
 * Reads an answers file (YAML or JSON, which is YAML too) with the same reading
 * as topic files (topics/yamlDocument.ts): keys are text as written (`0123:`
 * answers question "0123", `null:` question "null"), duplicate keys are found in
 * one pass, aliases are bounded, invalid UTF-8 and special files are refused.
 * Any problem, a warning included, is a usage error `file:line:col  message`:
 * a scripted run should not guess. The map keeps the file's key order, and can
 * locate a value for the errors found later, when entries meet their questions.
 */
export function readAnswersFile(path: string, display: string): RawAnswers {
  const read = readRegularFile(path);
  if ('skipped' in read) {
    if (/does not exist/.test(read.skipped)) throw new UsageError(`answers file not found: ${display}`);
    throw new UsageError(`${display}: ${read.skipped.replace(/; skipped$/, '')}`);
  }
  const decoded = decodeUtf8(read.bytes);
  if (!('text' in decoded)) throw new UsageError(formatProblem({ file: display, ...decoded }));
  // The fast path gives the same value where it applies (topics/fastYaml.ts); yaml decides and locates the rest.
  // A plain object lists integer-like keys (`123`) first, whatever the file's order: those files take the node reading, which keeps it.
  const fast = readFast(decoded.text);
  if (fast && isMapping(fast.value) && !hasIndexKey(fast.value)) return parseAnswersDocument(fast.value, display, [], lazyLocator(decoded.text, display));
  const reading = readYaml(decoded.text, display, 'answers file');
  const [first] = reading.problems;
  if (first) {
    const more = reading.problems.length > 1 ? ` (and ${reading.problems.length - 1} more problem${reading.problems.length > 2 ? 's' : ''})` : '';
    throw new UsageError(`${formatProblem(first)}${more}`);
  }
  const notMapping = wholeFileProblem(reading, display);
  if (notMapping) throw new UsageError(formatProblem(notMapping));
  return parseAnswersDocument(reading.value, display, writtenKeys(reading), locator(reading));
}

function isMapping(value: unknown): boolean {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * An answers file whose document is not a mapping, placed like every other
 * problem: an empty file (or only comments) at 1:1, a list, a single value or
 * an empty document (`---`, `null`) where its top-level node starts.
 */
function wholeFileProblem(reading: YamlReading, file: string): Problem | undefined {
  if (reading.empty) return { file, line: 1, col: 1, message: 'file is empty (no YAML document): expected a mapping of question id to answer' };
  const value = reading.value;
  if (isMapping(value)) return undefined;
  const found = Array.isArray(value) ? 'a list' : value === null || value === undefined ? 'an empty document' : 'a single value';
  return { file, ...reading.at(reading.document?.contents?.range?.[0] ?? 0), message: `(top level): expected a mapping of question id to answer, found ${found}` };
}

/** Keys that are array indexes (canonical integers below 2^32 - 1), which objects order numerically. */
function hasIndexKey(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return false;
  // Most keys do not start with a digit: one character code rules them out before the pattern.
  return Object.keys(value).some((key) => {
    const first = key.charCodeAt(0);
    return first >= 48 && first <= 57 && /^(?:0|[1-9]\d{0,9})$/.test(key) && Number(key) < 4294967295;
  });
}

/** The top-level keys in the order the file writes them. */
function writtenKeys(reading: YamlReading): string[] {
  const root = reading.document?.contents;
  if (!isMap(root)) return [];
  return root.items.flatMap((pair) => (isPair(pair) ? [keyText(pair.key, reading.document)].filter((key): key is string => key !== undefined) : []));
}

function locator(reading: YamlReading): RawAnswers['locate'] {
  return (path, atKey) => positionAt(reading, [...path], atKey);
}

/** The fast path has no nodes: the file is read again by `yaml` only when a value error needs its position. */
function lazyLocator(text: string, display: string): RawAnswers['locate'] {
  let reading: YamlReading | undefined;
  return (path, atKey) => {
    // An unknown question id is the common error: placed without parsing 100,000 keys again.
    if (path.length === 1 && atKey) {
      const found = topLevelKeyPosition(text, String(path[0]));
      if (found) return found;
    }
    reading ??= readYaml(text, display, 'answers file');
    return positionAt(reading, [...path], atKey);
  };
}

/**
 * Where a top-level key is written, in a file the fast path has read: there
 * (plainSubset.ts) the top-level mapping starts in column 1 and everything
 * else, block scalar content included, is indented deeper, so the first
 * column-1 line writing the key (plain, or quoted without escapes) is it.
 * Undefined when no line matches that way (a flow mapping, an escaped key):
 * the caller then reads the file with `yaml`.
 */
export function topLevelKeyPosition(text: string, key: string): { line: number; col: number } | undefined {
  let start = 0;
  for (let line = 1; start <= text.length; line += 1) {
    const end = text.indexOf('\n', start);
    const row = text.slice(start, end === -1 ? text.length : end);
    if (writtenKey(row) === key) return { line, col: 1 };
    if (end === -1) break;
    start = end + 1;
  }
  return undefined;
}

/** The key a column-1 `key: value` line writes, or undefined for any other line (indented, a comment, a quoted key with escapes). */
function writtenKey(row: string): string | undefined {
  const first = row[0];
  if (first === undefined || first === ' ' || first === '#') return undefined;
  if (first === '"' || first === "'") {
    const close = row.indexOf(first, 1);
    const inner = first === "'" ? /^'((?:[^']|'')*)'\s*:(?:\s|$)/.exec(row)?.[1]?.replaceAll("''", "'") : close > 0 && /^\s*:(?:\s|$)/.test(row.slice(close + 1)) ? row.slice(1, close) : undefined;
    return inner === undefined || (first === '"' && inner.includes('\\')) ? undefined : inner;
  }
  const colon = row.indexOf(': ');
  const end = colon !== -1 ? colon : row.endsWith(':') ? row.length - 1 : -1;
  return end === -1 ? undefined : row.slice(0, end).trimEnd();
}

import { withDefaults, type Topic } from './model.js';
import { TopicSchema } from './schema.js';
import { decodeUtf8 } from './utf8.js';
import { byPosition, positionOf, type Problem } from './problems.js';
import { readFast } from './fastYaml.js';
import { isError, readYaml, type YamlReading } from './yamlDocument.js';
import { locateIssue, positionAt } from './locate.js';

const EMPTY_FILE = 'file is empty: expected a topic mapping with id, title and questions';

/**
 * `ok` files may still carry warnings (an unresolved tag, say): they load, and
 * `--strict` turns the warnings into a failure. `idPosition` is where the
 * top-level `id` is written, for a duplicate-topic message.
 */
export type ParseResult =
  | { ok: true; topic: Topic; problems: Problem[]; idPosition: { line: number; col: number } }
  | { ok: false; problems: Problem[] };

/**
 * Reads one topic file. Its meaning is what `yaml` gives (yamlDocument.ts);
 * js-yaml reads it first only where that provably gives the same value
 * (fastYaml.ts), and only a file that is valid there skips `yaml`.
 */
export function parseTopicSource(bytes: Uint8Array, file: string): ParseResult {
  const decoded = decodeUtf8(bytes);
  if (!('text' in decoded)) return fail({ file, line: decoded.line, col: decoded.col, message: decoded.message });
  const source = decoded.text;

  const fast = readFast(source);
  if (fast) {
    const parsed = TopicSchema.safeParse(fast.value);
    if (parsed.success) return { ok: true, topic: withDefaults(parsed.data), problems: [], idPosition: topLevelIdPosition(source) };
  }
  return parseSlowly(source, file);
}

function parseSlowly(source: string, file: string): ParseResult {
  const reading = readYaml(source, file, 'topic file');
  const warnings = reading.problems.filter((problem) => !isError(problem));
  if (reading.problems.some(isError)) return { ok: false, problems: reading.problems.sort(byPosition) };
  if (reading.empty) return fail({ file, line: 1, col: 1, message: EMPTY_FILE }, warnings);
  const value = reading.value;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    const { line, col } = reading.at(reading.document?.contents?.range?.[0] ?? 0);
    const found = Array.isArray(value) ? 'a list' : value === null ? 'an empty value' : 'a single value';
    return fail({ file, line, col, message: `(top level): expected a mapping with id, title and questions, found ${found}` }, warnings);
  }
  const parsed = TopicSchema.safeParse(value);
  if (parsed.success) return { ok: true, topic: withDefaults(parsed.data), problems: warnings, idPosition: idPositionIn(reading) };
  const problems = [...warnings, ...parsed.error.issues.flatMap((issue) => locateIssue(reading, issue, file))];
  return { ok: false, problems: problems.sort(byPosition) };
}

function idPositionIn(reading: YamlReading): { line: number; col: number } {
  return positionAt(reading, ['id'], true);
}

/**
 * In the plain subset the top-level mapping is the first content line's
 * indentation, and block scalar content is always deeper, so the first line at
 * that indentation starting with `id:` is the key.
 */
function topLevelIdPosition(source: string): { line: number; col: number } {
  const first = /^( *)[^#\s]/m.exec(source);
  const indent = first?.[1]?.length ?? 0;
  const match = new RegExp(`^ {${indent}}(?:id|"id"|'id') *:`, 'm').exec(source);
  return match ? positionOf(source, match.index + indent) : { line: 1, col: 1 };
}

function fail(problem: Problem, warnings: Problem[] = []): ParseResult {
  return { ok: false, problems: [...warnings, problem].sort(byPosition) };
}

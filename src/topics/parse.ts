import { withDefaults, type Topic } from './model.js';
import { TopicSchema } from './schema.js';
import { decodeUtf8 } from './utf8.js';
import { positionOf, type Problem } from './problems.js';
import { readFast } from './fastYaml.js';
import { controlTextPaths, sourceMayHoldControlText } from './controlText.js';

export const EMPTY_FILE = 'file is empty: expected a topic mapping with id, title and questions';

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
export async function parseTopicSource(bytes: Uint8Array, file: string): Promise<ParseResult> {
  const decoded = decodeUtf8(bytes);
  if (!('text' in decoded)) return { ok: false, problems: [{ file, line: decoded.line, col: decoded.col, message: decoded.message }] };
  const source = decoded.text;

  const fast = readFast(source);
  // An id YAML reads as a number, boolean or null gets a warning, which `yaml` places.
  if (fast && fast.nonTextIds === 0) {
    const parsed = TopicSchema.safeParse(fast.value);
    // Text with control characters takes the slow path, where its warnings can be placed.
    if (parsed.success && (!sourceMayHoldControlText(source) || controlTextPaths(fast.value).length === 0)) return { ok: true, topic: withDefaults(parsed.data), problems: [], idPosition: topLevelIdPosition(source) };
  }
  // `yaml` (and the code that places problems) loads only when a file needs it.
  const { parseSlowly } = await import('./parseSlowly.js');
  return parseSlowly(source, file);
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

import { isUtf8 } from 'node:buffer';
import jsyaml from 'js-yaml';
import { withDefaults, type Topic } from './model.js';
import { TopicSchema } from './schema.js';
import { bytePosition, findInvalidUtf8 } from './utf8.js';
import { byPosition, positionOf, type Problem } from './problems.js';

const EMPTY_FILE = 'file is empty: expected a topic mapping with id, title and questions';

export type ParseResult = { ok: true; topic: Topic } | { ok: false; problems: Problem[] };

/**
 * The happy path uses js-yaml (about 8x faster than `yaml` on a large bank, see
 * README "Performance") with YAML 1.2 core types plus merge keys, the same
 * reading `yaml` gives (a test checks both agree). Only a file that fails here
 * is re-read by locate.ts to place each problem.
 */
// js-yaml 4 exports its built-in types at run time; @types/js-yaml omits them.
const { merge } = (jsyaml as unknown as { types: { merge: jsyaml.Type } }).types;
const FAST_SCHEMA = jsyaml.CORE_SCHEMA.extend({ implicit: [merge] });

export async function parseTopicSource(bytes: Uint8Array, file: string): Promise<ParseResult> {
  // The native check is ~20x faster; the JS scanner runs only to locate a bad byte.
  const invalidAt = isUtf8(bytes) ? -1 : findInvalidUtf8(bytes);
  if (invalidAt !== -1) {
    const { line, col } = bytePosition(bytes, invalidAt);
    return fail({ file, line, col, message: `file is not valid UTF-8 (byte 0x${bytes[invalidAt]!.toString(16).padStart(2, '0')} at offset ${invalidAt})` });
  }
  const source = new TextDecoder().decode(bytes); // strips a BOM

  let value: unknown;
  try {
    value = jsyaml.load(source, { schema: FAST_SCHEMA, filename: file });
  } catch {
    // js-yaml's messages and positions are rougher than yaml's: fall through to the slow path.
    return locateProblems(source, file);
  }
  if ((value === undefined || value === null) && isOnlyComments(source)) {
    return fail({ file, line: 1, col: 1, message: EMPTY_FILE });
  }
  const parsed = TopicSchema.safeParse(value);
  if (parsed.success) return { ok: true, topic: withDefaults(parsed.data) };
  return locateProblems(source, file);
}

async function locateProblems(source: string, file: string): Promise<ParseResult> {
  const { locateDocument } = await import('./locate.js');
  const located = locateDocument(source, file);
  if (located.syntaxProblems.length > 0) return { ok: false, problems: located.syntaxProblems };
  if ((located.value === undefined || located.value === null) && isOnlyComments(source)) {
    return fail({ file, line: 1, col: 1, message: EMPTY_FILE });
  }
  if (typeof located.value !== 'object' || Array.isArray(located.value)) {
    const offset = source.search(/^[^#\s]/m);
    const { line, col } = positionOf(source, Math.max(offset, 0));
    const found = Array.isArray(located.value) ? 'a list' : located.value === null ? 'an empty value' : 'a single value';
    return fail({ file, line, col, message: `(top level): expected a mapping with id, title and questions, found ${found}` });
  }
  const parsed = TopicSchema.safeParse(located.value);
  // The fast parser refused what yaml accepts: trust the parser that locates errors.
  if (parsed.success) return { ok: true, topic: withDefaults(parsed.data) };
  const problems = parsed.error.issues.flatMap((issue) => located.locateIssue(issue));
  return { ok: false, problems: problems.sort(byPosition) };
}

function isOnlyComments(source: string): boolean {
  return source.split('\n').every((line) => /^\s*(#.*)?$/.test(line) || /^\s*(---|\.\.\.)\s*$/.test(line));
}

function fail(problem: Problem): ParseResult {
  return { ok: false, problems: [problem] };
}

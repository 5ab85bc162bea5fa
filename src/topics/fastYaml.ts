import jsyaml from 'js-yaml';
import { isPlainSubset } from './plainSubset.js';

/**
 * The fast path: js-yaml (about 8x faster than `yaml` on a large bank, see
 * README "Performance"), taken only when it provably reads a file as `yaml`
 * does (yamlDocument.ts). Three things make that so:
 *
 * - the file must be in the plain subset (plainSubset.ts), which leaves out
 *   every construct where the two parsers were found to differ;
 * - plain scalars are resolved by `yaml`'s own YAML 1.2 core-schema rules,
 *   copied below, not by js-yaml's (which reads `0b11` as 3 and `+.5` as text);
 * - keys are read as written: a plain scalar that core would turn into a number,
 *   boolean or null is first kept as a `PlainScalar`, whose `toString()` is its
 *   source text, so js-yaml's `String(key)` gives "0123" for `0123:`; values are
 *   then resolved in one walk, except an `id` field's, which stays its text.
 *
 * Returns undefined when the fast path does not apply or js-yaml refuses the
 * file: the caller then reads it with `yaml`, which is also the one that
 * reports problems. `nonTextIds` counts `id` values written as plain scalars
 * that YAML reads as a number, boolean or null (`id: 0123`): a topic file with
 * any is read by `yaml`, which places the warning about them.
 */
export function readFast(source: string): { value: unknown; nonTextIds: number } | undefined {
  if (!isPlainSubset(source)) return undefined;
  let loaded: unknown;
  wrapped = 0;
  nonTextIds = 0;
  try {
    loaded = jsyaml.load(source, { schema: PLAIN_SCHEMA });
  } catch {
    // Not an error to report: `yaml` re-reads the file and locates its problems.
    return undefined;
  }
  // An empty document is the reference reader's to describe.
  if (loaded === null || loaded === undefined) return undefined;
  // Nothing to unwrap and no `id` field to turn back into text: the walk would change nothing.
  if (wrapped === 0 && !source.includes('id')) return { value: loaded, nonTextIds: 0 };
  const value = resolvePlain(loaded);
  return { value, nonTextIds };
}

// yaml 2's core schema (node_modules/yaml/dist/schema/core/*.js), in its order.
const CORE_RULES: readonly [RegExp, (source: string) => unknown][] = [
  [/^(?:~|[Nn]ull|NULL)?$/, () => null],
  [/^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/, (s) => s[0] === 't' || s[0] === 'T'],
  [/^0o[0-7]+$/, (s) => parseInt(s.substring(2), 8)],
  [/^[-+]?[0-9]+$/, (s) => parseInt(s, 10)],
  [/^0x[0-9a-fA-F]+$/, (s) => parseInt(s.substring(2), 16)],
  [/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/, (s) => (s.slice(-3).toLowerCase() === 'nan' ? NaN : s[0] === '-' ? -Infinity : Infinity)],
  [/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/, (s) => parseFloat(s)],
  [/^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/, (s) => parseFloat(s)],
];

/**
 * A plain scalar that core resolves to a non-string whose text differs from
 * what was written (`0123` is 123, `~` is null); its text is what was written.
 * One whose value prints as written (`12`, `true`) is constructed as the
 * value itself: as a key, js-yaml's `String(key)` already gives its text.
 */
class PlainScalar {
  constructor(
    readonly source: string,
    readonly value: unknown,
  ) {}
  toString(): string {
    return this.source;
  }
  // js-yaml replaces keys whose class is "[object Object]"; this keeps ours.
  get [Symbol.toStringTag](): string {
    return 'PlainScalar';
  }
}

/** Every non-text core scalar starts with one of these (or is empty): most prose is ruled out by one look. */
const MAY_RESOLVE = /^(?:$|[-+.0-9~nNtTfF])/;

/** PlainScalars made by the current readFast call: none means there is nothing to unwrap. */
let wrapped = 0;
/** `id` values of the current readFast call that YAML reads as other than text. */
let nonTextIds = 0;
/** The rule resolve() matched; js-yaml calls construct() for the same scalar right after. */
let matched: (typeof CORE_RULES)[number] | undefined;

const plainType = new jsyaml.Type('tag:interview-coach,2026:plain', {
  kind: 'scalar',
  resolve: (data: string | null) => {
    const source = data ?? '';
    matched = MAY_RESOLVE.test(source) ? CORE_RULES.find(([test]) => test.test(source)) : undefined;
    return matched !== undefined;
  },
  construct: (data: string | null) => {
    const source = data ?? '';
    const rule = matched?.[0].test(source) ? matched : CORE_RULES.find(([test]) => test.test(source))!;
    const value = rule[1](source);
    // Never a bare null: js-yaml gives an empty node null too, and `id:` must stay apart from `id: null`.
    if (value !== null && String(value) === source) return value;
    wrapped += 1;
    return new PlainScalar(source, value);
  },
});

const PLAIN_SCHEMA = jsyaml.FAILSAFE_SCHEMA.extend({ implicit: [plainType] });

function resolvePlain(value: unknown): unknown {
  if (value instanceof PlainScalar) return value.value;
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index += 1) {
      const entry = value[index];
      if (entry === null || typeof entry !== 'object') continue;
      const resolved = resolvePlain(entry);
      if (resolved !== entry) value[index] = resolved;
    }
    return value;
  }
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      const entry = record[key];
      if (key === 'id') {
        // An id is text as written (yamlDocument.ts): `id: 0123` is "0123", `id: 12` is "12".
        if (entry instanceof PlainScalar) {
          record[key] = entry.source === '' ? null : entry.source;
          if (entry.source !== '') nonTextIds += 1;
        } else if (typeof entry === 'number' || typeof entry === 'boolean') {
          record[key] = String(entry);
          nonTextIds += 1;
        } else resolvePlain(entry);
        continue;
      }
      // Strings and nulls stay as they are; writing only what changes keeps a 100,000-key mapping cheap.
      if (entry === null || typeof entry !== 'object') continue;
      const resolved = resolvePlain(entry);
      if (resolved !== entry) record[key] = resolved;
    }
  }
  return value;
}

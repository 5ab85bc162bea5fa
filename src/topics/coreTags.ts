import { isMap, isScalar, isSeq, type Node } from 'yaml';

/**
 * Explicit YAML 1.2 core tags (`!!int`, `!!float`, `!!bool`, `!!null`, `!!str`,
 * `!!map`, `!!seq`) read by the spec rather than by `yaml`'s resolver.
 *
 * YAML 1.2.2 §10.3.2 gives each core scalar type a regular expression; a node
 * tagged with that type whose content matches is that value, and one whose
 * content does not match cannot be read (§10.1: a tag's kind and content must
 * fit). `yaml` only applies an explicit tag when the content is one of the forms
 * its own resolver would pick for a plain scalar, so `!!float 1` (an integer
 * form, valid for !!float by the spec's float expression) was the string "1"
 * with an "Unresolved tag" warning, and so were `!!bool yes` and `!!int 1.5`
 * (no valid value at all). Here the first is the number 1 and the others are
 * errors at the node; collections with a scalar tag (`!!int [1]`) and scalars
 * with a collection tag (`!!map x`) are errors too.
 */
const CORE = 'tag:yaml.org,2002:';

interface ScalarType {
  /** The spec's expression for the type's content (§10.3.2, core schema). */
  test: RegExp;
  value: (content: string) => unknown;
  /** The forms allowed, for the message. */
  forms: string;
}

const SCALAR_TYPES: Record<string, ScalarType> = {
  null: { test: /^(?:null|Null|NULL|~|)$/, value: () => null, forms: 'YAML 1.2 null is written null, Null, NULL, ~ or nothing' },
  bool: { test: /^(?:true|True|TRUE|false|False|FALSE)$/, value: (content) => content[0] === 't' || content[0] === 'T', forms: 'YAML 1.2 booleans are true, false, True, False, TRUE or FALSE' },
  int: {
    test: /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$/,
    value: (content) => (content.startsWith('0o') ? parseInt(content.slice(2), 8) : content.startsWith('0x') ? parseInt(content.slice(2), 16) : parseInt(content, 10)),
    forms: 'YAML 1.2 integers are written 12, -12, 0o17 or 0x1F',
  },
  float: {
    test: /^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
    value: (content) => (/nan$/i.test(content) ? NaN : /inf$/i.test(content) ? (content[0] === '-' ? -Infinity : Infinity) : parseFloat(content)),
    forms: 'YAML 1.2 floats are written 1, 1.5, -2e3, .5, .inf or .nan',
  },
};

const COLLECTION_TAGS = new Set(['map', 'seq']);

/** The core tags read here (!!set and !!merge are left to yaml). */
export function isCoreTag(tag: string): boolean {
  if (!tag.startsWith(CORE)) return false;
  const name = tag.slice(CORE.length);
  return name === 'str' || name in SCALAR_TYPES || COLLECTION_TAGS.has(name);
}

/** A core tag whose value is never text: a key carrying it is not a text key. */
export function isNonTextCoreTag(tag: string): boolean {
  return isCoreTag(tag) && tag !== `${CORE}str`;
}

/** yaml's "Unresolved tag" warning for one of the tags checkCoreTag decides. */
export function isCoreTagWarning(message: string): boolean {
  const match = /Unresolved tag: (\S+)/.exec(message);
  return match !== null && isCoreTag(match[1]!);
}

/**
 * For a node carrying a core tag: undefined when `yaml`'s own reading stands,
 * the value when `yaml` left the content unresolved but the spec gives it one,
 * or an error in our words (`!!bool cannot be "yes" (…)`).
 */
export function checkCoreTag(node: Node): { value: unknown } | { error: string } | undefined {
  const name = node.tag!.slice(CORE.length);
  const shown = `!!${name}`;
  if (isSeq(node) || isMap(node)) {
    const kind = isSeq(node) ? 'seq' : 'map';
    // !!set is a mapping too; yaml reads !!set on a mapping itself.
    if (name === kind || (name === 'set' && kind === 'map')) return undefined;
    return { error: `${shown} cannot be ${kind === 'seq' ? 'a list' : 'a mapping'}` };
  }
  if (!isScalar(node)) return undefined;
  if (COLLECTION_TAGS.has(name)) return { error: `${shown} cannot be a single value ${describe(node.source ?? node.value)}` };
  const type = SCALAR_TYPES[name];
  // Resolved by yaml (`!!int 0x1F` is 31), or !!str, which takes any text.
  if (type === undefined || typeof node.value !== 'string') return undefined;
  if (type.test.test(node.value)) return { value: type.value(node.value) };
  return { error: `${shown} cannot be ${node.value === '' ? 'empty' : describe(node.value)} (${type.forms})` };
}

function describe(value: unknown): string {
  const text = String(value);
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
}

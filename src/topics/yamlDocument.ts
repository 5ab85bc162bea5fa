import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseAllDocuments, Scalar, type Document, type Node } from 'yaml';
import type { Problem } from './problems.js';
import { checkCoreTag, isCoreTag, isCoreTagWarning, isNonTextCoreTag } from './coreTags.js';
import { directiveProblems } from './directives.js';
import { normalizeLineBreaks } from './utf8.js';

/**
 * The one reading of a topic or answers file: what `yaml` (YAML 1.2, core
 * schema, merge keys; it passes the YAML test suite) gives, with three rules of
 * our own applied while converting its nodes to plain data:
 *
 * - keys are text: a plain key is read as written (`0123` stays "0123", `null`
 *   is "null"), a quoted key as its value; a key that is a mapping, a list, an
 *   empty node or a tagged non-text value is an error at the key;
 * - so are ids: the value of an `id` field, if a plain scalar, is its text as
 *   written (`id: 0123` is "0123", not the number 123);
 * - duplicate keys are found in one pass with a Set per mapping (yaml's own
 *   `uniqueKeys` check is quadratic: 100,000 keys took 103 s);
 * - aliases may add at most as many nodes as the file writes out (or 10,000 if
 *   that is more), so nested aliases cannot blow up memory or time.
 *
 * yaml's errors and warnings (an unresolved `!tag`, a `%YAML 1.1` directive) are
 * returned as problems; nothing is printed (logLevel "silent").
 */
export interface YamlReading {
  /** The document's data; undefined when there is an error-level problem or no document. */
  value: unknown;
  /** Errors and warnings, each at the node it is about. */
  problems: Problem[];
  /** True when the file holds no document at all (empty, or only comments). */
  empty: boolean;
  /** The parsed first document, for placing later (schema) problems at their node. */
  document: Document.Parsed | undefined;
  at(offset: number): { line: number; col: number };
}

const PARSE_OPTIONS = { version: '1.2', schema: 'core', merge: true, uniqueKeys: false, prettyErrors: false, logLevel: 'silent', strict: true } as const;
const MIN_ALIAS_BUDGET = 10_000;
const TOO_DEEP = 'YAML: collections are nested too deeply to read (hundreds of levels); a topic or answers file needs a handful';

/**
 * How far the reading may stray from a plain YAML-to-JSON reading (an editor
 * validating against topic.schema.json) without saying so. With `sayWhereReadersDiffer`
 * (topic files), each place where it does is a warning at the node: an `id`
 * written as a plain scalar YAML reads as a number, boolean or null (`id: 0123`
 * is "0123" here, 123 to the editor), and an explicit tag the spec reads but
 * `yaml` does not (`!!float 1` is 1 here, "1" to `yaml`).
 */
export interface ReadOptions {
  sayWhereReadersDiffer?: boolean;
}

/** `what` names the file kind in messages ("topic file", "answers file"). Line breaks are read as YAML 1.2 §5.4 says (utf8.ts normalizeLineBreaks). */
export function readYaml(text: string, file: string, what: string, options: ReadOptions = {}): YamlReading {
  const source = normalizeLineBreaks(text);
  const lineCounter = new LineCounter();
  const documents = parseAllDocuments(source, { ...PARSE_OPTIONS, lineCounter });
  const at = (offset: number) => lineCounter.linePos(offset);
  const problems: Problem[] = [];
  for (const document of documents) {
    for (const error of document.errors) {
      // yaml reads nesting by recursion: some hundreds of levels run out of stack, which it reports as a syntax error.
      const tooDeep = /Maximum call stack size exceeded/.test(error.message);
      if (tooDeep && problems.some((problem) => problem.message === TOO_DEEP)) continue;
      problems.push({ file, ...at(error.pos[0]), message: tooDeep ? TOO_DEEP : `YAML syntax: ${firstLine(error.message)}` });
    }
    for (const warning of document.warnings) {
      // A core tag yaml could not apply (`!!float 1`, `!!bool yes`): the converter decides, by the spec (coreTags.ts).
      if (warning.code === 'TAG_RESOLVE_FAILED' && isCoreTagWarning(warning.message)) continue;
      problems.push({ file, ...at(warning.pos[0]), level: 'warning', message: `YAML: ${firstLine(warning.message)}` });
    }
  }
  problems.push(...directiveProblems(source, file, documents.length));
  if (documents.length > 1) {
    const second = documents[1]!;
    problems.push({ file, ...at(second.range[0]), message: `${/^[aeiou]/.test(what) ? 'an' : 'a'} ${what} holds one YAML document, this one holds ${documents.length} (a "---" line starts a new one); remove the extra "---"` });
  }
  const document = documents[0];
  const empty = document === undefined || document.contents === null;
  if (problems.some(isError) || empty) return { value: undefined, problems, empty, document, at };
  const converter = new Converter(document, file, at, options.sayWhereReadersDiffer === true);
  const value = converter.run();
  problems.push(...converter.problems);
  return { value: problems.some(isError) ? undefined : value, problems, empty, document, at };
}

export function isError(problem: Problem): boolean {
  return problem.level !== 'warning';
}

/**
 * The text of a mapping key (see the rules above), or undefined if the key is not
 * text. Exported so schema problems can find a field by the same reading.
 */
export function keyText(key: unknown, document?: Document): string | undefined {
  const node = isAlias(key) && document ? key.resolve(document) : key;
  if (!isScalar(node)) return undefined;
  if (isWrittenText(node)) return node.source;
  if (node.type === Scalar.PLAIN && !node.tag) return undefined;
  // `!!float 1:` is a number key and `!!bool yes:` no valid key at all, whatever yaml made of them.
  if (node.tag !== undefined && isNonTextCoreTag(node.tag)) return undefined;
  return typeof node.value === 'string' ? node.value : undefined;
}

/** A plain, untagged, non-empty scalar: its text as written (`0123`, `true`), for keys and `id` values. */
function isWrittenText(node: unknown): node is Scalar & { source: string } {
  return isScalar(node) && node.type === Scalar.PLAIN && !node.tag && typeof node.source === 'string' && node.source !== '';
}

function isMergeKey(key: unknown): boolean {
  return isScalar(key) && (key.type === undefined || key.type === Scalar.PLAIN) && typeof key.value === 'symbol' && key.value.description === '<<';
}

// !!set is a mapping whose values are null, so it reads as one.
const CORE_TAGS = new Set(['str', 'int', 'float', 'bool', 'null', 'map', 'seq', 'set', 'merge'].map((name) => `tag:yaml.org,2002:${name}`));

class Stop extends Error {}

class Converter {
  readonly problems: Problem[] = [];
  private readonly sizes = new Map<Node, number>();
  private readonly inProgress = new Set<Node>();
  private aliasBudget = 0;

  constructor(
    private readonly document: Document.Parsed,
    private readonly file: string,
    private readonly at: (offset: number) => { line: number; col: number },
    private readonly sayWhereReadersDiffer: boolean,
  ) {}

  run(): unknown {
    this.aliasBudget = Math.max(MIN_ALIAS_BUDGET, this.sizeOf(this.document.contents as Node, false));
    try {
      return this.convert(this.document.contents as Node);
    } catch (error) {
      if (error instanceof Stop) return undefined;
      throw error;
    }
  }

  private warn(node: unknown, message: string): void {
    if (!this.sayWhereReadersDiffer) return;
    this.problems.push({ file: this.file, ...this.at((node as Node | null)?.range?.[0] ?? 0), level: 'warning', message });
  }

  private fail(node: unknown, message: string, stop = false): void {
    const offset = (node as Node | null)?.range?.[0] ?? 0;
    this.problems.push({ file: this.file, ...this.at(offset), message });
    if (stop) throw new Stop();
  }

  /** Nodes in a subtree as written; with `expand`, aliases count the nodes they stand for. */
  private sizeOf(node: Node | null, expand: boolean): number {
    if (node === null) return 1;
    if (isAlias(node)) return expand ? this.sizeOf(this.target(node) as Node, true) : 1;
    const cached = expand ? this.sizes.get(node) : undefined;
    if (cached !== undefined) return cached;
    let size = 1;
    if (isMap(node)) for (const pair of node.items) size += this.sizeOf(pair.key as Node, expand) + this.sizeOf(pair.value as Node, expand);
    else if (isSeq(node)) for (const item of node.items) size += this.sizeOf(item as Node, expand);
    if (expand) this.sizes.set(node, size);
    return size;
  }

  private target(alias: Node): Node | undefined {
    if (!isAlias(alias)) return alias;
    const target = alias.resolve(this.document) as Node | undefined;
    if (target === undefined) this.fail(alias, `YAML syntax: alias *${alias.source} has no anchor &${alias.source} before it`, true);
    if (this.inProgress.has(target!)) this.fail(alias, `YAML syntax: alias *${alias.source} refers to a node that contains it`, true);
    return target;
  }

  private convert(node: Node | null): unknown {
    if (node === null) return null;
    if (isAlias(node)) {
      const target = this.target(node)!;
      this.aliasBudget -= this.sizeOf(target, true);
      if (this.aliasBudget < 0) this.fail(node, `YAML: alias *${node.source} expands the file past its limit (aliases may add as many nodes as the file writes out, or 10,000); are aliases nested in aliases?`, true);
      return this.convert(target);
    }
    if (node.tag && !CORE_TAGS.has(node.tag) && node.tag.startsWith('tag:yaml.org,2002:')) {
      this.fail(node, `YAML: tag !!${node.tag.slice('tag:yaml.org,2002:'.length)} is not one of the YAML 1.2 core types this file can hold (text, numbers, true/false, null, mappings, lists)`);
      return null;
    }
    if (node.tag && isCoreTag(node.tag)) {
      const checked = checkCoreTag(node);
      if (checked !== undefined) {
        if ('error' in checked) this.fail(node, `YAML: ${checked.error}`);
        else {
          const shown = `${node.tag.replace('tag:yaml.org,2002:', '!!')} ${String((node as Scalar).source)}`;
          this.warn(node, `YAML: ${shown} is ${describeValue(checked.value)} in YAML 1.2, but the yaml package (behind many editors' YAML support) reads it as the text "${String((node as Scalar).source)}"; write it without the tag`);
          return checked.value;
        }
      }
    }
    if (isScalar(node)) return node.value;
    this.inProgress.add(node);
    const value = isMap(node) ? this.convertMap(node) : isSeq(node) ? node.items.map((item) => this.convert(item as Node)) : null;
    this.inProgress.delete(node);
    return value;
  }

  private convertMap(node: Node & { items: unknown[] }): Record<string, unknown> {
    const result: Record<string, unknown> = {};
    const written = new Map<string, Node>();
    const merged: unknown[] = [];
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      if (isMergeKey(pair.key)) {
        merged.push(pair.value);
        continue;
      }
      const text = keyText(pair.key, this.document);
      if (text === undefined) {
        this.fail(pair.key, describeBadKey(pair.key, this.document));
        continue;
      }
      const first = written.get(text);
      if (first) {
        this.fail(pair.key, `YAML syntax: Map keys must be unique; "${text}" is already at line ${this.at(first.range?.[0] ?? 0).line}`);
        continue;
      }
      written.set(text, pair.key as Node);
      if (text === 'id' && isWrittenText(pair.value)) {
        const { source, value } = pair.value;
        if (typeof value !== 'string') this.warn(pair.value, `id ${source} is read here as the text "${source}", but YAML reads a plain ${source} as ${describeValue(value)} (as do editors checking topic.schema.json); quote it, id: "${source}", so every YAML reader agrees`);
        setOwn(result, text, source);
      } else setOwn(result, text, this.convert(pair.value as Node));
    }
    for (const source of merged) this.merge(result, source as Node, written);
    return result;
  }

  /** `<<: *base` or `<<: [*a, *b]`: keys written in the mapping win, then earlier sources over later ones. */
  private merge(result: Record<string, unknown>, source: Node | null, written: Map<string, Node>): void {
    const resolved = isAlias(source) ? this.target(source) : source;
    const sources = isSeq(resolved) ? resolved.items.map((item) => item as Node) : [source];
    for (const item of sources) {
      const map = isAlias(item) ? this.target(item) : item;
      if (!isMap(map)) {
        this.fail(item ?? source, 'YAML syntax: Merge sources must be maps or map aliases');
        continue;
      }
      const value = this.convert(item) as Record<string, unknown>;
      for (const [key, entry] of Object.entries(value)) {
        if (!written.has(key) && !Object.prototype.hasOwnProperty.call(result, key)) setOwn(result, key, entry);
      }
    }
  }
}

/** "the number 123", "the boolean true", "null", for messages. */
function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'number') return `the number ${Number.isNaN(value) ? '.nan' : Number.isFinite(value) ? String(value) : value > 0 ? '.inf' : '-.inf'}`;
  return `the ${typeof value} ${String(value)}`;
}

function describeBadKey(key: unknown, document: Document): string {
  const node = isAlias(key) ? key.resolve(document) : key;
  if (isMap(node)) return 'a key must be text, found a mapping';
  if (isSeq(node)) return 'a key must be text, found a list';
  if (isScalar(node) && node.source === '' && !node.tag) return 'a key must be text, found an empty key';
  if (isScalar(node)) return `a key must be text, found ${node.tag?.replace('tag:yaml.org,2002:', '!!') ?? 'a'} ${String(node.value)}`;
  return 'a key must be text, found an empty key';
}

/** Plain assignment would let a `__proto__` key set the prototype instead of a field. */
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
  else target[key] = value;
}

function firstLine(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '');
}

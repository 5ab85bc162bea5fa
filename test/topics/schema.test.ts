import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { topicJsonSchema } from '../../src/topics/jsonSchema.js';
import { readFast } from '../../src/topics/fastYaml.js';
import { readYaml } from '../../src/topics/yamlDocument.js';
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

describe('the fast path (js-yaml) reads every bundled file as the one reading (yaml) does', () => {
  test.each(topicFiles)('bundled %s takes the fast path with the same value', (name) => {
    const source = readFileSync(join(TOPICS, name), 'utf8');
    const fast = readFast(source);
    expect(fast, 'a bundled file left the plain subset: see src/topics/plainSubset.ts').toBeDefined();
    const reading = readYaml(source, name, 'topic file');
    expect(reading.problems).toEqual([]);
    expect(fast!.value).toEqual(reading.value);
  });
});

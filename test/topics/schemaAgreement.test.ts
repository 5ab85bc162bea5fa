import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { parse, stringify } from 'yaml';
import { describe, expect, test } from 'vitest';
import { parseTopicSource } from '../../src/topics/parse.js';
import { readYaml } from '../../src/topics/yamlDocument.js';
import { ROOT } from '../helpers/cli.js';

/**
 * An editor using topics/topic.schema.json and `coach lint` must say the same
 * thing about every file, except the rules JSON Schema cannot state (README
 * "Topic files", lint-only rules): unique ids within a list, and a design's
 * minutes equal to the sum of its phases. (`.inf` agrees: ajv's number is finite.)
 *
 * The schema sees what an editor sees: the file read by plain YAML (the `yaml`
 * package, core schema) into JSON, without the coach's own rules. Where the
 * coach reads a file differently (an `id: 0123` is the text "0123" to it, the
 * number 123 to plain YAML; `!!float 2` is 2 to it, "2" to `yaml`), lint warns,
 * so "lint is clean" (no error, no warning: what `--strict` passes) is the verdict
 * compared with the schema's.
 */
const LINT_ONLY = [/duplicate (question|criterion|phase) id/, /must equal the sum of the phase minutes/, /which is not a criterion of this phase/];

const ajv = new Ajv2020({ allErrors: true, strict: true });
const validate = ajv.compile(JSON.parse(readFileSync(join(ROOT, 'topics', 'topic.schema.json'), 'utf8')));

interface Verdicts {
  schema: boolean;
  lint: boolean;
  lintOnly: boolean;
  problems: string[];
}

async function verdicts(source: string): Promise<Verdicts> {
  expect(readYaml(source, 'm.yaml', 'topic file').problems).toEqual([]);
  const result = await parseTopicSource(new TextEncoder().encode(source), 'm.yaml');
  const problems = result.problems.map((problem) => problem.message);
  return {
    schema: validate(parse(source, { logLevel: 'error' })) as boolean,
    lint: result.ok && result.problems.length === 0,
    lintOnly: problems.length > 0 && problems.every((message) => LINT_ONLY.some((rule) => rule.test(message))),
    problems,
  };
}

const BASE = {
  id: 'base',
  title: 'Base',
  summary: 'All kinds of question.',
  tags: ['a', 'b'],
  questions: [
    {
      id: 'one',
      type: 'choice',
      difficulty: 'easy',
      prompt: 'Pick one.',
      choices: [{ text: 'A', correct: true, why: 'Because.' }, { text: 'B' }],
      explanation: 'A is right.',
      points: 2,
      references: [{ title: 'Spec', url: 'https://example.com/spec' }],
    },
    { id: 'many', type: 'choice', multiple: true, prompt: 'Pick some.', choices: [{ text: 'A', correct: true }, { text: 'B', correct: true }, { text: 'C' }] },
    {
      id: 'short',
      type: 'short',
      minutes: 3,
      prompt: 'Explain.',
      rubric: [{ id: 'c1', points: 2, criterion: 'Says it.', partial: 'Half says it.' }, { id: 'c2', points: 1, criterion: 'Says more.' }],
      modelAnswer: 'It is so.',
      followUps: ['And then?'],
    },
    {
      id: 'design',
      type: 'design',
      minutes: 15,
      prompt: 'Design it.',
      facts: ['Ten users.'],
      phases: [
        { id: 'p1', title: 'First', minutes: 5, prompt: 'Go.', rubric: [{ id: 'c', points: 1, criterion: 'Goes.' }], facts: ['Reads only.'], followUps: ['Why?'] },
        { id: 'p2', title: 'Second', minutes: 10, prompt: 'On.', rubric: [{ id: 'c', points: 1, criterion: 'Goes on.' }], modelAnswer: 'So.', followUps: [{ question: 'How?', probes: 'c' }] },
      ],
    },
  ],
};

type Json = unknown;
const REPLACEMENTS: Json[] = [42, 1.5, 0, -1, '', '   ', 'Bad Id', true, null, [], {}, ['', 'ok'], Infinity];
const URLS = ['https://例え.jp/パス', 'http://a.b', 'https://x.y/a b', 'ftp://x.y/z', 'mailto:a@b.c', 'https://', 'https:///path', 'HTTPS://x.y', 'https://x.y/\u00e9?q=1#f', 'https://x .y'];

/** Every field deleted, every value replaced by each of a set of wrong (and some right) values, and an unknown field added to every mapping. */
function mutants(): { name: string; value: Json }[] {
  const out: { name: string; value: Json }[] = [];
  const clone = () => structuredClone(BASE) as Json;
  const walk = (node: Json, path: (string | number)[]) => {
    if (node === null || typeof node !== 'object') return;
    if (!Array.isArray(node)) out.push({ name: `${path.join('.')}.+extra`, value: edit(path, (target) => ((target as Record<string, Json>).extra = 1)) });
    for (const [key, child] of Object.entries(node as Record<string, Json>)) {
      // The second item of a list has the shape of the first: mutate it whole, not field by field.
      if (Array.isArray(node) && Number(key) > 0 && typeof child === 'object') continue;
      const childPath = [...path, Array.isArray(node) ? Number(key) : key];
      out.push({ name: `${childPath.join('.')} deleted`, value: edit(path, (target) => (Array.isArray(target) ? target.splice(Number(key), 1) : delete (target as Record<string, Json>)[key])) });
      for (const replacement of REPLACEMENTS) out.push({ name: `${childPath.join('.')} = ${typeof replacement === 'number' ? String(replacement) : JSON.stringify(replacement)}`, value: edit(path, (target) => ((target as Record<string, Json>)[key] = replacement)) });
      walk(child, childPath);
    }
  };
  function edit(path: (string | number)[], change: (target: Json) => void): Json {
    const root = clone();
    change(path.reduce<Json>((node, segment) => (node as Record<string, Json>)[segment], root));
    return root;
  }
  walk(BASE, []);
  for (const url of URLS) out.push({ name: `url ${url}`, value: edit(['questions', 0, 'references', 0], (target) => ((target as Record<string, Json>).url = url)) });
  out.push({ name: 'two correct, single', value: edit(['questions', 0, 'choices', 1], (target) => ((target as Record<string, Json>).correct = true)) });
  out.push({ name: 'no correct, multiple', value: edit(['questions', 1], (target) => ((target as { choices: Json[] }).choices = [{ text: 'A' }, { text: 'B', correct: false }])) });
  out.push({ name: 'nine choices', value: edit(['questions', 0], (target) => ((target as { choices: Json[] }).choices = [{ text: 'A', correct: true }, ...Array.from({ length: 8 }, (_, k) => ({ text: `O${k}` }))])) });
  out.push({ name: 'duplicate question id', value: edit(['questions', 1], (target) => ((target as Record<string, Json>).id = 'one')) });
  out.push({ name: 'duplicate criterion id', value: edit(['questions', 2, 'rubric', 1], (target) => ((target as Record<string, Json>).id = 'c1')) });
  out.push({ name: 'duplicate phase id', value: edit(['questions', 3, 'phases', 1], (target) => ((target as Record<string, Json>).id = 'p1')) });
  out.push({ name: 'follow-up probes no criterion of its phase', value: edit(['questions', 3, 'phases', 1, 'followUps', 0], (target) => ((target as Record<string, Json>).probes = 'nope')) });
  out.push({ name: 'design minutes not the sum', value: edit(['questions', 3], (target) => ((target as Record<string, Json>).minutes = 16)) });
  return out;
}

/**
 * Mutants written as YAML text, for what JSON cannot carry: ids written as plain
 * scalars that YAML reads as numbers, booleans or null, and explicit tags. Each
 * is [name, source, lint clean?] (the schema must say the same).
 */
function textMutants(): [string, string, boolean][] {
  const base = stringify(BASE);
  const out: [string, string, boolean][] = [];
  const ids: [string, string][] = [
    ['topic id', 'id: base\n'],
    ['question id', '  - id: one\n'],
    ['criterion id', 'id: c1\n'],
    ['phase id', 'id: p1\n'],
  ];
  for (const [where, line] of ids) {
    expect(base).toContain(line);
    for (const written of ['0123', '12', 'true', 'False', 'null', 'Null', '~', '1e3', '0x1F', '0o17', '+5', '.inf', '.nan']) {
      out.push([`${where} written ${written}`, base.replace(line, line.replace(/id: \S+/, `id: ${written}`)), false]);
    }
    for (const written of ['"0123"', "'12'", '"true"', 'x-1', '0b11', '1_000', '007a']) {
      out.push([`${where} written ${written}`, base.replace(line, line.replace(/id: \S+/, `id: ${written}`)), true]);
    }
  }
  expect(base).toContain('points: 2\n');
  for (const [written, clean] of [['!!int 2', true], ['!!float 2', false], ['!!float 2.0', true], ['!!str 2', false], ['!!int "2"', true]] as const) {
    out.push([`points: ${written}`, base.replace('points: 2\n', `points: ${written}\n`), clean]);
  }
  out.push(['title: !!str 12', base.replace('title: Base\n', 'title: !!str 12\n'), true]);
  return out;
}

describe('ajv (draft 2020-12) with topic.schema.json agrees with lint', () => {
  test.each(textMutants())('%s: lint clean = %s, and the schema says the same', async (_name, source, clean) => {
    const result = await verdicts(source);
    expect(result.lint, result.problems.join('; ')).toBe(clean);
    expect(result.schema, ajv.errorsText(validate.errors)).toBe(clean);
  });

  const bundled = readdirSync(join(ROOT, 'topics')).filter((name) => name.endsWith('.yaml'));
  test.each(bundled)('bundled %s: both accept it', async (name) => {
    const result = await verdicts(readFileSync(join(ROOT, 'topics', name), 'utf8'));
    expect(result).toMatchObject({ schema: true, lint: true });
  });

  const corpus = mutants();
  test(`the mutant corpus is large (${corpus.length} files) and has both verdicts`, async () => {
    expect(corpus.length).toBeGreaterThan(300);
  });

  test('every mutant: the same verdict, except exactly the lint-only rules', async () => {
    const disagreements: string[] = [];
    const lintOnly: string[] = [];
    let rejected = 0;
    for (const { name, value } of corpus) {
      const result = await verdicts(stringify(value));
      if (!result.lint) rejected += 1;
      if (result.lintOnly) {
        lintOnly.push(name);
        // The schema cannot say these, so it accepts what lint rejects.
        if (!(result.schema && !result.lint)) disagreements.push(`${name}: lint-only rule, but schema=${result.schema} ${result.problems.join("; ")}`);
      } else if (result.schema !== result.lint) {
        disagreements.push(`${name}: schema=${result.schema} lint=${result.lint} ${result.problems.join('; ')} ${ajv.errorsText(validate.errors)}`);
      }
    }
    expect(disagreements).toEqual([]);
    expect(rejected).toBeGreaterThan(corpus.length / 2);
    expect(lintOnly).toEqual(expect.arrayContaining(['duplicate question id', 'duplicate criterion id', 'duplicate phase id', 'design minutes not the sum', 'follow-up probes no criterion of its phase']));
  });
});

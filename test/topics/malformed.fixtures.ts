/**
 * Malformed topic files and the exact located problems each must produce.
 * A valid skeleton is shown first; each fixture breaks one thing.
 */
export const VALID = `id: demo
title: Demo
questions:
  - id: q1
    type: short
    prompt: Why?
    rubric:
      - { id: a, points: 2, criterion: Says why. }
`;

export interface MalformedFixture {
  name: string;
  source: string | Uint8Array;
  problems: string[]; // "line:col  message"
}

export const MALFORMED: MalformedFixture[] = [
  { name: 'tab indentation', source: 'id: t\ntitle: T\nquestions:\n\t- id: q\n', problems: ['4:1  YAML syntax: Tabs are not allowed as indentation'] },
  { name: 'duplicate key', source: 'id: t\ntitle: T\nid: u\nquestions: []\n', problems: ['3:1  YAML syntax: Map keys must be unique; "id" is already at line 1'] },
  {
    name: 'unclosed flow sequence',
    source: 'id: t\ntitle: T\ntags: [a, b\nquestions: []\n',
    problems: ['4:1  YAML syntax: Flow sequence in block collection must be sufficiently indented and end with a ]'],
  },
  { name: 'unclosed quote', source: 'id: t\ntitle: "T\nquestions: []\n', problems: ['4:1  YAML syntax: Missing closing "quote'] },
  { name: 'alias without anchor', source: 'id: t\ntitle: *missing\nquestions: []\n', problems: ['2:8  YAML syntax: alias *missing has no anchor &missing before it'] },
  { name: 'merge key without a mapping', source: 'id: t\ntitle: T\nbase:\n  <<:\n', problems: ['4:6  YAML syntax: Merge sources must be maps or map aliases'] },
  { name: 'empty file', source: '', problems: ['1:1  file is empty: expected a topic mapping with id, title and questions'] },
  { name: 'comments only', source: '# nothing here\n\n# yet\n', problems: ['1:1  file is empty: expected a topic mapping with id, title and questions'] },
  { name: 'top level is a list', source: '# c\n- a\n- b\n', problems: ['2:1  (top level): expected a mapping with id, title and questions, found a list'] },
  { name: 'top level is a scalar', source: 'just text\n', problems: ['1:1  (top level): expected a mapping with id, title and questions, found a single value'] },
  {
    name: 'invalid UTF-8',
    source: new Uint8Array([...Buffer.from('id: t\ntitle: caf'), 0xc3, 0x28, ...Buffer.from('\n')]),
    problems: ['2:11  file is not valid UTF-8 (byte 0xc3 at offset 16); save it as UTF-8'],
  },
  { name: 'missing id', source: VALID.replace('id: demo\n', ''), problems: ['1:1  id: required field is missing'] },
  {
    name: 'unknown top-level field',
    source: VALID.replace('title: Demo\n', 'title: Demo\nauthor: me\n'),
    problems: ['3:1  author: unknown field "author" (allowed: id, title, summary, tags, questions)'],
  },
  { name: 'title is a number', source: VALID.replace('title: Demo', 'title: 42'), problems: ['2:8  title: expected text, found 42'] },
  { name: 'questions is not a list', source: 'id: t\ntitle: T\nquestions: nope\n', problems: ['3:12  questions: expected a list, found "nope"'] },
  { name: 'questions empty', source: 'id: t\ntitle: T\nquestions: []\n', problems: ['3:12  questions: needs at least 1 item, found a list of 0'] },
  {
    name: 'bad question type',
    source: VALID.replace('type: short', 'type: essay'),
    problems: ['5:11  questions[0].type: unknown question type "essay", expected choice | short | design'],
  },
  {
    name: 'bad difficulty enum',
    source: VALID.replace('type: short', 'type: short\n    difficulty: extreme'),
    problems: ['6:17  questions[0].difficulty: expected "easy" | "medium" | "hard", found "extreme"'],
  },
  {
    name: 'non-positive points',
    source: VALID.replace('points: 2', 'points: 0'),
    problems: ['8:26  questions[0].rubric[0].points: must be greater than 0, found 0'],
  },
  {
    name: 'fractional points',
    source: VALID.replace('points: 2', 'points: 1.5'),
    problems: ['8:26  questions[0].rubric[0].points: expected a whole number, found 1.5'],
  },
  { name: 'empty rubric', source: VALID.replace(/rubric:\n.*\n/, 'rubric: []\n'), problems: ['7:13  questions[0].rubric: needs at least 1 item, found a list of 0'] },
  {
    name: 'missing rubric',
    source: VALID.replace(/    rubric:\n.*\n/, ''),
    problems: ['4:5  questions[0].rubric: required field is missing'],
  },
  {
    name: 'unknown question field (typo)',
    source: VALID.replace('    prompt: Why?', '    prompt: Why?\n    modelAnwser: Because.'),
    problems: ['7:5  questions[0].modelAnwser: unknown field "modelAnwser" (allowed: id, prompt, difficulty, minutes, tags, followUps, references, type, rubric, modelAnswer)'],
  },
  {
    name: 'duplicate criterion ids',
    source: VALID + '      - { id: a, points: 1, criterion: Again. }\n',
    problems: ['9:15  questions[0].rubric[1].id: duplicate criterion id "a" (first used at index 0)'],
  },
  {
    name: 'duplicate question ids',
    source: VALID + '  - { id: q1, type: choice, prompt: P, choices: [{ text: A, correct: true }, { text: B }] }\n',
    problems: ['9:11  questions[1].id: duplicate question id "q1" (first used at index 0)'],
  },
  {
    name: 'choice with no correct option',
    source: 'id: t\ntitle: T\nquestions:\n  - id: c\n    type: choice\n    prompt: P\n    choices:\n      - { text: A }\n      - { text: B }\n',
    problems: ['8:7  questions[0].choices: needs exactly one option with correct: true (found 0); set multiple: true for several'],
  },
  {
    name: 'multiple-answer choice with no correct option',
    source: 'id: t\ntitle: T\nquestions:\n  - id: c\n    type: choice\n    multiple: true\n    prompt: P\n    choices: [{ text: A }, { text: B }]\n',
    problems: ['8:14  questions[0].choices: a multiple-answer question needs at least one option with correct: true'],
  },
  {
    name: 'choice with one option',
    source: 'id: t\ntitle: T\nquestions:\n  - id: c\n    type: choice\n    prompt: P\n    choices: [{ text: A, correct: true }]\n',
    problems: ['7:14  questions[0].choices: needs at least 2 items, found a list of 1'],
  },
  {
    name: 'design minutes disagree with phases',
    source:
      'id: t\ntitle: T\nquestions:\n  - id: d\n    type: design\n    minutes: 10\n    prompt: P\n    phases:\n' +
      '      - { id: a, title: A, minutes: 5, prompt: p, rubric: [{ id: x, points: 1, criterion: c }] }\n' +
      '      - { id: b, title: B, minutes: 3, prompt: p, rubric: [{ id: x, points: 1, criterion: c }] }\n',
    problems: ['6:14  questions[0].minutes: must equal the sum of the phase minutes (8), or be left out'],
  },
  {
    name: 'phase with zero minutes',
    source:
      'id: t\ntitle: T\nquestions:\n  - id: d\n    type: design\n    prompt: P\n    phases:\n' +
      '      - { id: a, title: A, minutes: 0, prompt: p, rubric: [{ id: x, points: 1, criterion: c }] }\n',
    problems: ['8:37  questions[0].phases[0].minutes: must be greater than 0, found 0'],
  },
  {
    name: 'id with a slash',
    source: VALID.replace('id: q1', 'id: caching/q1'),
    problems: ['4:9  questions[0].id: must be lowercase letters, digits, "-" or "_" (it is typed on the command line), found "caching/q1"'],
  },
  {
    name: 'empty prompt',
    source: VALID.replace('prompt: Why?', 'prompt: "  "'),
    problems: ['6:13  questions[0].prompt: must not be empty, found "  "'],
  },
  {
    name: 'empty value where text is expected',
    source: VALID.replace('title: Demo', 'title:'),
    problems: ['2:7  title: expected text, found an empty value'],
  },
  {
    name: 'bad reference url',
    source: VALID.replace('    prompt: Why?', '    prompt: Why?\n    references: [{ title: RFC, url: "not a url" }]'),
    problems: ['7:37  questions[0].references[0].url: must be an http:// or https:// link with a host and no spaces, found "not a url"'],
  },
  ...['javascript:alert(1)', 'data:text/html,hi', 'file:///etc/passwd', 'ftp://example.com/rfc'].map((url) => ({
    name: `reference url that is not http(s): ${url}`,
    source: VALID.replace('    prompt: Why?', `    prompt: Why?\n    references: [{ title: RFC, url: "${url}" }]`),
    problems: [`7:37  questions[0].references[0].url: must be an http:// or https:// link with a host and no spaces, found "${url}"`],
  })),
  {
    name: 'several problems at once, in file order',
    source: 'id: t\ntitle: 7\nquestions:\n  - id: q\n    type: short\n    prompt: P\n    rubric: [{ id: a, points: -1, criterion: c, weight: 2 }]\n',
    problems: [
      '2:8  title: expected text, found 7',
      '7:31  questions[0].rubric[0].points: must be greater than 0, found -1',
      '7:49  questions[0].rubric[0].weight: unknown field "weight" (allowed: id, points, criterion, partial)',
    ],
  },
];

import { UsageError } from '../errors.js';
import { letterFor } from '../grading/choice.js';
import { MARKS, type Mark } from '../grading/grade.js';
import type { Marks } from '../grading/rubric.js';
import type { ChoiceQuestion, Criterion, DesignQuestion, Question, Topic } from '../topics/model.js';
import { resolveQuestionId, type Picked } from './select.js';

/**
 * The answers file of PRODUCT.md, keyed by question id: parsed in two steps.
 * `parseAnswersDocument` checks the shape; `bindAnswer` checks one entry against
 * its question (option exists, marks cover the rubric). Every problem is a usage
 * error naming the file and the question; an `AnswerValueError` also carries the
 * path of the value it is about, so the file reader can place it at `line:col`.
 *
 * A RawAnswers map iterates in the order the file writes its keys (a plain
 * object would put integer-like keys such as `123` first). `locate` gives the
 * position of a value by its path from the top (`["q1", "self", "c2"]`), or of
 * the key itself with `atKey`; undefined when the position is not known.
 */
export class RawAnswers extends Map<string, unknown> {
  constructor(
    entries: Iterable<readonly [string, unknown]>,
    readonly locate: (path: readonly (string | number)[], atKey: boolean) => { line: number; col: number } | undefined = () => undefined,
  ) {
    super(entries);
  }
}

/**
 * A value in an answers entry is wrong. `message` is the classic
 * `where.path: detail`; `path` (below the question id, list indexes included)
 * and `detail` let the reader say `file:line:col  id.path: detail` instead.
 * With `key`, the problem is that key of the mapping at `path` (an unknown
 * field), and it is placed at the key.
 */
export class AnswerValueError extends UsageError {
  constructor(
    where: string,
    readonly path: readonly (string | number)[],
    readonly detail: string,
    readonly key?: string,
  ) {
    super(`${where}${labelOf(path)}: ${detail}`);
    this.name = 'AnswerValueError';
  }
}

/** `.self.c2`, `.clarify[0].question` for a path. */
export function labelOf(path: readonly (string | number)[]): string {
  return path.map((part) => (typeof part === 'number' ? `[${part}]` : `.${part}`)).join('');
}

export interface TextAnswer {
  text: string;
  seconds: number | null;
  self: Marks | null;
}

export type ScriptedAnswer =
  | { type: 'choice'; picked: number[]; seconds: number | null }
  | ({ type: 'short' } & TextAnswer)
  | { type: 'design'; phases: Map<string, ScriptedPhase> };

/** One phase of a scripted interview: the answer, clarifying questions asked while answering, follow-up answers in order. */
export type ScriptedPhase = TextAnswer & { clarify: { question: string; answer: string | null }[]; followUps: string[] };

/**
 * `order` is the keys as the file writes them (from its YAML nodes); keys of the
 * value it does not name (merged in with `<<`) follow in the value's own order.
 */
export function parseAnswersDocument(value: unknown, file: string, order: readonly string[] = [], locate?: RawAnswers['locate']): RawAnswers {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new UsageError(`${file}: expected a mapping of question id to answer`);
  }
  const record = value as Record<string, unknown>;
  const has = (key: string) => Object.prototype.hasOwnProperty.call(record, key);
  const keys = new Set(order.filter(has));
  for (const key of Object.keys(record)) keys.add(key);
  return new RawAnswers([...keys].map((key) => [key, record[key]] as const), locate);
}

/**
 * Binds the entry `key` of an answers file to its question; a value error is
 * `file:line:col  key.path: detail` at the value's node (at the key for an
 * unknown field) when the file's position is known, else `file: key.path: detail`.
 */
export function bindAnswerAt(answers: RawAnswers, key: string, question: Question, file: string): ScriptedAnswer {
  try {
    return bindAnswer(question, answers.get(key), `${file}: ${key}`);
  } catch (error) {
    if (!(error instanceof AnswerValueError)) throw error;
    const at = error.key === undefined ? answers.locate([key, ...error.path], false) : answers.locate([key, ...error.path, error.key], true);
    if (!at) throw error;
    throw new UsageError(`${file}:${at.line}:${at.col}  ${key}${labelOf(error.path)}: ${error.detail}`);
  }
}

/**
 * A problem with the entry `key` itself (an unknown id, a question outside the
 * selection), placed at the key: `file:line:col  message`, or `file: message`
 * when the key's position is not known.
 */
export function keyProblem(answers: RawAnswers, key: string, file: string, message: string): UsageError {
  const at = answers.locate([key], true);
  return new UsageError(at ? `${file}:${at.line}:${at.col}  ${message}` : `${file}: ${message}`);
}

/** The question an answers-file key names (resolveQuestionId); an unknown or ambiguous id is a keyProblem at the key. */
export function resolveAnswerKey(topics: readonly Topic[], answers: RawAnswers, key: string, file: string): Picked {
  try {
    return resolveQuestionId(topics, key);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    throw keyProblem(answers, key, file, error.message);
  }
}

export function bindAnswer(question: Question, raw: unknown, where: string): ScriptedAnswer {
  switch (question.type) {
    case 'choice':
      return bindChoice(question, raw, where);
    case 'short':
      return { type: 'short', ...bindText(raw, question.rubric, where) };
    case 'design':
      return bindDesign(question, raw, where);
  }
}

function bindChoice(question: ChoiceQuestion, raw: unknown, where: string): ScriptedAnswer {
  let seconds: number | null = null;
  let value = raw;
  let path: (string | number)[] = [];
  if (isMapping(raw)) {
    assertOnlyKeys(raw, ['answer', 'seconds'], where, []);
    seconds = readSeconds(raw.seconds, where, []);
    value = raw.answer;
    path = ['answer'];
  }
  const values = Array.isArray(value) ? value : [value];
  if (values.length === 0) throw new AnswerValueError(where, path, 'an empty list picks nothing; leave the question out to skip it');
  if (!question.multiple && values.length > 1) throw new AnswerValueError(where, path, `this question has one answer; got ${values.length}`);
  const picked = values.map((entry, index) => pickOption(question, entry, where, Array.isArray(value) ? [...path, index] : path));
  return { type: 'choice', picked: [...new Set(picked)], seconds };
}

/** A letter or number picks by position; anything else must equal an option's text. `path` locates the value (AnswerValueError). */
export function pickOption(question: ChoiceQuestion, value: unknown, where: string, path: readonly (string | number)[] = []): number {
  const count = question.choices.length;
  const range = `a-${letterFor(count - 1)} or 1-${count}`;
  if (typeof value === 'number') {
    if (Number.isInteger(value) && value >= 1 && value <= count) return value - 1;
    throw new AnswerValueError(where, path, `option ${describeValue(value)} does not exist (${range})`);
  }
  if (typeof value !== 'string') throw new AnswerValueError(where, path, `expected an option letter, number or text, got ${describeValue(value)}`);
  const trimmed = value.trim();
  if (/^[a-z]$/i.test(trimmed)) {
    const index = trimmed.toLowerCase().charCodeAt(0) - 97;
    if (index < count) return index;
  }
  if (/^\d+$/.test(trimmed)) {
    const index = Number(trimmed) - 1;
    if (index >= 0 && index < count) return index;
  }
  const byText = question.choices.findIndex((option) => option.text.trim().toLowerCase() === trimmed.toLowerCase());
  if (byText !== -1) return byText;
  throw new AnswerValueError(where, path, `"${trimmed}" is not an option (${range}, or an option's exact text)`);
}

function bindText(raw: unknown, rubric: readonly Criterion[], where: string, path: readonly string[] = []): TextAnswer {
  if (typeof raw === 'string') return { text: raw, seconds: null, self: null };
  if (!isMapping(raw)) throw new AnswerValueError(where, path, 'expected the answer text, or a mapping with answer, seconds and self');
  assertOnlyKeys(raw, ['answer', 'seconds', 'self'], where, path);
  if (typeof raw.answer !== 'string') throw new AnswerValueError(where, [...path, 'answer'], 'expected the answer text');
  return { text: raw.answer, seconds: readSeconds(raw.seconds, where, path), self: readMarks(raw.self, rubric, where, [...path, 'self']) };
}

function bindDesign(question: DesignQuestion, raw: unknown, where: string): ScriptedAnswer {
  if (!isMapping(raw)) throw new AnswerValueError(where, [], 'expected a mapping of phase id to { answer, seconds, followUp, self }');
  assertOnlyKeys(raw, question.phases.map((phase) => phase.id), where, []);
  const phases = new Map<string, ScriptedPhase>();
  for (const phase of question.phases) {
    const entry = raw[phase.id];
    if (entry === undefined) continue;
    const path = [phase.id];
    if (isMapping(entry)) {
      assertOnlyKeys(entry, ['answer', 'seconds', 'self', 'clarify', 'followUp', 'followUps'], where, path);
      const { followUp, followUps, clarify, ...rest } = entry;
      phases.set(phase.id, { ...bindText(rest, phase.rubric, where, path), clarify: readClarify(clarify, where, [...path, 'clarify']), followUps: readFollowUpAnswers(followUp, followUps, where, path) });
    } else {
      phases.set(phase.id, { ...bindText(entry, phase.rubric, where, path), clarify: [], followUps: [] });
    }
  }
  return { type: 'design', phases };
}

/** `clarify: [{ question, answer? }]`: without an answer the interviewer answers (from the facts). */
function readClarify(raw: unknown, where: string, path: readonly (string | number)[]): ScriptedPhase['clarify'] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) throw new AnswerValueError(where, path, 'expected a list of { question, answer? }');
  return raw.map((item, index) => {
    const at = [...path, index];
    if (!isMapping(item)) throw new AnswerValueError(where, at, 'expected { question, answer? }');
    assertOnlyKeys(item, ['question', 'answer'], where, at);
    if (typeof item.question !== 'string' || item.question.trim() === '') throw new AnswerValueError(where, [...at, 'question'], 'expected the question text');
    if (item.answer !== undefined && item.answer !== null && typeof item.answer !== 'string') throw new AnswerValueError(where, [...at, 'answer'], 'expected text');
    return { question: item.question, answer: (item.answer as string | undefined) ?? null };
  });
}

/** `followUps: [answer, ...]` in the order asked; the older `followUp: answer` is the same as a list of one. */
function readFollowUpAnswers(single: unknown, list: unknown, where: string, path: readonly (string | number)[]): string[] {
  if (single !== undefined && list !== undefined) throw new AnswerValueError(where, path, 'give followUps (a list) or followUp, not both');
  if (single !== undefined && single !== null) {
    if (typeof single !== 'string') throw new AnswerValueError(where, [...path, 'followUp'], 'expected text');
    return [single];
  }
  if (list === undefined || list === null) return [];
  if (!Array.isArray(list) || list.some((item) => typeof item !== 'string')) throw new AnswerValueError(where, [...path, 'followUps'], 'expected a list of answer texts');
  return list as string[];
}

/** Self marks must cover every criterion, or be left out entirely. */
function readMarks(raw: unknown, rubric: readonly Criterion[], where: string, path: readonly string[]): Marks | null {
  if (raw === undefined || raw === null) return null;
  if (!isMapping(raw)) throw new AnswerValueError(where, path, `expected a mapping of criterion id to ${MARKS.join(' | ')}`);
  const ids = rubric.map((criterion) => criterion.id);
  const unknown = Object.keys(raw).filter((id) => !ids.includes(id));
  if (unknown.length > 0) throw new AnswerValueError(where, path, `unknown criterion ${unknown.map((id) => `"${id}"`).join(', ')}; this rubric has ${ids.join(', ')}`, unknown[0]);
  const missing = ids.filter((id) => raw[id] === undefined);
  if (missing.length > 0) throw new AnswerValueError(where, path, `marks are missing for ${missing.join(', ')} (mark every criterion, or none to leave the grade pending)`);
  const marks: Marks = {};
  for (const id of ids) {
    const mark = raw[id];
    if (typeof mark !== 'string' || !(MARKS as readonly string[]).includes(mark)) {
      throw new AnswerValueError(where, [...path, id], `expected ${MARKS.join(' | ')}, got ${describeValue(mark)}`);
    }
    marks[id] = mark as Mark;
  }
  return marks;
}

/** The longest time one scripted answer may claim: a day (`seconds: 1e300` is a typo, not a measurement). */
const MAX_ANSWER_SECONDS = 86_400;

function readSeconds(raw: unknown, where: string, path: readonly string[]): number | null {
  if (raw === undefined || raw === null) return null;
  if (typeof raw !== 'number' || !Number.isFinite(raw) || raw < 0 || raw > MAX_ANSWER_SECONDS) {
    throw new AnswerValueError(where, [...path, 'seconds'], `expected a number of seconds from 0 to ${MAX_ANSWER_SECONDS} (a day), got ${describeValue(raw)}`);
  }
  return raw;
}

function assertOnlyKeys(raw: Record<string, unknown>, allowed: readonly string[], where: string, path: readonly (string | number)[]): void {
  const extra = Object.keys(raw).filter((key) => !allowed.includes(key));
  if (extra.length > 0) throw new AnswerValueError(where, path, `unknown field${extra.length > 1 ? 's' : ''} ${extra.map((key) => `"${key}"`).join(', ')} (allowed: ${allowed.join(', ')})`, extra[0]);
}

/**
 * A value as the message shows it. JSON.stringify would say `null` for NaN and
 * infinity (a YAML `.nan`, `.inf`, or `1e400`, which is too large for a double).
 */
function describeValue(value: unknown): string {
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return '.nan (not a number)';
    if (value === Infinity) return 'infinity (.inf, or a number too large to hold, such as 1e400)';
    if (value === -Infinity) return 'minus infinity (-.inf, or a negative number too large to hold)';
    return String(value);
  }
  if (value === undefined) return 'nothing';
  return JSON.stringify(value) ?? String(value);
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}


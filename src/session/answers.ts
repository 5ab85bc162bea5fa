import { UsageError } from '../errors.js';
import { letterFor } from '../grading/choice.js';
import { MARKS, type Mark } from '../grading/grade.js';
import type { Marks } from '../grading/rubric.js';
import type { ChoiceQuestion, Criterion, DesignQuestion, Question } from '../topics/model.js';

/**
 * The answers file of PRODUCT.md, keyed by question id: parsed in two steps.
 * `parseAnswersDocument` checks the shape; `bindAnswer` checks one entry against
 * its question (option exists, marks cover the rubric). Every problem is a usage
 * error naming the file and the question.
 */
export type RawAnswers = Map<string, unknown>;

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

export function parseAnswersDocument(value: unknown, file: string): RawAnswers {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new UsageError(`${file}: expected a mapping of question id to answer`);
  }
  return new Map(Object.entries(value as Record<string, unknown>));
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
  if (isMapping(raw)) {
    assertOnlyKeys(raw, ['answer', 'seconds'], where);
    seconds = readSeconds(raw.seconds, where);
    value = raw.answer;
  }
  const values = Array.isArray(value) ? value : [value];
  if (values.length === 0) throw new UsageError(`${where}: an empty list picks nothing; leave the question out to skip it`);
  if (!question.multiple && values.length > 1) throw new UsageError(`${where}: this question has one answer; got ${values.length}`);
  const picked = values.map((entry) => pickOption(question, entry, where));
  return { type: 'choice', picked: [...new Set(picked)], seconds };
}

/** A letter or number picks by position; anything else must equal an option's text. */
export function pickOption(question: ChoiceQuestion, value: unknown, where: string): number {
  const count = question.choices.length;
  const range = `a-${letterFor(count - 1)} or 1-${count}`;
  if (typeof value === 'number') {
    if (Number.isInteger(value) && value >= 1 && value <= count) return value - 1;
    throw new UsageError(`${where}: option ${value} does not exist (${range})`);
  }
  if (typeof value !== 'string') throw new UsageError(`${where}: expected an option letter, number or text, got ${JSON.stringify(value)}`);
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
  throw new UsageError(`${where}: "${trimmed}" is not an option (${range}, or an option's exact text)`);
}

function bindText(raw: unknown, rubric: readonly Criterion[], where: string): TextAnswer {
  if (typeof raw === 'string') return { text: raw, seconds: null, self: null };
  if (!isMapping(raw)) throw new UsageError(`${where}: expected the answer text, or a mapping with answer, seconds and self`);
  assertOnlyKeys(raw, ['answer', 'seconds', 'self'], where);
  if (typeof raw.answer !== 'string') throw new UsageError(`${where}.answer: expected the answer text`);
  return { text: raw.answer, seconds: readSeconds(raw.seconds, where), self: readMarks(raw.self, rubric, `${where}.self`) };
}

function bindDesign(question: DesignQuestion, raw: unknown, where: string): ScriptedAnswer {
  if (!isMapping(raw)) throw new UsageError(`${where}: expected a mapping of phase id to { answer, seconds, followUp, self }`);
  assertOnlyKeys(raw, question.phases.map((phase) => phase.id), where);
  const phases = new Map<string, ScriptedPhase>();
  for (const phase of question.phases) {
    const entry = raw[phase.id];
    if (entry === undefined) continue;
    const phaseWhere = `${where}.${phase.id}`;
    if (isMapping(entry)) {
      assertOnlyKeys(entry, ['answer', 'seconds', 'self', 'clarify', 'followUp', 'followUps'], phaseWhere);
      const { followUp, followUps, clarify, ...rest } = entry;
      phases.set(phase.id, { ...bindText(rest, phase.rubric, phaseWhere), clarify: readClarify(clarify, `${phaseWhere}.clarify`), followUps: readFollowUpAnswers(followUp, followUps, phaseWhere) });
    } else {
      phases.set(phase.id, { ...bindText(entry, phase.rubric, phaseWhere), clarify: [], followUps: [] });
    }
  }
  return { type: 'design', phases };
}

/** `clarify: [{ question, answer? }]`: without an answer the interviewer answers (from the facts). */
function readClarify(raw: unknown, where: string): ScriptedPhase['clarify'] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) throw new UsageError(`${where}: expected a list of { question, answer? }`);
  return raw.map((item, index) => {
    const at = `${where}[${index}]`;
    if (!isMapping(item)) throw new UsageError(`${at}: expected { question, answer? }`);
    assertOnlyKeys(item, ['question', 'answer'], at);
    if (typeof item.question !== 'string' || item.question.trim() === '') throw new UsageError(`${at}.question: expected the question text`);
    if (item.answer !== undefined && item.answer !== null && typeof item.answer !== 'string') throw new UsageError(`${at}.answer: expected text`);
    return { question: item.question, answer: (item.answer as string | undefined) ?? null };
  });
}

/** `followUps: [answer, ...]` in the order asked; the older `followUp: answer` is the same as a list of one. */
function readFollowUpAnswers(single: unknown, list: unknown, where: string): string[] {
  if (single !== undefined && list !== undefined) throw new UsageError(`${where}: give followUps (a list) or followUp, not both`);
  if (single !== undefined && single !== null) {
    if (typeof single !== 'string') throw new UsageError(`${where}.followUp: expected text`);
    return [single];
  }
  if (list === undefined || list === null) return [];
  if (!Array.isArray(list) || list.some((item) => typeof item !== 'string')) throw new UsageError(`${where}.followUps: expected a list of answer texts`);
  return list as string[];
}

/** Self marks must cover every criterion, or be left out entirely. */
function readMarks(raw: unknown, rubric: readonly Criterion[], where: string): Marks | null {
  if (raw === undefined || raw === null) return null;
  if (!isMapping(raw)) throw new UsageError(`${where}: expected a mapping of criterion id to ${MARKS.join(' | ')}`);
  const ids = rubric.map((criterion) => criterion.id);
  const unknown = Object.keys(raw).filter((id) => !ids.includes(id));
  if (unknown.length > 0) throw new UsageError(`${where}: unknown criterion ${unknown.map((id) => `"${id}"`).join(', ')}; this rubric has ${ids.join(', ')}`);
  const missing = ids.filter((id) => raw[id] === undefined);
  if (missing.length > 0) throw new UsageError(`${where}: marks are missing for ${missing.join(', ')} (mark every criterion, or none to leave the grade pending)`);
  const marks: Marks = {};
  for (const id of ids) {
    const mark = raw[id];
    if (typeof mark !== 'string' || !(MARKS as readonly string[]).includes(mark)) {
      throw new UsageError(`${where}.${id}: expected ${MARKS.join(' | ')}, got ${JSON.stringify(mark)}`);
    }
    marks[id] = mark as Mark;
  }
  return marks;
}

function readSeconds(raw: unknown, where: string): number | null {
  if (raw === undefined || raw === null) return null;
  if (typeof raw !== 'number' || !Number.isFinite(raw) || raw < 0) throw new UsageError(`${where}.seconds: expected a number of seconds >= 0, got ${JSON.stringify(raw)}`);
  return raw;
}

function assertOnlyKeys(raw: Record<string, unknown>, allowed: readonly string[], where: string): void {
  const extra = Object.keys(raw).filter((key) => !allowed.includes(key));
  if (extra.length > 0) throw new UsageError(`${where}: unknown field${extra.length > 1 ? 's' : ''} ${extra.map((key) => `"${key}"`).join(', ')} (allowed: ${allowed.join(', ')})`);
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}


import { UsageError } from '../errors.js';
import { didYouMean } from '../text/suggest.js';
import type { SelectionFilters } from '../session/select.js';
import { DIFFICULTIES } from '../topics/schema.js';
import type { Question, QuestionType } from '../topics/model.js';

/** `coach quiz` options as commander hands them over (strings), and their checked form. */
export interface QuizOptions {
  topics: string[];
  count?: string;
  difficulty?: string;
  tag: string[];
  type?: string;
  seed?: string;
  timeLimit?: string;
  flip?: boolean;
  answers?: string;
  grader?: string;
}

export interface QuizPlan {
  filters: SelectionFilters & { topics: string[] };
  count: number | null;
  seed: number | null;
  timeLimitSeconds: number | null;
  flip: boolean;
  answersFile: string | null;
  grader: 'self' | 'llm' | null;
}

const QUIZ_TYPES: QuestionType[] = ['choice', 'short'];

export function planQuiz(options: QuizOptions, randomSeed: () => number): QuizPlan {
  return {
    filters: {
      topics: options.topics,
      types: parseTypes(options.type),
      difficulties: parseList(options.difficulty, '--difficulty', DIFFICULTIES) as Question['difficulty'][],
      tags: options.tag.flatMap((tag) => tag.split(',')).map((tag) => tag.trim()).filter(Boolean),
    },
    count: options.count === undefined ? null : parsePositiveInt(options.count, '--count'),
    seed: options.seed === undefined ? randomSeed() : parseSeed(options.seed),
    timeLimitSeconds: options.timeLimit === undefined ? null : parseDuration(options.timeLimit, '--time-limit'),
    flip: options.flip === true,
    answersFile: options.answers ?? null,
    grader: parseGrader(options.grader),
  };
}

export function parseGrader(value: string | undefined): 'self' | 'llm' | null {
  if (value === undefined) return null;
  if (value === 'self' || value === 'llm') return value;
  throw new UsageError(`--grader: expected llm or self, got "${value}"`);
}

function parseTypes(value: string | undefined): QuestionType[] {
  if (value === undefined) return QUIZ_TYPES;
  const types = value.split(',').map((type) => type.trim()).filter(Boolean);
  if (types.includes('design')) throw new UsageError('coach quiz asks choice and short questions; design questions are mock interviews: coach interview [question]');
  const unknown = types.filter((type) => !(QUIZ_TYPES as string[]).includes(type));
  if (unknown.length > 0 || types.length === 0) throw new UsageError(`--type: expected choice, short or choice,short; got "${value}"${unknown[0] ? didYouMean(unknown[0], QUIZ_TYPES) : ''}`);
  return types as QuestionType[];
}

function parseList(value: string | undefined, flag: string, allowed: readonly string[]): string[] {
  if (value === undefined) return [];
  const items = value.split(',').map((item) => item.trim()).filter(Boolean);
  const unknown = items.filter((item) => !allowed.includes(item));
  if (unknown.length > 0 || items.length === 0) throw new UsageError(`${flag}: expected ${allowed.join(', ')} (comma-separated); got "${value}"${unknown[0] ? didYouMean(unknown[0], allowed) : ''}`);
  return items;
}

export function parsePositiveInt(value: string, flag: string): number {
  if (!/^\d+$/.test(value.trim()) || Number(value) < 1) throw new UsageError(`${flag}: expected a whole number >= 1, got "${value}"`);
  return Number(value);
}

function parseSeed(value: string): number {
  if (!/^\d+$/.test(value.trim()) || Number(value) > 0xffffffff) throw new UsageError(`--seed: expected a whole number from 0 to 4294967295, got "${value}"`);
  return Number(value);
}

/** `15` (minutes), `15m`, `90s`, `1h`, or `1m30s`. */
export function parseDuration(value: string, flag: string): number {
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed) && Number(trimmed) > 0) return Math.round(Number(trimmed) * 60);
  const match = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/.exec(trimmed);
  const seconds = match ? Number(match[1] ?? 0) * 3600 + Number(match[2] ?? 0) * 60 + Number(match[3] ?? 0) : 0;
  if (!match || seconds <= 0) throw new UsageError(`${flag}: expected minutes (15) or a duration (90s, 15m, 1h, 1m30s), got "${value}"`);
  return seconds;
}

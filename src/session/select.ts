import { UsageError } from '../errors.js';
import { didYouMean } from '../text/suggest.js';
import type { Question, QuestionType, Topic } from '../topics/model.js';

/** A question together with the topic it came from. */
export interface Picked {
  topic: string;
  question: Question;
}

export interface SelectionFilters {
  topics: readonly string[];
  types: readonly QuestionType[];
  difficulties: readonly Question['difficulty'][];
  tags: readonly string[];
}

/** Deterministic PRNG (mulberry32): the same seed gives the same questions in the same order. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const result = [...items];
  for (let index = result.length - 1; index > 0; index -= 1) {
    const other = Math.floor(random() * (index + 1));
    [result[index], result[other]] = [result[other]!, result[index]!];
  }
  return result;
}

/** Throws a UsageError naming each unknown topic id with the closest known one ("did you mean caching?"). */
export function assertKnownTopics(topics: readonly { id: string }[], ids: readonly string[]): void {
  const known = topics.map((topic) => topic.id);
  const unknown = ids.filter((id) => !known.includes(id));
  if (unknown.length === 0) return;
  const named = unknown.map((id) => `"${id}"${didYouMean(id, known)}`).join('; ');
  const hint = unknown.some((id) => didYouMean(id, known) !== '') ? 'coach topics lists them all' : `known topics: ${[...known].sort().join(', ')}`;
  throw new UsageError(`unknown topic${unknown.length > 1 ? 's' : ''} ${named} (${hint})`);
}

/** Every question matching the filters, in topic-file order (topics in the order given, or all). */
export function matchingQuestions(topics: readonly Topic[], filters: SelectionFilters): Picked[] {
  assertKnownTopics(topics, filters.topics);
  const chosen = filters.topics.length > 0 ? filters.topics.map((id) => topics.find((topic) => topic.id === id)!) : topics;
  return chosen.flatMap((topic) =>
    topic.questions
      .filter((question) => filters.types.includes(question.type))
      .filter((question) => filters.difficulties.length === 0 || filters.difficulties.includes(question.difficulty))
      .filter((question) => filters.tags.length === 0 || (question.tags ?? []).concat(topic.tags ?? []).some((tag) => filters.tags.includes(tag)))
      .map((question) => ({ topic: topic.id, question })),
  );
}

export function selectQuestions(topics: readonly Topic[], filters: SelectionFilters, count: number, seed: number): Picked[] {
  return shuffle(matchingQuestions(topics, filters), seededRandom(seed)).slice(0, count);
}

/**
 * Finds a question by `id` (when unique among the loaded topics) or `topic/id`.
 * Ambiguous or unknown ids are usage errors that list the candidates.
 */
export function resolveQuestionId(topics: readonly Topic[], reference: string): Picked {
  const slash = reference.indexOf('/');
  const candidates =
    slash === -1
      ? topics.flatMap((topic) => topic.questions.filter((question) => question.id === reference).map((question) => ({ topic: topic.id, question })))
      : topics
          .filter((topic) => topic.id === reference.slice(0, slash))
          .flatMap((topic) => topic.questions.filter((question) => question.id === reference.slice(slash + 1)).map((question) => ({ topic: topic.id, question })));
  if (candidates.length === 1) return candidates[0]!;
  if (candidates.length > 1) {
    throw new UsageError(`question id "${reference}" is in several topics; use one of: ${candidates.map((c) => `${c.topic}/${c.question.id}`).join(', ')}`);
  }
  const ids = topics.flatMap((topic) => topic.questions.map((question) => (slash === -1 ? question.id : `${topic.id}/${question.id}`)));
  throw new UsageError(`unknown question "${reference}"${didYouMean(reference, ids)} (coach questions lists every question id)`);
}

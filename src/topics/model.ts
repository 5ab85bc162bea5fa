import type { ParsedTopic } from './schema.js';

/**
 * Topics as the rest of the program sees them: parsed, with every default
 * applied, so no caller re-derives "minutes if absent". Plain data, so the
 * bundled bank can be compiled to JSON at build time and read back as is.
 */
type ParsedQuestion = ParsedTopic['questions'][number];
type WithMinutes<Q> = Omit<Q, 'minutes'> & { minutes: number };

export type ChoiceQuestion = WithMinutes<Extract<ParsedQuestion, { type: 'choice' }>>;
export type ShortQuestion = WithMinutes<Extract<ParsedQuestion, { type: 'short' }>>;
export type DesignQuestion = WithMinutes<Extract<ParsedQuestion, { type: 'design' }>>;
export type Question = ChoiceQuestion | ShortQuestion | DesignQuestion;
export type QuestionType = Question['type'];
export type Phase = DesignQuestion['phases'][number];
export type Criterion = ShortQuestion['rubric'][number];

export type Topic = Omit<ParsedTopic, 'questions'> & { questions: Question[] };

/**
 * What listing commands need of a topic, without prompts, rubrics and answers:
 * compiled separately so `coach topics` parses a few KB, not the whole bank.
 */
export interface TopicOutline {
  id: string;
  title: string;
  summary?: string;
  tags?: string[];
  questions: { id: string; type: QuestionType; difficulty: Question['difficulty']; minutes: number; tags?: string[]; phases?: { id: string }[] }[];
}

export function outlineOf(topic: Topic): TopicOutline {
  return {
    id: topic.id,
    title: topic.title,
    summary: topic.summary,
    tags: topic.tags,
    questions: topic.questions.map((question) => ({
      id: question.id,
      type: question.type,
      difficulty: question.difficulty,
      minutes: question.minutes,
      tags: question.tags,
      ...(question.type === 'design' ? { phases: question.phases.map((phase) => ({ id: phase.id })) } : {}),
    })),
  };
}

/** Where a topic came from: the bundled bank or a user folder. */
export interface Loaded<T extends { id: string } = Topic> {
  topic: T;
  file: string;
  bundled: boolean;
}
export type LoadedTopic = Loaded<Topic>;

const DEFAULT_MINUTES = { choice: 1, short: 4 } as const;

export function withDefaults(parsed: ParsedTopic): Topic {
  return {
    ...parsed,
    questions: parsed.questions.map((question): Question => {
      if (question.type === 'design') {
        const total = question.phases.reduce((sum, phase) => sum + phase.minutes, 0);
        return { ...question, minutes: question.minutes ?? total };
      }
      return { ...question, minutes: question.minutes ?? DEFAULT_MINUTES[question.type] } as Question;
    }),
  };
}

export function countByType(topic: Pick<TopicOutline, 'questions'>): Record<QuestionType, number> {
  const counts: Record<QuestionType, number> = { choice: 0, short: 0, design: 0 };
  for (const question of topic.questions) counts[question.type] += 1;
  return counts;
}

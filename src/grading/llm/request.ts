import { createHmac } from 'node:crypto';
import type { Criterion } from '../../topics/model.js';
import { render, type PromptTemplate } from './templates.js';
import { replyJsonSchema } from './reply.js';

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface GradeInput {
  question: string;
  rubric: readonly Criterion[];
  modelAnswer: string | undefined;
  /** The text graded: an answer, or an interview phase's transcript. */
  answer: string;
  /** For a transcript: who said what, so evidence quoting only the interviewer is dropped. */
  speakers?: { candidate: readonly string[]; interviewer: readonly string[] };
}

export interface BuiltRequest {
  messages: ChatMessage[];
  schema: Record<string, unknown>;
  tag: string;
}

/**
 * The answer is data, fenced by a tag the candidate cannot predict: derived from
 * a per-installation secret and the answer itself (so a regrade of the same
 * answer builds the same request and hits the cache, yet no answer can contain
 * its own closing tag). Any copy of the tag is removed from the answer anyway.
 */
export function answerTag(secret: string, answer: string): string {
  return `answer-${createHmac('sha256', secret).update(answer).digest('hex').slice(0, 16)}`;
}

export function rubricText(rubric: readonly Criterion[]): string {
  return rubric
    .map((criterion) => [`- id: ${criterion.id} (${criterion.points} point${criterion.points === 1 ? '' : 's'})`, `  full credit: ${criterion.criterion.trim()}`, criterion.partial ? `  partial credit: ${criterion.partial.trim()}` : ''].filter(Boolean).join('\n'))
    .join('\n');
}

export function buildGradeRequest(template: PromptTemplate, input: GradeInput, tag: string, formatInstructions: string): BuiltRequest {
  const cleaned = input.answer.split(tag).join('');
  const values = {
    tagOpen: `<${tag}>`,
    tagClose: `</${tag}>`,
    question: input.question.trim(),
    rubric: rubricText(input.rubric),
    modelAnswer: input.modelAnswer?.trim() || '(none given: grade against the rubric alone)',
    answer: JSON.stringify(cleaned),
    formatInstructions,
  };
  return {
    tag,
    schema: replyJsonSchema(input.rubric),
    messages: [
      { role: 'system', content: render(template.system, values) },
      { role: 'user', content: render(template.user, values) },
    ],
  };
}

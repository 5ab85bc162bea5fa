import { z } from 'zod';
import { YOUR_CALL } from '../../interview/clarify.js';
import { failureReason, sanitiseServerText } from './failures.js';
import { askStructured, type LadderDeps } from './ladder.js';
import type { Validation } from './readReply.js';
import { answerTag } from './request.js';
import { render, type PromptTemplate } from './templates.js';

export interface ClarifyInput {
  /** The candidate's question (untrusted). */
  question: string;
  /** The scenario's facts: the only thing the model may state. */
  facts: readonly string[];
}

export type ClarifyOutcome = { ok: true; answer: string } | { ok: false; reason: string };

const CLARIFY_SCHEMA = { type: 'object', properties: { answer: { type: 'string' } }, required: ['answer'], additionalProperties: false };
const ClarifySchema = z.strictObject({ answer: z.string().trim().min(1).max(600) });

/**
 * The interviewer's answer to a clarifying question, from the scenario's facts
 * alone (the request carries the facts and the question, nothing else), in one
 * small request through the shared ladder. On failure the caller answers
 * offline (best-matching fact) and says why in one line.
 */
export async function modelClarification(deps: LadderDeps, template: PromptTemplate, secret: string, input: ClarifyInput): Promise<ClarifyOutcome> {
  const tag = answerTag(secret, input.question);
  const values = {
    tagOpen: `<${tag}>`,
    tagClose: `</${tag}>`,
    yourCall: YOUR_CALL,
    facts: input.facts.length > 0 ? input.facts.map((fact) => `- ${fact.trim()}`).join('\n') : '(none)',
    question: JSON.stringify(input.question.split(tag).join('')),
  };
  const result = await askStructured(deps, {
    name: 'clarification',
    schema: CLARIFY_SCHEMA,
    messagesFor: () => [
      { role: 'system', content: render(template.system, values) },
      { role: 'user', content: render(template.user, values) },
    ],
    validate: (value): Validation<string> => {
      const parsed = ClarifySchema.safeParse(value);
      return parsed.success ? { ok: true, value: sanitiseServerText(parsed.data.answer, 600) } : { ok: false, error: `expected {"answer": "..."} of at most 600 characters (${parsed.error.issues[0]!.message})` };
    },
    repairHint: 'Reply again with only {"answer": "..."}.',
  });
  return result.ok ? { ok: true, answer: result.value } : { ok: false, reason: failureReason(result.failure) };
}

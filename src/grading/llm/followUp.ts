import { z } from 'zod';
import type { Criterion } from '../../topics/model.js';
import { failureReason, sanitiseServerText } from './failures.js';
import { askStructured, type LadderDeps } from './ladder.js';
import type { Validation } from './readReply.js';
import { answerTag, rubricText } from './request.js';
import { render, type PromptTemplate } from './templates.js';

export interface FollowUpInput {
  scenario: string;
  phaseTitle: string;
  phasePrompt: string;
  rubric: readonly Criterion[];
  answer: string;
}

/** A question, or why the model could not write one (a failure reason with its category and hint). */
export type FollowUpOutcome = { ok: true; question: string } | { ok: false; reason: string };

const FOLLOW_UP_SCHEMA = { type: 'object', properties: { question: { type: 'string' } }, required: ['question'], additionalProperties: false };
const FollowUpSchema = z.strictObject({ question: z.string().trim().min(1).max(600) });

/**
 * One interviewer follow-up written by the model from the candidate's answer,
 * through the same ladder as grades (so LM Studio, which rejects json_object,
 * and llama.cpp get one too). On failure the caller uses the phase's own
 * follow-up and says why.
 */
export async function modelFollowUp(deps: LadderDeps, template: PromptTemplate, secret: string, input: FollowUpInput): Promise<FollowUpOutcome> {
  const tag = answerTag(secret, input.answer);
  const values = {
    tagOpen: `<${tag}>`,
    tagClose: `</${tag}>`,
    scenario: input.scenario.trim(),
    phaseTitle: input.phaseTitle,
    phasePrompt: input.phasePrompt.trim(),
    rubric: rubricText(input.rubric),
    answer: JSON.stringify(input.answer.split(tag).join('')),
  };
  const result = await askStructured(deps, {
    name: 'follow_up',
    schema: FOLLOW_UP_SCHEMA,
    messagesFor: () => [
      { role: 'system', content: render(template.system, values) },
      { role: 'user', content: render(template.user, values) },
    ],
    validate: (value): Validation<string> => {
      const parsed = FollowUpSchema.safeParse(value);
      return parsed.success ? { ok: true, value: sanitiseServerText(parsed.data.question, 600) } : { ok: false, error: `expected {"question": "..."} with one question of at most 600 characters (${parsed.error.issues[0]!.message})` };
    },
    repairHint: 'Reply again with only {"question": "..."}.',
  });
  return result.ok ? { ok: true, question: result.value } : { ok: false, reason: failureReason(result.failure) };
}

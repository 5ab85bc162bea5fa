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
  /** The phase's transcript so far: the answer and any earlier exchanges (untrusted). */
  answer: string;
  /** Follow-ups already asked in this phase, so the model asks something new. */
  asked?: readonly string[];
}

/**
 * A question with the criterion id the model says it probes (not yet checked
 * against the rubric: the caller does that), or why the model could not write one.
 */
export type FollowUpOutcome = { ok: true; question: string; criterion: string } | { ok: false; reason: string };

const FollowUpSchema = z.strictObject({ criterion: z.string().trim().min(1).max(100), question: z.string().trim().min(1).max(600) });

function followUpJsonSchema(rubric: readonly Criterion[]): Record<string, unknown> {
  return {
    type: 'object',
    properties: { criterion: { type: 'string', enum: rubric.map((criterion) => criterion.id) }, question: { type: 'string' } },
    required: ['criterion', 'question'],
    additionalProperties: false,
  };
}

/**
 * One interviewer follow-up written by the model from the phase's transcript,
 * aimed at the rubric criterion the answer covers least, through the same
 * ladder as grades (so LM Studio, which rejects json_object, and llama.cpp get
 * one too). On failure the caller uses the phase's own follow-up and says why.
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
    asked: input.asked && input.asked.length > 0 ? input.asked.map((question) => `- ${question}`).join('\n') : '(none yet)',
    answer: JSON.stringify(input.answer.split(tag).join('')),
  };
  const result = await askStructured(deps, {
    name: 'follow_up',
    schema: followUpJsonSchema(input.rubric),
    messagesFor: () => [
      { role: 'system', content: render(template.system, values) },
      { role: 'user', content: render(template.user, values) },
    ],
    validate: (value): Validation<{ question: string; criterion: string }> => {
      const parsed = FollowUpSchema.safeParse(value);
      return parsed.success
        ? { ok: true, value: { question: sanitiseServerText(parsed.data.question, 600), criterion: sanitiseServerText(parsed.data.criterion, 100) } }
        : { ok: false, error: `expected {"criterion": "<rubric id>", "question": "..."} with one question of at most 600 characters (${parsed.error.issues[0]!.message})` };
    },
    repairHint: 'Reply again with only {"criterion": "<rubric id>", "question": "..."}.',
  });
  return result.ok ? { ok: true, ...result.value } : { ok: false, reason: failureReason(result.failure) };
}

import type { Criterion } from '../../topics/model.js';
import { answerTag, rubricText } from './request.js';
import { render, type PromptTemplate } from './templates.js';
import type { LlmTransport } from './transport.js';

export interface FollowUpInput {
  scenario: string;
  phaseTitle: string;
  phasePrompt: string;
  rubric: readonly Criterion[];
  answer: string;
}

/**
 * One interviewer follow-up written by the model from the candidate's answer.
 * Returns null on any failure (network, refusal, bad JSON): the caller then uses
 * the phase's own followUps, so the interview never stalls on the model.
 */
export async function modelFollowUp(transport: LlmTransport, template: PromptTemplate, secret: string, input: FollowUpInput): Promise<string | null> {
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
  try {
    const result = await transport.complete({
      messages: [
        { role: 'system', content: render(template.system, values) },
        { role: 'user', content: render(template.user, values) },
      ],
      responseFormat: { type: 'json_object' },
      temperature: undefined,
    });
    const question = (JSON.parse(result.content) as { question?: unknown }).question;
    return typeof question === 'string' && question.trim().length > 0 && question.length < 600 ? question.trim() : null;
  } catch {
    // Deliberately broad: any failure means "use the scenario's own follow-up".
    return null;
  }
}

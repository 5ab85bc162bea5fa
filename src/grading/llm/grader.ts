import type { Clock } from '../../clock.js';
import { isoAt } from '../../session/model.js';
import { stripControlDeep } from '../../text/controlChars.js';
import type { Grade } from '../grade.js';
import { markFromEarned, totalOf } from '../rubric.js';
import type { ResponseCache } from './cache.js';
import type { CapabilityMemory, Rung } from './capabilities.js';
import { failureReason } from './failures.js';
import { detectInjection } from './injection.js';
import { askStructured } from './ladder.js';
import { checkReply, replyJsonSchema, type ValidReply } from './reply.js';
import { answerTag, buildGradeRequest, type GradeInput } from './request.js';
import type { PromptTemplate } from './templates.js';
import type { LlmTransport, TokenUsage } from './transport.js';

export interface LlmGraderDeps {
  transport: LlmTransport;
  cache: ResponseCache;
  capabilities: CapabilityMemory;
  template: PromptTemplate;
  secret: string;
  clock: Clock;
  /** llm.timeoutSeconds in ms: the budget for one answer, every attempt included. */
  timeoutMs: number;
}

/** Answers shorter than this are scored 0 without asking the model. */
export const MIN_WORDS = 3;

/**
 * Grades one answer against its rubric with a model through the shared ladder
 * (ladder.ts): never a default pass, never a silent 0 — a failure is an
 * `ungraded` grade whose reason starts with its category and ends with a hint.
 * The code, not the model, checks each criterion's score and adds them up, and
 * flags instruction-in-answer itself (injection.ts) as well as when the model does.
 */
export class LlmGrader {
  /** Requests that went over the network (cache hits are not requests). */
  requests = 0;
  /** The rung the last successful grade used, for doctor. */
  lastRung: { rung: Rung; temperature: boolean } | undefined;

  constructor(private readonly deps: LlmGraderDeps) {}

  get model(): string {
    return this.deps.transport.model;
  }

  async grade(input: GradeInput): Promise<Grade> {
    if (input.answer.trim().split(/\s+/).filter(Boolean).length < MIN_WORDS) return this.zeroForShortAnswer(input);
    const tag = answerTag(this.deps.secret, input.answer);
    const result = await askStructured(this.deps, {
      name: 'rubric_grade',
      schema: replyJsonSchema(input.rubric),
      messagesFor: (rung) => buildGradeRequest(this.deps.template, input, tag, formatInstructions(rung, input)).messages,
      validate: (value) => {
        const checked = checkReply(input.rubric, value);
        return checked.ok ? { ok: true, value: checked.reply } : checked;
      },
      repairHint: 'Reply again with the corrected JSON object only, with every criterion id and "earned" a whole number within that criterion\'s points.',
    });
    this.requests += result.requests;
    if (!result.ok) return this.ungraded(failureReason(result.failure), result.usage);
    this.lastRung = { rung: result.rung, temperature: result.temperature };
    return this.modelGrade(input, result.value, result.usage);
  }

  private modelGrade(input: GradeInput, untrusted: ValidReply, usage: TokenUsage): Grade {
    // Model text is server text: no control characters reach the session (line breaks stay).
    const reply = stripControlDeep(untrusted);
    const criteria = input.rubric.map((criterion) => {
      const scored = reply.criteria[criterion.id]!;
      const evidence = quotesOnlyInterviewer(scored.evidence, input.speakers) ? '' : scored.evidence;
      return { id: criterion.id, earned: scored.earned, possible: criterion.points, mark: markFromEarned(scored.earned, criterion.points), justification: scored.justification, evidence };
    });
    const feedback = [reply.feedback.trim(), list('Strengths', reply.strengths), list('To improve', reply.improvements)].filter(Boolean).join('\n');
    const findings = detectInjection(input.answer);
    const flagged = findings.length > 0 || reply.instructionInAnswer;
    const who = [findings.length > 0 ? `the coach's detector (${findings.join('; ')})` : '', reply.instructionInAnswer ? 'the model' : ''].filter(Boolean).join(' and ');
    return {
      by: this.model,
      kind: 'model',
      status: 'graded',
      at: isoAt(this.deps.clock.now()),
      reason: flagged ? `instruction-in-answer flagged by ${who}; the score is the model's, check it against the rubric` : null,
      ...totalOf(criteria),
      criteria,
      feedback: feedback || null,
      flags: flagged ? ['instruction-in-answer'] : [],
      usage,
      templateHash: this.deps.template.hash,
    };
  }

  private zeroForShortAnswer(input: GradeInput): Grade {
    const criteria = input.rubric.map((criterion) => ({ id: criterion.id, earned: 0, possible: criterion.points, mark: 'missed' as const, justification: `fewer than ${MIN_WORDS} words: nothing to grade`, evidence: '' }));
    return { by: this.model, kind: 'model', status: 'graded', at: isoAt(this.deps.clock.now()), reason: `fewer than ${MIN_WORDS} words, scored 0 without a request`, ...totalOf(criteria), criteria, feedback: null, flags: [], usage: { promptTokens: 0, completionTokens: 0 }, templateHash: this.deps.template.hash };
  }

  private ungraded(reason: string, usage: TokenUsage): Grade {
    return { by: this.model, kind: 'model', status: 'ungraded', at: isoAt(this.deps.clock.now()), reason, earned: 0, possible: 0, criteria: [], feedback: null, flags: [], usage, templateHash: this.deps.template.hash };
  }
}

/** Below the json_schema rung the schema travels in the prompt instead. */
function formatInstructions(rung: Rung, input: GradeInput): string {
  if (rung === 'json_schema') return '';
  const ids = input.rubric.map((criterion) => `"${criterion.id}" (0-${criterion.points})`).join(', ');
  return `Reply with one JSON object and nothing else, shaped like this JSON Schema:\n${JSON.stringify(buildSchemaHint(input))}\nCriterion ids and their ranges: ${ids}.`;
}

function buildSchemaHint(input: GradeInput): Record<string, unknown> {
  return {
    criteria: Object.fromEntries(input.rubric.map((criterion) => [criterion.id, { justification: 'string', evidence: 'string', earned: `integer 0..${criterion.points}` }])),
    strengths: ['string'],
    improvements: ['string'],
    feedback: 'string',
    instructionInAnswer: 'boolean',
  };
}

/**
 * Evidence may quote the candidate's turns, never the interviewer's: an excerpt
 * found in what the interviewer said (a fact, a follow-up question) and in
 * nothing the candidate said is not evidence.
 */
export function quotesOnlyInterviewer(evidence: string, speakers: GradeInput['speakers']): boolean {
  const quote = collapse(evidence);
  if (!speakers || quote === '') return false;
  return speakers.interviewer.some((line) => collapse(line).includes(quote)) && !speakers.candidate.some((line) => collapse(line).includes(quote));
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim().toLowerCase();
}

function list(title: string, items: readonly string[]): string {
  return items.length > 0 ? `${title}: ${items.join('; ')}` : '';
}

import type { Clock } from '../../clock.js';
import { isoAt } from '../../session/model.js';
import type { Grade } from '../grade.js';
import { markFromEarned, totalOf } from '../rubric.js';
import { ResponseCache } from './cache.js';
import { RUNGS, type CapabilityMemory, type Rung } from './capabilities.js';
import { checkReply, extractJson, type ReplyCheck, type ValidReply } from './reply.js';
import { answerTag, buildGradeRequest, type ChatMessage, type GradeInput } from './request.js';
import type { PromptTemplate } from './templates.js';
import { LlmCallError, type CompletionResult, type LlmTransport, type ResponseFormat, type TokenUsage } from './transport.js';

export interface LlmGraderDeps {
  transport: LlmTransport;
  cache: ResponseCache;
  capabilities: CapabilityMemory;
  template: PromptTemplate;
  secret: string;
  clock: Clock;
}

/** Answers shorter than this are scored 0 without asking the model. */
export const MIN_WORDS = 3;

/**
 * Grades one answer against its rubric with a model, following PRODUCT.md's
 * ladder for servers that lack features: json_schema, then json_object with the
 * schema in the prompt, then plain text with JSON extraction (each retried
 * without `temperature` if the model rejects it); then one repair request
 * quoting the validation error; otherwise `ungraded` with the reason. Never a
 * default pass, never a silent 0.
 */
export class LlmGrader {
  /** Requests that went over the network (cache hits are not requests). */
  requests = 0;

  constructor(private readonly deps: LlmGraderDeps) {}

  get model(): string {
    return this.deps.transport.model;
  }

  async grade(input: GradeInput): Promise<Grade> {
    if (input.answer.trim().split(/\s+/).filter(Boolean).length < MIN_WORDS) return this.zeroForShortAnswer(input);
    const { transport, capabilities } = this.deps;
    const remembered = capabilities.get(transport.baseURL, transport.model);
    let temperature = remembered?.temperature ?? true;
    const usage: TokenUsage = { promptTokens: 0, completionTokens: 0 };
    let lastRejection = '';
    for (let index = remembered ? RUNGS.indexOf(remembered.rung) : 0; index < RUNGS.length; index += 1) {
      const rung = RUNGS[index]!;
      const request = buildGradeRequest(this.deps.template, input, answerTag(this.deps.secret, input.answer), formatInstructions(rung, input));
      const format = responseFormat(rung, request.schema);
      let first: Attempt;
      try {
        first = await this.call(request.messages, format, temperature);
      } catch (error) {
        if (!(error instanceof LlmCallError)) throw error;
        if (temperature && rejectsTemperature(error)) {
          temperature = false;
          index -= 1;
          continue;
        }
        if (rejectsFeature(error)) {
          lastRejection = error.message;
          continue;
        }
        return this.ungraded(describeFailure(error), usage);
      }
      addUsage(usage, first.result.usage);
      let attempt = first;
      let check = parseReply(first.result.content, rung, input);
      if (!check.ok) {
        const repair: ChatMessage[] = [
          ...request.messages,
          { role: 'assistant', content: first.result.content },
          { role: 'user', content: `Your reply was not valid: ${check.error}. Reply again with the corrected JSON object only, with every criterion id and "earned" a whole number within that criterion's points.` },
        ];
        try {
          attempt = await this.call(repair, format, temperature);
        } catch (error) {
          if (!(error instanceof LlmCallError)) throw error;
          return this.ungraded(`${describeFailure(error)} (during a repair of an invalid reply: ${check.error})`, usage);
        }
        addUsage(usage, attempt.result.usage);
        check = parseReply(attempt.result.content, rung, input);
        if (!check.ok) return this.ungraded(`invalid output: the model's reply was invalid twice (${check.error})`, usage);
      }
      if (!attempt.fromCache) this.deps.cache.set(attempt.key, attempt.result);
      if (!first.fromCache && attempt !== first) this.deps.cache.set(first.key, first.result);
      capabilities.set(transport.baseURL, transport.model, { rung, temperature });
      return this.modelGrade(input, check.reply, usage);
    }
    return this.ungraded(`model refused: the server accepts none of the response formats (last: ${lastRejection})`, usage);
  }

  private async call(messages: ChatMessage[], format: ResponseFormat, temperature: boolean): Promise<Attempt> {
    const { transport, cache } = this.deps;
    const request = { messages, responseFormat: format, temperature: temperature ? 0 : undefined };
    const key = ResponseCache.keyOf({ baseURL: transport.baseURL, model: transport.model, ...request });
    const cached = cache.get(key);
    if (cached) return { result: cached, key, fromCache: true };
    this.requests += 1;
    return { result: await transport.complete(request), key, fromCache: false };
  }

  private modelGrade(input: GradeInput, reply: ValidReply, usage: TokenUsage): Grade {
    const criteria = input.rubric.map((criterion) => {
      const scored = reply.criteria[criterion.id]!;
      return { id: criterion.id, earned: scored.earned, possible: criterion.points, mark: markFromEarned(scored.earned, criterion.points), justification: scored.justification, evidence: scored.evidence };
    });
    const feedback = [reply.feedback.trim(), list('Strengths', reply.strengths), list('To improve', reply.improvements)].filter(Boolean).join('\n');
    return {
      by: this.model,
      kind: 'model',
      status: 'graded',
      at: isoAt(this.deps.clock.now()),
      reason: null,
      ...totalOf(criteria),
      criteria,
      feedback: feedback || null,
      flags: reply.instructionInAnswer ? ['instruction-in-answer'] : [],
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

interface Attempt {
  result: CompletionResult;
  key: string;
  fromCache: boolean;
}

function responseFormat(rung: Rung, schema: Record<string, unknown>): ResponseFormat {
  if (rung === 'json_schema') return { type: 'json_schema', json_schema: { name: 'rubric_grade', schema, strict: true } };
  if (rung === 'json_object') return { type: 'json_object' };
  return undefined;
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

function parseReply(content: string, rung: Rung, input: GradeInput): ReplyCheck {
  let value: unknown;
  try {
    value = rung === 'text' ? extractJson(content) : JSON.parse(content);
  } catch (error) {
    return { ok: false, error: `not JSON (${(error as Error).message})` };
  }
  return checkReply(input.rubric, value);
}

/** What failed, in words that say what to do: auth, network, the model refusing, or the server. */
export function describeFailure(error: LlmCallError): string {
  const { status, message } = error;
  if (status === 401 || status === 403) return `authentication failed (${status}): check OPENAI_API_KEY and the base URL (${message})`;
  if (status === undefined) return `network: ${message} (is the server running and reachable?)`;
  if (status === 429) return `rate limited (429) even after retries: ${message}`;
  if (status >= 500) return `server error (${status}) after retries: ${message}`;
  return `model refused (${status}): ${message}`;
}

function rejectsTemperature(error: LlmCallError): boolean {
  return (error.status === 400 || error.status === 422) && /temperature/i.test(error.message);
}

function rejectsFeature(error: LlmCallError): boolean {
  return (error.status === 400 || error.status === 422 || error.status === 501) && /response_format|json_schema|json_object|structured|not supported|unsupported/i.test(error.message);
}

function addUsage(total: TokenUsage, usage: TokenUsage | null): void {
  if (!usage) return;
  total.promptTokens += usage.promptTokens;
  total.completionTokens += usage.completionTokens;
}

function list(title: string, items: readonly string[]): string {
  return items.length > 0 ? `${title}: ${items.join('; ')}` : '';
}

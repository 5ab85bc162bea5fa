import { ResponseCache } from './cache.js';
import { RUNGS, type CapabilityMemory, type Rung } from './capabilities.js';
import { sanitiseServerText, type LlmFailure } from './failures.js';
import { readStructuredReply, type Validation } from './readReply.js';
import type { ChatMessage } from './request.js';
import type { CompletionOutcome, CompletionResult, LlmTransport, ResponseFormat, TokenUsage } from './transport.js';

/** The ports the ladder needs; `now` and `sleep` default to the real clock and timers. */
export interface LadderDeps {
  transport: LlmTransport;
  cache: ResponseCache;
  capabilities: CapabilityMemory;
  /** The whole time budget for one request of the caller (one answer): every attempt, retry and repair included. */
  timeoutMs: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

/** Any structured request: grades, interviewer follow-ups, doctor's probe. */
export interface StructuredRequest<T> {
  /** The json_schema name sent on the first rung. */
  name: string;
  schema: Record<string, unknown>;
  /** The messages for a rung: below json_schema the schema travels in the prompt instead. */
  messagesFor(rung: Rung): ChatMessage[];
  validate(value: unknown): Validation<T>;
  /** Appended to the repair request after the validation error. */
  repairHint: string;
}

export type LadderResult<T> =
  | { ok: true; value: T; usage: TokenUsage; requests: number; rung: Rung; temperature: boolean }
  | { ok: false; failure: LlmFailure; usage: TokenUsage; requests: number };

/** Attempts per request for retryable failures (429 other than insufficient_quota, 5xx, network), time budget permitting. */
export const MAX_ATTEMPTS = 3;
const BACKOFF_MS = 500;

/**
 * PRODUCT.md's ladder, one function for every request the coach sends:
 * json_schema → json_object with the schema in the prompt → plain text; each
 * reply read by readStructuredReply; one repair request quoting the validation
 * error; otherwise a failure in one of the shared categories. It steps down on
 * what the server did — any 400/422 on a rung that sends response_format —
 * never on the wording of its message; a 400 that names `temperature`
 * (OpenAI's reasoning models) is asked again without it. The rung that worked
 * is remembered per (base URL, model). Only validated replies are cached (a
 * cache entry that does not validate is ignored and the request sent again); a
 * cache hit sends nothing and adds no usage.
 */
export async function askStructured<T>(deps: LadderDeps, request: StructuredRequest<T>): Promise<LadderResult<T>> {
  const run = new LadderRun(deps);
  const remembered = deps.capabilities.get(deps.transport.baseURL, deps.transport.model);
  let temperature = remembered?.temperature ?? true;
  let rejection: LlmFailure | undefined;
  for (let index = remembered ? Math.max(0, RUNGS.indexOf(remembered.rung)) : 0; index < RUNGS.length; ) {
    const rung = RUNGS[index]!;
    const format = responseFormat(rung, request);
    const messages = request.messagesFor(rung);
    let first = await run.send(messages, format, temperature, true);
    if (first.ok && first.fromCache && !readStructuredReply(first.result.content, request.validate).ok) first = await run.send(messages, format, temperature, false);
    if (!first.ok) {
      if (first.status === 400 || first.status === 422) {
        rejection = first.failure;
        if (temperature && namesTemperature(first)) temperature = false;
        else if (format !== undefined) index += 1;
        else if (temperature) temperature = false;
        else break;
        continue;
      }
      return run.failed(first.failure);
    }
    let reply = first;
    let read = readStructuredReply(first.result.content, request.validate);
    if (!read.ok) {
      const problem = read.error;
      const repair: ChatMessage[] = [...messages, { role: 'assistant', content: first.result.content }, { role: 'user', content: `Your reply was not valid: ${problem}. ${request.repairHint}` }];
      const second = await run.send(repair, format, temperature, true);
      if (!second.ok) return run.failed({ ...second.failure, detail: `${second.failure.detail} (while repairing an invalid reply: ${sanitiseServerText(problem, 200)})` });
      reply = second;
      read = readStructuredReply(second.result.content, request.validate);
      // Validation errors quote the reply's own keys, which are server text too.
      if (!read.ok) return run.failed({ category: 'invalid output', detail: sanitiseServerText(`the reply was invalid twice (${problem}; then ${read.error})`, 400) });
    }
    // Only a reply that validated is stored, under the key of the first request, so
    // a regrade of a repaired answer is answered from the cache in one step.
    if (!first.fromCache || reply !== first) deps.cache.set(first.key, reply.result);
    deps.capabilities.set(deps.transport.baseURL, deps.transport.model, { rung, temperature });
    return { ok: true, value: read.value, usage: run.usage, requests: run.requests, rung, temperature };
  }
  return run.failed({ category: 'rejected', detail: `every request shape was rejected; last: ${rejection?.detail ?? 'none'}` });
}

type Sent = ({ ok: true; result: CompletionResult; key: string; fromCache: boolean }) | Extract<CompletionOutcome, { ok: false }>;

/** The state of one ask: the deadline, the requests sent and the tokens they used. */
class LadderRun {
  requests = 0;
  readonly usage: TokenUsage = { promptTokens: 0, completionTokens: 0 };
  private readonly deadline: number;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly deps: LadderDeps) {
    this.now = deps.now ?? Date.now;
    this.sleep = deps.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.deadline = this.now() + deps.timeoutMs;
  }

  /** One logical request: from the cache, or sent with retries inside the time budget. */
  async send(messages: ChatMessage[], format: ResponseFormat, temperature: boolean, useCache: boolean): Promise<Sent> {
    const { transport, cache } = this.deps;
    const body = { messages, responseFormat: format, temperature: temperature ? 0 : undefined };
    const key = ResponseCache.keyOf({ baseURL: transport.baseURL, model: transport.model, ...body });
    const cached = useCache ? cache.get(key) : undefined;
    if (cached) return { ok: true, result: cached, key, fromCache: true };
    for (let attempt = 1; ; attempt += 1) {
      const remaining = this.deadline - this.now();
      if (remaining <= 0) return this.outOfTime();
      this.requests += 1;
      const outcome = await transport.complete({ ...body, timeoutMs: remaining });
      if (outcome.ok) {
        this.usage.promptTokens += outcome.result.usage.promptTokens;
        this.usage.completionTokens += outcome.result.usage.completionTokens;
        return { ok: true, result: outcome.result, key, fromCache: false };
      }
      if (outcome.failure.category === 'timeout') return this.outOfTime();
      if (!outcome.retryable || attempt >= MAX_ATTEMPTS) return attempt > 1 ? { ...outcome, failure: { ...outcome.failure, detail: `${outcome.failure.detail} (after ${attempt} attempts)` } } : outcome;
      const wait = outcome.retryAfterMs ?? BACKOFF_MS * 2 ** (attempt - 1);
      if (this.now() + wait >= this.deadline) {
        return { ...outcome, failure: { ...outcome.failure, detail: `${outcome.failure.detail} (retry after ${Math.ceil(wait / 1000)} s would exceed llm.timeoutSeconds)` } };
      }
      await this.sleep(wait);
    }
  }

  failed(failure: LlmFailure): LadderResult<never> {
    return { ok: false, failure, usage: this.usage, requests: this.requests };
  }

  private outOfTime(): Extract<CompletionOutcome, { ok: false }> {
    const seconds = this.deps.timeoutMs / 1000;
    return { ok: false, failure: { category: 'timeout', detail: `no complete reply within ${Number.isInteger(seconds) ? seconds : seconds.toFixed(1)} s (${this.requests} request${this.requests === 1 ? '' : 's'} sent)` }, retryable: false };
  }
}

function responseFormat(rung: Rung, request: StructuredRequest<unknown>): ResponseFormat {
  if (rung === 'json_schema') return { type: 'json_schema', json_schema: { name: request.name, schema: request.schema, strict: true } };
  if (rung === 'json_object') return { type: 'json_object' };
  return undefined;
}

/** OpenAI names the field (`param: "temperature"`); other servers only say it in words. */
function namesTemperature(outcome: Extract<CompletionOutcome, { ok: false }>): boolean {
  return outcome.param === 'temperature' || /\btemperature\b/i.test(outcome.failure.detail);
}

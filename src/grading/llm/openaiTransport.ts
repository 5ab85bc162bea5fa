import type { LlmSettings } from '../../config/settings.js';
import { readCompletion } from './completionBody.js';
import { readErrorBody, type ErrorBody } from './errorBody.js';
import { sanitiseServerText, type FailureCategory } from './failures.js';
import type { CompletionOutcome, CompletionRequest, LlmTransport } from './transport.js';

/** A key is required by the SDK even for servers that ignore it (Ollama, vLLM, llama.cpp). */
const PLACEHOLDER_KEY = 'not-needed';

/**
 * The real transport: the official openai SDK pointed at the base URL, with its
 * own retries off (the ladder retries within one time budget). The SDK reads
 * error bodies only in OpenAI's shape, so a fetch wrapper keeps the raw body of
 * every failed reply for errorBody.ts; 2xx bodies are read raw too
 * (completionBody.ts), because servers send HTML, event streams and partial JSON.
 */
export async function openaiTransport(settings: LlmSettings): Promise<LlmTransport> {
  const { default: OpenAI, APIError, APIConnectionTimeoutError, APIUserAbortError } = await import('openai');
  const errorBodies = new WeakMap<Headers, string>();
  const keepingErrorBodies: typeof fetch = async (input, init) => {
    const response = await fetch(input, init);
    if (response.ok) return response;
    const text = await response.text();
    const copy = new Response(text, { status: response.status, statusText: response.statusText, headers: response.headers });
    errorBodies.set(copy.headers, text);
    return copy;
  };
  const client = new OpenAI({
    apiKey: settings.apiKey ?? PLACEHOLDER_KEY,
    baseURL: settings.baseURL,
    maxRetries: 0,
    fetch: keepingErrorBodies,
    ...(settings.authorization ? { defaultHeaders: { Authorization: settings.authorization } } : {}),
  });
  const secrets = [settings.apiKey, settings.baseURLPassword];
  return {
    model: settings.model,
    baseURL: settings.baseURL,
    async complete(request: CompletionRequest): Promise<CompletionOutcome> {
      const timeoutMs = Math.max(1, Math.round(request.timeoutMs));
      try {
        const response = await client.chat.completions
          .create(
            {
              model: settings.model,
              messages: request.messages,
              stream: false,
              ...(request.responseFormat ? { response_format: request.responseFormat } : {}),
              ...(request.temperature === undefined ? {} : { temperature: request.temperature }),
            },
            { timeout: timeoutMs, maxRetries: 0, signal: AbortSignal.timeout(timeoutMs) },
          )
          .asResponse();
        const text = await response.text();
        const read = readCompletion(redact(text, secrets), response.headers.get('content-type') ?? '');
        return read.ok ? { ok: true, result: { content: read.content, usage: read.usage } } : { ok: false, failure: read.failure, status: response.status, retryable: false };
      } catch (error) {
        if (error instanceof APIConnectionTimeoutError || error instanceof APIUserAbortError || isAbort(error)) {
          return { ok: false, failure: { category: 'timeout', detail: `no reply within ${(timeoutMs / 1000).toFixed(1)} s` }, retryable: false };
        }
        if (error instanceof APIError && error.status !== undefined) {
          const raw = error.headers ? errorBodies.get(error.headers) : undefined;
          const body: ErrorBody = raw === undefined ? { message: error.message } : readErrorBody(raw);
          const outcome = httpFailure(error.status, body, error.headers, secrets);
          // Ollama without /v1 answers Go's "404 page not found": say where the URL is likely wrong.
          if (!outcome.ok && outcome.failure.category === 'not found' && !/\/v1\/?$/.test(settings.baseURL)) outcome.failure.detail += ` (the base URL ${settings.displayBaseURL} does not end in /v1)`;
          return outcome;
        }
        return { ok: false, failure: { category: 'network', detail: sanitiseServerText(redact(causeChain(error), secrets)) }, retryable: true };
      }
    },
  };
}

/** Classifies an HTTP error by what the server did (status, error type/code), never by matching its prose. */
function httpFailure(status: number, body: ErrorBody, headers: Headers | undefined, secrets: (string | undefined)[]): CompletionOutcome {
  const said = sanitiseServerText(redact(body.message, secrets), 240);
  const detail = `${status} ${said}`;
  const base = { status, ...(body.param ? { param: body.param } : {}) };
  const fail = (category: FailureCategory, retryable: boolean, extra: { retryAfterMs?: number } = {}): CompletionOutcome => ({ ok: false, failure: { category, detail }, retryable, ...base, ...extra });
  if (status === 401 || status === 403) return fail('auth', false);
  if (status === 404) return fail('not found', false);
  if (status === 429) {
    if (body.code === 'insufficient_quota' || body.type === 'insufficient_quota') return fail('quota', false);
    return fail('rate limited', true, retryAfter(headers));
  }
  if (status >= 500) return fail('server error', true, retryAfter(headers));
  if (status === 408) return fail('timeout', true);
  return fail('rejected', false);
}

/** retry-after-ms (OpenAI), else retry-after in seconds or as an HTTP date. */
function retryAfter(headers: Headers | undefined): { retryAfterMs?: number } {
  const ms = Number(headers?.get('retry-after-ms'));
  if (Number.isFinite(ms) && ms >= 0 && headers?.get('retry-after-ms')) return { retryAfterMs: ms };
  const value = headers?.get('retry-after');
  if (!value) return {};
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return { retryAfterMs: Math.max(0, seconds * 1000) };
  const date = Date.parse(value);
  return Number.isNaN(date) ? {} : { retryAfterMs: Math.max(0, date - Date.now()) };
}

/** "Connection error. fetch failed: connect ECONNREFUSED 127.0.0.1:9": the SDK's words, then the causes that say what really happened. */
function causeChain(error: unknown): string {
  const parts: string[] = [];
  for (let current: unknown = error, depth = 0; current !== undefined && current !== null && depth < 4; current = (current as { cause?: unknown }).cause, depth += 1) {
    const message = current instanceof Error ? current.message : String(current);
    if (message && !parts.includes(message)) parts.push(message);
  }
  return parts.join(': ') || 'unknown network error';
}

function isAbort(error: unknown): boolean {
  return error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError');
}

/** Secrets (the API key, a password from the base URL) never reach a session, a report, a log or an error message. */
export function redact(text: string, secrets: readonly (string | undefined)[]): string {
  return secrets.reduce<string>((out, secret) => (secret && secret.length >= 4 ? out.split(secret).join('[redacted]') : out), text);
}

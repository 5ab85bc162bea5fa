import type { LlmFailure } from './failures.js';
import type { ChatMessage } from './request.js';

/** The one call the coach makes, as a port: the real one is the openai SDK, tests drive it against loopback servers. */
export type ResponseFormat =
  | { type: 'json_schema'; json_schema: { name: string; schema: Record<string, unknown>; strict: true } }
  | { type: 'json_object' }
  | undefined;

export interface CompletionRequest {
  messages: ChatMessage[];
  responseFormat: ResponseFormat;
  temperature: number | undefined;
  /** What is left of the answer's time budget for this one HTTP attempt, in milliseconds. */
  timeoutMs: number;
}

export interface TokenUsage {
  promptTokens: number;
  completionTokens: number;
}

export interface CompletionResult {
  content: string;
  usage: TokenUsage;
}

/**
 * One HTTP attempt, never retried by the transport (the ladder owns retries and
 * the time budget). A failure says what went wrong in the shared categories;
 * `status` is the HTTP status (absent for network errors and timeouts),
 * `param` the request field a 400 named, `retryAfterMs` what the server asked for.
 */
export type CompletionOutcome =
  | { ok: true; result: CompletionResult }
  | { ok: false; failure: LlmFailure; status?: number; param?: string; retryable: boolean; retryAfterMs?: number };

export interface LlmTransport {
  readonly model: string;
  /** The base URL without credentials: what keys the cache and the capability memory. */
  readonly baseURL: string;
  complete(request: CompletionRequest): Promise<CompletionOutcome>;
}

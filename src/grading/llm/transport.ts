import type { ChatMessage } from './request.js';

/** The one call the grader makes, as a port: the real one is the openai SDK, tests use a loopback server through it. */
export type ResponseFormat =
  | { type: 'json_schema'; json_schema: { name: string; schema: Record<string, unknown>; strict: true } }
  | { type: 'json_object' }
  | undefined;

export interface CompletionRequest {
  messages: ChatMessage[];
  responseFormat: ResponseFormat;
  temperature: number | undefined;
}

export interface TokenUsage {
  promptTokens: number;
  completionTokens: number;
}

export interface CompletionResult {
  content: string;
  usage: TokenUsage | null;
}

export interface LlmTransport {
  readonly model: string;
  readonly baseURL: string;
  complete(request: CompletionRequest): Promise<CompletionResult>;
}

/** A failed call, after the SDK's own retries: `status` is the HTTP status, absent for network errors and timeouts. */
export class LlmCallError extends Error {
  constructor(
    message: string,
    readonly status: number | undefined,
  ) {
    super(message);
    this.name = 'LlmCallError';
  }
}

import type { LlmSettings } from '../../config/settings.js';
import { LlmCallError, type CompletionRequest, type CompletionResult, type LlmTransport } from './transport.js';

/** A key is required by the SDK even for servers that ignore it (Ollama, vLLM, llama.cpp). */
const PLACEHOLDER_KEY = 'not-needed';

export async function openaiTransport(settings: LlmSettings): Promise<LlmTransport> {
  const { default: OpenAI, APIError } = await import('openai');
  const client = new OpenAI({
    apiKey: settings.apiKey ?? PLACEHOLDER_KEY,
    baseURL: settings.baseURL,
    timeout: settings.timeoutMs,
    maxRetries: settings.maxRetries,
  });
  return {
    model: settings.model,
    baseURL: settings.baseURL,
    async complete(request: CompletionRequest): Promise<CompletionResult> {
      try {
        const completion = await client.chat.completions.create({
          model: settings.model,
          messages: request.messages,
          ...(request.responseFormat ? { response_format: request.responseFormat } : {}),
          ...(request.temperature === undefined ? {} : { temperature: request.temperature }),
        });
        const content = completion.choices[0]?.message?.content;
        if (typeof content !== 'string') throw new LlmCallError('the reply had no message content', undefined);
        const usage = completion.usage ? { promptTokens: completion.usage.prompt_tokens, completionTokens: completion.usage.completion_tokens } : null;
        return { content, usage };
      } catch (error) {
        if (error instanceof LlmCallError) throw error;
        if (error instanceof APIError) throw new LlmCallError(redact(error.message, settings.apiKey), error.status);
        throw new LlmCallError(redact(error instanceof Error ? error.message : String(error), settings.apiKey), undefined);
      }
    },
  };
}

/** The key must never reach a session, a report, a log or an error message. */
export function redact(text: string, apiKey: string | undefined): string {
  return apiKey && apiKey.length >= 4 ? text.split(apiKey).join('[redacted]') : text;
}

import { z } from 'zod';
import { readErrorBody } from './errorBody.js';
import { sanitiseServerText, type LlmFailure } from './failures.js';
import type { TokenUsage } from './transport.js';

/**
 * Reads a 2xx reply to POST /chat/completions as a careful client would,
 * without trusting its shape: JSON or not, `choices` present or not, content
 * null, a refusal, a cut-off reply, partial `usage`. Never throws.
 */
export type CompletionRead = { ok: true; content: string; usage: TokenUsage } | { ok: false; failure: LlmFailure };

const count = z.number().nonnegative().finite().catch(0);

/** Only what we read; everything else a server adds is ignored. Usage fields are optional (llama.cpp and adapters send `{"total_tokens": 42}`). */
const CompletionSchema = z.object({
  choices: z
    .array(
      z.object({
        message: z.object({
          content: z.union([z.string(), z.array(z.unknown()), z.null()]).optional(),
          refusal: z.string().nullish().catch(null),
          reasoning_content: z.string().nullish().catch(null),
          reasoning: z.string().nullish().catch(null),
        }),
        finish_reason: z.string().nullish().catch(null),
      }),
    )
    .min(1),
  usage: z.object({ prompt_tokens: count.optional(), completion_tokens: count.optional(), total_tokens: count.optional() }).nullish().catch(null),
});

export function readCompletion(text: string, contentType: string): CompletionRead {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return notChat(describeNonJson(text, contentType));
  }
  const parsed = CompletionSchema.safeParse(value);
  if (!parsed.success) {
    if (value !== null && typeof value === 'object' && ('error' in value || 'detail' in value)) return notChat(`an error object with a success status: ${readErrorBody(text).message}`);
    return notChat(`JSON without a chat completion's "choices[0].message" (${sanitiseServerText(text, 80)})`);
  }
  const { choices, usage } = parsed.data;
  const choice = choices[0]!;
  const tokens = usageOf(usage);
  const refusal = choice.message.refusal?.trim();
  if (refusal) return { ok: false, failure: { category: 'refused', detail: `the model refused: "${sanitiseServerText(refusal, 200)}"` } };
  if (choice.finish_reason === 'content_filter') return { ok: false, failure: { category: 'refused', detail: "the server's content filter stopped the reply (finish_reason content_filter)" } };
  const content = contentText(choice.message.content);
  if (choice.finish_reason === 'length') return { ok: false, failure: { category: 'truncated', detail: `the reply stopped at the token limit after ${content.length} characters` } };
  // Reasoning models behind a reasoning parser (vLLM, llama.cpp, DeepSeek) may leave
  // content empty and put everything, the JSON included, in reasoning_content.
  const reasoning = choice.message.reasoning_content ?? choice.message.reasoning ?? '';
  return { ok: true, content: content.trim() === '' && reasoning.trim() !== '' ? reasoning : content, usage: tokens };
}

function usageOf(usage: z.infer<typeof CompletionSchema>['usage']): TokenUsage {
  const prompt = usage?.prompt_tokens ?? 0;
  const completion = usage?.completion_tokens ?? (usage?.total_tokens !== undefined ? Math.max(0, usage.total_tokens - prompt) : 0);
  return { promptTokens: prompt, completionTokens: completion };
}

/** Content is a string, or (some adapters) an array of parts with `text`. */
function contentText(content: string | unknown[] | null | undefined): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content.map((part) => (typeof part === 'string' ? part : part !== null && typeof part === 'object' && typeof (part as { text?: unknown }).text === 'string' ? (part as { text: string }).text : '')).join('');
}

function describeNonJson(text: string, contentType: string): string {
  const trimmed = text.trimStart();
  if (/event-stream/i.test(contentType) || /^(data|event):/.test(trimmed)) return 'an event stream (server-sent events) arrived although the request asked for one JSON reply (stream: false)';
  if (/html/i.test(contentType) || /^<(!doctype|html)/i.test(trimmed)) return `an HTML page arrived instead of JSON (${readErrorBody(text).message})`;
  if (trimmed === '') return 'an empty body arrived';
  return `text arrived instead of JSON (${contentType || 'no content-type'}): ${sanitiseServerText(text, 80)}`;
}

function notChat(detail: string): CompletionRead {
  return { ok: false, failure: { category: 'not a chat completion', detail: sanitiseServerText(detail) } };
}

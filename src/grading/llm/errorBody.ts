/**
 * What a server said in an error reply, read from every shape servers use:
 * - OpenAI, vLLM >= 0.10.1, llama.cpp, Ollama: `{"error": {"message", "type", "code", "param"}}`
 * - vLLM before 0.10.1: `{"object": "error", "message", "type", "code"}` (the SDK reads it as "no body")
 * - LM Studio: `{"error": "'response_format.type' must be 'json_schema' or 'text'"}`
 * - some gateways (Gemini behind proxies): the same wrapped in an array, `[{"error": {...}}]`
 * - FastAPI servers: `{"detail": "Not Found"}` or `{"detail": [{"loc": [...], "msg": "..."}]}`
 * - anything else: plain text (Go's "404 page not found", an HTML error page)
 * Never throws; fields it cannot find are undefined.
 */
export interface ErrorBody {
  message: string;
  type?: string;
  code?: string;
  param?: string;
}

export function readErrorBody(text: string): ErrorBody {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { message: plainText(text) };
  }
  return fromJson(value) ?? { message: plainText(text) };
}

function fromJson(value: unknown): ErrorBody | undefined {
  if (Array.isArray(value)) return value.length > 0 ? fromJson(value[0]) : undefined;
  if (typeof value === 'string') return { message: value };
  if (!isRecord(value)) return undefined;
  if (typeof value.error === 'string') return { message: value.error, ...fields(value) };
  if (isRecord(value.error)) return fromJson(value.error);
  if (value.detail !== undefined) return { message: detailText(value.detail), ...fields(value) };
  if (typeof value.message === 'string') return { message: value.message, ...fields(value) };
  if (isRecord(value.message)) return fromJson(value.message);
  return undefined;
}

function fields(value: Record<string, unknown>): Omit<ErrorBody, 'message'> {
  const text = (field: unknown) => (typeof field === 'string' || typeof field === 'number' ? String(field) : undefined);
  return { type: text(value.type), code: text(value.code), param: text(value.param) };
}

function detailText(detail: unknown): string {
  if (typeof detail === 'string') return detail;
  if (Array.isArray(detail)) {
    return detail.map((item) => (isRecord(item) && typeof item.msg === 'string' ? `${Array.isArray(item.loc) ? `${item.loc.join('.')}: ` : ''}${item.msg}` : JSON.stringify(item))).join('; ');
  }
  return JSON.stringify(detail);
}

/** An HTML page says little in its markup: its title, else its text. */
function plainText(text: string): string {
  const title = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(text)?.[1];
  if (title?.trim()) return `an HTML page titled "${title.trim()}"`;
  if (/^\s*</.test(text)) return `an HTML page: ${text.replace(/<[^>]*>/g, ' ')}`;
  return text.trim() || '(no body)';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * Reads a model's reply the way a careful person would, on every rung of the
 * ladder: drop a leading reasoning block (`<think>…</think>` from DeepSeek-R1 or
 * Qwen3 without a reasoning parser, `<reasoning>…</reasoning>`), then look at
 * every JSON object the reply offers — the whole reply, a ```json fence
 * (LiteLLM/Anthropic-style JSON mode, Ollama before 0.5), an object after a
 * sentence of prose — and keep those that validate. Never guesses: exactly one
 * distinct valid object is an answer; none, or several that differ, is an error
 * the caller turns into one repair request.
 */
export type Validation<T> = { ok: true; value: T } | { ok: false; error: string };

export function readStructuredReply<T>(content: string, validate: (value: unknown) => Validation<T>): Validation<T> {
  let text = stripReasoning(content);
  let candidates = jsonCandidates(text);
  if (candidates.length === 0) {
    text = stripReasoning(content, { loneClose: false });
    candidates = jsonCandidates(text);
  }
  if (candidates.length === 0) return { ok: false, error: text.trim() === '' ? 'the reply was empty' : 'no JSON object found in the reply' };
  const valid = new Map<string, T>();
  let firstError: string | undefined;
  for (const candidate of candidates) {
    const checked = validate(candidate);
    if (checked.ok) valid.set(JSON.stringify(candidate), checked.value);
    else firstError ??= checked.error;
  }
  if (valid.size === 1) return { ok: true, value: [...valid.values()][0]! };
  if (valid.size > 1) return { ok: false, error: `the reply holds ${valid.size} different JSON objects in the required format; it is unclear which one is meant` };
  return { ok: false, error: firstError! };
}

const REASONING_BLOCK = /^\s*<(think|thinking|reasoning)>[\s\S]*?<\/\1>/i;

/**
 * Leading reasoning blocks go. Some chat templates open the block in the prompt,
 * so the reply starts mid-thought and only closes it: then everything up to a
 * lone closing tag goes too (`loneClose: false` keeps it, for the rare reply
 * whose JSON merely quotes such a tag).
 */
export function stripReasoning(content: string, { loneClose = true } = {}): string {
  let text = content;
  for (let match = REASONING_BLOCK.exec(text); match; match = REASONING_BLOCK.exec(text)) text = text.slice(match[0].length);
  if (!loneClose) return text;
  const close = /<\/(think|thinking|reasoning)>/i.exec(text);
  if (close && !/<(think|thinking|reasoning)>/i.test(text.slice(0, close.index))) text = text.slice(close.index + close[0].length);
  return text;
}

/** Distinct JSON objects, in order of appearance: the whole text, fenced blocks, then complete top-level {...} spans. */
export function jsonCandidates(text: string): Record<string, unknown>[] {
  const found: Record<string, unknown>[] = [];
  const seen = new Set<string>();
  const add = (raw: string): boolean => {
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      return false;
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
    const key = JSON.stringify(value);
    if (!seen.has(key)) {
      seen.add(key);
      found.push(value as Record<string, unknown>);
    }
    return true;
  };
  add(text.trim());
  for (const fence of text.matchAll(/```[a-zA-Z]*[^\S\n]*\n?([\s\S]*?)```/g)) add(fence[1]!.trim());
  let start = text.indexOf('{');
  while (start !== -1) {
    const end = balancedEnd(text, start);
    if (end !== -1 && add(text.slice(start, end + 1))) start = text.indexOf('{', end + 1);
    else start = text.indexOf('{', start + 1);
  }
  return found;
}

/** The index of the `}` closing the object opened at `start`, skipping strings; -1 if it never closes. */
function balancedEnd(text: string, start: number): number {
  let depth = 0;
  let inString = false;
  for (let index = start; index < text.length; index += 1) {
    const char = text[index];
    if (inString) {
      if (char === '\\') index += 1;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === '{') depth += 1;
    else if (char === '}' && --depth === 0) return index;
  }
  return -1;
}

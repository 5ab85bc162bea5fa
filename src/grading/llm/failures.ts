import { stripControl } from '../../text/controlChars.js';

/**
 * Every way a model request can fail, in one place, each with the one-line
 * hint a user needs. A grade's `reason` starts with the category name, so a
 * reader (and a script) can tell "the server is down" from "the model said no".
 */
export const FAILURE_HINTS = {
  auth: 'check OPENAI_API_KEY (or the credentials in the base URL) and that the base URL is the server you meant',
  'not found': 'check that the base URL ends in /v1 (e.g. http://127.0.0.1:11434/v1) and that the model exists on the server (Ollama: ollama pull <model>)',
  quota: 'the account has no credit left (insufficient_quota); add billing or use another key; not retried',
  'rate limited': 'the server asked us to slow down; lower llm.concurrency or wait, then run coach grade again',
  'server error': 'the server failed; check its logs, then run coach grade again',
  timeout: 'no complete reply within llm.timeoutSeconds (it covers every attempt for one answer); raise it with coach config set llm.timeoutSeconds N',
  network: 'is the server running and reachable at the base URL?',
  rejected: 'the server rejected every request shape (json_schema, json_object, plain text); check the model name and the server log',
  refused: 'the model declined to grade this answer; grade it yourself with coach grade --self',
  truncated: 'the reply hit the token limit (finish_reason "length"); use a model with a larger context or output limit',
  'not a chat completion': 'the base URL does not point at an OpenAI-compatible /v1/chat/completions endpoint (or a gateway in between answered instead)',
  'invalid output': 'the model did not produce the required JSON, even after a repair request; try a stronger model',
} as const;

export type FailureCategory = keyof typeof FAILURE_HINTS;

/** A classified failure: `detail` is already sanitised server text (one line, no control characters, bounded). */
export interface LlmFailure {
  category: FailureCategory;
  detail: string;
}

/** "category: detail (hint)": the one line stored as an ungraded grade's reason and printed by doctor. */
export function failureReason(failure: LlmFailure): string {
  return `${failure.category}: ${failure.detail} (${FAILURE_HINTS[failure.category]})`;
}

/** The category a stored reason starts with, or undefined for reasons written before categories existed. */
export function categoryOf(reason: string | null): FailureCategory | undefined {
  if (!reason) return undefined;
  return (Object.keys(FAILURE_HINTS) as FailureCategory[]).find((category) => reason.startsWith(`${category}:`));
}

/**
 * Server text before it reaches a terminal, a session or a report: control
 * characters removed, whitespace collapsed to one line, at most `max` characters.
 */
export function sanitiseServerText(text: string, max = 300): string {
  const line = stripControl(text.replace(/\s+/g, ' ')).trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

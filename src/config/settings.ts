import { join } from 'node:path';
import { z } from 'zod';
import { UserError } from '../errors.js';
import type { Env } from '../paths.js';
import { DEFAULT_DAY_START_MINUTES } from '../review/day.js';

/**
 * config.yaml and the LLM settings resolved from it. Precedence: flag >
 * environment > file > default. The API key is read from the environment only:
 * interview-coach never writes it anywhere.
 */
export const ConfigFileSchema = z.strictObject({
  llm: z
    .strictObject({
      baseURL: z.url().optional(),
      model: z.string().min(1).optional(),
      concurrency: z.int().min(1).max(32).optional(),
      timeoutSeconds: z.number().positive().max(600).optional(),
    })
    .optional(),
  review: z
    .strictObject({
      /** When a study day starts, local time (HH:MM, 24-hour); see src/review/day.ts. */
      dayStartsAt: z.string().regex(/^([01]?\d|2[0-3]):[0-5]\d$/, 'expected a time of day as HH:MM (24-hour), e.g. 04:00').optional(),
    })
    .optional(),
  plan: z
    .strictObject({
      /** The interview day (YYYY-MM-DD), so `coach plan` and `coach today` need no --until. */
      until: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD').optional(),
      /** Study minutes a day (default 30). */
      minutes: z.int().min(1).max(1440).optional(),
    })
    .optional(),
});
export type ConfigFile = z.infer<typeof ConfigFileSchema>;

export const DEFAULT_MODEL = 'gpt-4o-mini';
export const DEFAULT_BASE_URL = 'https://api.openai.com/v1';
export const DEFAULT_CONCURRENCY = 4;
export const DEFAULT_TIMEOUT_SECONDS = 60;

export interface LlmSettings {
  /** A key or a base URL is set. */
  configured: boolean;
  apiKey: string | undefined;
  /** The base URL with any `user:password@` removed (fetch rejects such URLs); keys the cache and the capability memory. */
  baseURL: string;
  /** The base URL as it may be shown: credentials masked as `user:***@`. */
  displayBaseURL: string;
  /** `Basic …` built from credentials that were in the base URL, sent as the Authorization header. */
  authorization: string | undefined;
  /** The password taken from the base URL, so error text can be redacted. */
  baseURLPassword: string | undefined;
  model: string;
  concurrency: number;
  timeoutMs: number;
  maxRetries: number;
  sources: Record<'apiKey' | 'baseURL' | 'model' | 'concurrency' | 'timeout', 'flag' | 'environment' | 'config file' | 'default' | 'not set'>;
}

export function configPath(configDir: string): string {
  return join(configDir, 'config.yaml');
}

/**
 * When a study day starts, in minutes after local midnight: review.dayStartsAt
 * from config.yaml, else 04:00 (Anki's default), so answering at 01:00 still
 * belongs to the evening's day.
 */
export function dayStartsAtOf(file: ConfigFile): { minutes: number; source: 'config file' | 'default' } {
  const text = file.review?.dayStartsAt;
  if (text === undefined) return { minutes: DEFAULT_DAY_START_MINUTES, source: 'default' };
  const [hours, minutes] = text.split(':').map(Number) as [number, number];
  return { minutes: hours * 60 + minutes, source: 'config file' };
}

export interface LlmFlags {
  concurrency?: number;
  model?: string;
}

export function resolveLlmSettings(env: Env, file: ConfigFile, flags: LlmFlags = {}): LlmSettings {
  const apiKey = nonEmpty(env.OPENAI_API_KEY);
  const envBase = nonEmpty(env.OPENAI_BASE_URL);
  const envModel = nonEmpty(env.COACH_MODEL);
  const envConcurrency = nonEmpty(env.COACH_CONCURRENCY);
  if (envConcurrency !== undefined && !/^\d+$/.test(envConcurrency)) throw new UserError(`COACH_CONCURRENCY: expected a whole number, got "${envConcurrency}"`);
  const pick = <T>(flag: T | undefined, fromEnv: T | undefined, fromFile: T | undefined, fallback: T) =>
    flag !== undefined ? { value: flag, source: 'flag' as const } : fromEnv !== undefined ? { value: fromEnv, source: 'environment' as const } : fromFile !== undefined ? { value: fromFile, source: 'config file' as const } : { value: fallback, source: 'default' as const };
  const baseURL = pick(undefined, envBase, file.llm?.baseURL, DEFAULT_BASE_URL);
  const model = pick(flags.model, envModel, file.llm?.model, DEFAULT_MODEL);
  const concurrency = pick(flags.concurrency, envConcurrency === undefined ? undefined : Number(envConcurrency), file.llm?.concurrency, DEFAULT_CONCURRENCY);
  const timeout = pick(undefined, undefined, file.llm?.timeoutSeconds, DEFAULT_TIMEOUT_SECONDS);
  const url = splitCredentials(baseURL.value, baseURL.source === 'environment' ? 'OPENAI_BASE_URL' : 'llm.baseURL');
  return {
    configured: apiKey !== undefined || baseURL.source !== 'default',
    apiKey,
    ...url,
    model: model.value,
    concurrency: Math.max(1, concurrency.value),
    timeoutMs: timeout.value * 1000,
    maxRetries: 2,
    sources: { apiKey: apiKey ? 'environment' : 'not set', baseURL: baseURL.source, model: model.source, concurrency: concurrency.source, timeout: timeout.source },
  };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

/**
 * `http://user:pw@host/v1` is how many people write a proxy's credentials, but
 * fetch refuses to send a request to such a URL ("Request cannot be constructed
 * from a URL that includes credentials"). The credentials move to an
 * Authorization header (Basic, as curl would send them) and are masked wherever
 * the URL is shown.
 */
export function splitCredentials(raw: string, where: string): Pick<LlmSettings, 'baseURL' | 'displayBaseURL' | 'authorization' | 'baseURLPassword'> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UserError(`${where}: not a valid URL: ${maskCredentials(raw)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UserError(`${where}: expected an http:// or https:// URL, got ${maskCredentials(raw)}`);
  if (!url.username && !url.password) return { baseURL: raw, displayBaseURL: raw, authorization: undefined, baseURLPassword: undefined };
  const user = decodeURIComponent(url.username);
  const password = decodeURIComponent(url.password);
  url.username = '';
  url.password = '';
  const stripped = url.toString().replace(/\/$/, raw.endsWith('/') ? '/' : '');
  return {
    baseURL: stripped,
    displayBaseURL: maskCredentials(raw),
    authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`,
    baseURLPassword: password || user || undefined,
  };
}

/** `http://user:secret@host/v1` → `http://user:***@host/v1`; anything else unchanged. */
export function maskCredentials(text: string): string {
  // A user alone (http://token@host) may itself be the secret, so it is masked too.
  return text.replace(/(\b[a-z][a-z0-9+.-]*:\/\/)([^/@\s:]*)(:[^/@\s]*)?@/gi, (_match, scheme: string, user: string, password: string | undefined) => `${scheme}${password && user ? `${user}:` : ''}***@`);
}

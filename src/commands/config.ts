import type { Context } from '../context.js';
import { editConfig, readConfigFile } from '../config/configFile.js';
import { ConfigFileSchema, configPath, dayStartsAtOf, maskCredentials, resolveLlmSettings } from '../config/settings.js';
import { formatDayStart } from '../review/day.js';
import { UsageError } from '../errors.js';
import { renderTable } from '../ui/table.js';
import { outputWidth } from '../ui/width.js';

export interface ConfigOptions {
  action?: string;
  key?: string;
  value?: string;
}

/** Settings users may store, by the names they type: a section of config.yaml and a field in it. */
const KEYS: Record<string, { section: 'llm' | 'review' | 'plan'; field: string; parse: (value: string) => unknown }> = {
  'llm.baseURL': { section: 'llm', field: 'baseURL', parse: (value) => value },
  'llm.model': { section: 'llm', field: 'model', parse: (value) => value },
  'llm.concurrency': { section: 'llm', field: 'concurrency', parse: (value) => Number(value) },
  'llm.timeoutSeconds': { section: 'llm', field: 'timeoutSeconds', parse: (value) => Number(value) },
  'review.dayStartsAt': { section: 'review', field: 'dayStartsAt', parse: (value) => value },
  'plan.until': { section: 'plan', field: 'until', parse: (value) => value },
  'plan.minutes': { section: 'plan', field: 'minutes', parse: (value) => Number(value) },
};
const ALIASES: Record<string, string> = { 'base-url': 'llm.baseURL', baseURL: 'llm.baseURL', model: 'llm.model', concurrency: 'llm.concurrency', timeout: 'llm.timeoutSeconds', timeoutSeconds: 'llm.timeoutSeconds', dayStartsAt: 'review.dayStartsAt' };

/**
 * `coach config` shows the effective settings and where each comes from;
 * `set KEY VALUE` and `unset KEY` edit config.yaml in place (comments and
 * layout kept, links written through; see editConfig). The API key is never
 * stored: it stays in OPENAI_API_KEY.
 */
export async function configCommand(options: ConfigOptions, ctx: Context): Promise<void> {
  const path = configPath(ctx.paths.configDir);
  if (options.action === undefined || options.action === 'show') return showConfig(path, ctx);
  if (options.action !== 'set' && options.action !== 'unset') throw new UsageError(`coach config: expected show, set or unset, got "${options.action}"`);
  const key = canonicalKey(options.key);
  const file = readConfigFile(path);
  const { section, field } = KEYS[key]!;
  const values: Record<string, unknown> = { ...file[section] };
  if (options.action === 'set') {
    if (options.value === undefined) throw new UsageError(`coach config set ${key}: a value is needed`);
    if (key === 'llm.baseURL' && maskCredentials(options.value) !== options.value) {
      throw new UsageError(`coach config set llm.baseURL: the URL carries credentials (${maskCredentials(options.value)}); interview-coach never writes secrets to config.yaml. Set OPENAI_BASE_URL in your environment instead (the credentials are sent as an Authorization header and shown masked).`);
    }
    values[field] = KEYS[key]!.parse(options.value);
  } else {
    delete values[field];
  }
  const next = ConfigFileSchema.safeParse({ ...file, [section]: values });
  if (!next.success) throw new UsageError(`coach config set ${key}: ${next.error.issues[0]!.message} (got "${options.value}")`);
  editConfig(path, ctx.paths.configDir, section, field, options.action === 'set' ? values[field] : undefined, next.data);
  ctx.stderr.write(`${options.action === 'set' ? `Set ${key} = ${options.value}` : `Unset ${key}`} in ${path}\n`);
}

function canonicalKey(key: string | undefined): string {
  if (key === undefined) throw new UsageError(`coach config set|unset: which setting? (${Object.keys(KEYS).join(', ')})`);
  if (/key|token|secret/i.test(key)) throw new UsageError('the API key is never written by interview-coach: set OPENAI_API_KEY in your environment instead');
  const canonical = KEYS[key] ? key : ALIASES[key];
  if (!canonical) throw new UsageError(`unknown setting "${key}"; known: ${Object.keys(KEYS).join(', ')}`);
  return canonical;
}

function showConfig(path: string, ctx: Context): void {
  const file = readConfigFile(path);
  const settings = resolveLlmSettings(ctx.env, file);
  const dayStart = dayStartsAtOf(file);
  const rows = [
    { key: 'llm.baseURL', value: settings.displayBaseURL, source: settings.sources.baseURL, env: 'OPENAI_BASE_URL' },
    { key: 'llm.model', value: settings.model, source: settings.sources.model, env: 'COACH_MODEL' },
    { key: 'llm.concurrency', value: String(settings.concurrency), source: settings.sources.concurrency, env: 'COACH_CONCURRENCY' },
    { key: 'llm.timeoutSeconds', value: String(settings.timeoutMs / 1000), source: settings.sources.timeout, env: '' },
    { key: 'API key', value: settings.apiKey ? 'set (hidden)' : 'not set', source: settings.sources.apiKey, env: 'OPENAI_API_KEY' },
    { key: 'review.dayStartsAt', value: formatDayStart(dayStart.minutes), source: dayStart.source, env: '' },
    { key: 'plan.until', value: file.plan?.until ?? 'not set', source: file.plan?.until ? 'config file' : 'not set', env: '' },
    { key: 'plan.minutes', value: String(file.plan?.minutes ?? 30), source: file.plan?.minutes ? 'config file' : 'default', env: '' },
  ];
  if (ctx.json) {
    ctx.stdout.write(`${JSON.stringify({ configFile: path, dataDir: ctx.paths.dataDir, llmConfigured: settings.configured, settings: rows }, null, 2)}\n`);
    return;
  }
  ctx.stdout.write(
    renderTable(
      rows,
      [
        { header: 'SETTING', cell: (row) => row.key, style: (text) => ctx.style.cyan(text) },
        { header: 'VALUE', cell: (row) => row.value },
        { header: 'FROM', cell: (row) => row.source, shrink: true },
        { header: 'ENVIRONMENT', cell: (row) => row.env, style: (text) => ctx.style.dim(text), optional: true },
      ],
      (text) => ctx.style.bold(text),
      outputWidth(ctx),
    ),
  );
  ctx.stdout.write(ctx.style.dim(`\nConfig file: ${path}\nData folder: ${ctx.paths.dataDir}\nLLM grading is ${settings.configured ? 'on' : 'off (set OPENAI_API_KEY, or OPENAI_BASE_URL for a local server)'}.\n`));
}

import type { Context } from '../context.js';
import { configPath } from '../config/settings.js';
import { readConfigFile } from '../config/configFile.js';
import { ExitCode, UserError } from '../errors.js';
import { loadTopics } from '../topics/loader.js';
import { formatProblem } from '../topics/problems.js';
import { stripControl } from '../text/controlChars.js';

interface Check {
  name: string;
  status: 'ok' | 'failed' | 'skipped';
  detail: string;
}

/** Checks the setup: topics load, the data folder is writable, the config is valid, the LLM answers. */
export async function doctorCommand(_options: Record<string, never>, ctx: Context): Promise<ExitCode> {
  const checks: Check[] = [];
  const { topics, problems } = await loadTopics(ctx.topicSources, { strict: false });
  const questions = topics.reduce((sum, loaded) => sum + loaded.topic.questions.length, 0);
  checks.push(problems.length === 0 ? { name: 'topics', status: 'ok', detail: `${topics.length} topics, ${questions} questions` } : { name: 'topics', status: 'failed', detail: `${problems.length} problem(s): ${problems.slice(0, 3).map(formatProblem).join('; ')}` });
  checks.push(await checkDataDir(ctx.paths.dataDir));
  checks.push(await checkDatabase(ctx.paths.dataDir));
  const config = checkConfig(ctx);
  checks.push(config.check);
  if (config.ok) checks.push(await checkLlm(ctx));
  if (ctx.json) {
    ctx.stdout.write(`${JSON.stringify({ checks }, null, 2)}\n`);
  } else {
    for (const check of checks) {
      const mark = check.status === 'ok' ? ctx.style.green('✔') : check.status === 'failed' ? ctx.style.red('✖') : ctx.style.dim('–');
      ctx.stdout.write(`${mark} ${check.name.padEnd(10)} ${stripControl(check.detail)}\n`);
    }
  }
  return checks.some((check) => check.status === 'failed') ? ExitCode.failure : ExitCode.ok;
}

/** The data folder is a folder and takes a new file (a probe that is always removed again). */
async function checkDataDir(dataDir: string): Promise<Check> {
  const { dataFolderHealth } = await import('../storage/health.js');
  const health = dataFolderHealth(dataDir);
  return { name: 'data', status: health.ok ? 'ok' : 'failed', detail: health.detail };
}

/** Opens coach.db (when there is one) and runs SQLite's quick_check over it. */
async function checkDatabase(dataDir: string): Promise<Check> {
  const { databaseHealth } = await import('../storage/health.js');
  const health = databaseHealth(dataDir);
  return { name: 'database', status: health.ok ? 'ok' : 'failed', detail: health.detail };
}

function checkConfig(ctx: Context): { ok: boolean; check: Check } {
  const path = configPath(ctx.paths.configDir);
  try {
    readConfigFile(path);
    return { ok: true, check: { name: 'config', status: 'ok', detail: path } };
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    return { ok: false, check: { name: 'config', status: 'failed', detail: error.message } };
  }
}

/**
 * One tiny grading request through the same ladder as every grade (a fresh
 * answer, so the cache cannot answer it): the failure line is the grade's
 * reason, category and hint included; the base URL is shown with credentials masked.
 */
async function checkLlm(ctx: Context): Promise<Check> {
  const { llmSettings, createLlmGrader } = await import('../grading/llm/setup.js');
  let settings: ReturnType<typeof llmSettings>;
  try {
    settings = llmSettings(ctx);
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    return { name: 'llm', status: 'failed', detail: error.message };
  }
  if (!settings.configured) return { name: 'llm', status: 'skipped', detail: 'not configured (optional): set OPENAI_API_KEY, or OPENAI_BASE_URL for a local server' };
  const grader = await createLlmGrader(ctx, settings);
  const started = Date.now();
  const grade = await grader.grade({
    question: 'What does HTTP status 429 mean?',
    rubric: [{ id: 'meaning', points: 1, criterion: 'Says the client sent too many requests (rate limited).' }],
    modelAnswer: 'Too Many Requests: the client is being rate limited.',
    answer: `It means too many requests; the client is rate limited (check ${Date.now()}).`,
  });
  const elapsed = Date.now() - started;
  const where = `${settings.model} at ${settings.displayBaseURL}`;
  if (grade.status !== 'graded') return { name: 'llm', status: 'failed', detail: `${where}: ${grade.reason}` };
  const rung = grader.lastRung;
  const requests = `${grader.requests} request${grader.requests === 1 ? '' : 's'}`;
  return { name: 'llm', status: 'ok', detail: `${where} answered in ${elapsed} ms (${requests}) using ${rung?.rung ?? 'json_schema'}${rung && !rung.temperature ? ' without temperature' : ''}` };
}

import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Context } from '../../context.js';
import { configPath, readConfigFile, resolveLlmSettings, type LlmFlags, type LlmSettings } from '../../config/settings.js';
import { writeFileAtomic } from '../../session/store.js';
import { ResponseCache } from './cache.js';
import { CapabilityMemory } from './capabilities.js';
import type { InterviewerModel } from '../../interview/interviewer.js';
import { LlmGrader } from './grader.js';
import type { LadderDeps } from './ladder.js';
import { openaiTransport } from './openaiTransport.js';
import { loadTemplate } from './templates.js';

export function llmSettings(ctx: Pick<Context, 'env' | 'paths'>, flags: LlmFlags = {}): LlmSettings {
  return resolveLlmSettings(ctx.env, readConfigFile(configPath(ctx.paths.configDir)), flags);
}

/**
 * The ladder's real ports: the openai SDK, the response cache and the capability
 * memory in the data folder, and the per-request time budget. Any structured
 * request (grades, follow-ups, clarifications) goes through
 * `askStructured(await ladderDeps(ctx, settings), request)` from ladder.ts.
 */
export async function ladderDeps(ctx: Pick<Context, 'paths'>, settings: LlmSettings): Promise<LadderDeps> {
  return {
    transport: await openaiTransport(settings),
    cache: new ResponseCache(join(ctx.paths.dataDir, 'llm-cache')),
    capabilities: new CapabilityMemory(join(ctx.paths.dataDir, 'llm-capabilities.json')),
    timeoutMs: settings.timeoutMs,
  };
}

/** The grader with its real ports. */
export async function createLlmGrader(ctx: Pick<Context, 'paths' | 'clock'>, settings: LlmSettings): Promise<LlmGrader> {
  return new LlmGrader({
    ...(await ladderDeps(ctx, settings)),
    template: loadTemplate(join(ctx.paths.packageRoot, 'prompts'), 'grader'),
    secret: graderSecret(ctx.paths.dataDir),
    clock: ctx.clock,
  });
}

/**
 * The interviewer with a model: clarifying answers from the facts and
 * follow-ups that probe, each one small request through the same ladder as grades.
 */
export async function createInterviewerModel(ctx: Pick<Context, 'paths' | 'env'>): Promise<InterviewerModel> {
  const settings = llmSettings(ctx);
  const deps = await ladderDeps(ctx, settings);
  const prompts = join(ctx.paths.packageRoot, 'prompts');
  const followUpTemplate = loadTemplate(prompts, 'followup');
  const clarifyTemplate = loadTemplate(prompts, 'clarify');
  const secret = graderSecret(ctx.paths.dataDir);
  const [{ modelFollowUp }, { modelClarification }] = await Promise.all([import('./followUp.js'), import('./clarify.js')]);
  return {
    model: settings.model,
    clarify: (input) => modelClarification(deps, clarifyTemplate, secret, input),
    probe: (input) => modelFollowUp(deps, followUpTemplate, secret, input),
  };
}

/** A per-installation secret for answer tags (see request.ts), created once. */
function graderSecret(dataDir: string): string {
  const path = join(dataDir, 'grader-secret');
  try {
    return readFileSync(path, 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('hex');
  writeFileAtomic(path, secret);
  return secret;
}

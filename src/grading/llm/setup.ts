import { join } from 'node:path';
import type { Context } from '../../context.js';
import { configPath, resolveLlmSettings, type LlmFlags, type LlmSettings } from '../../config/settings.js';
import { readConfigFile } from '../../config/configFile.js';
import { openStorage, type Storage } from '../../storage/database.js';
import { graderSecretOf } from '../../storage/secret.js';
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
 * memory in the database (coach.db in the data folder, or `storage`), and the
 * per-request time budget. Any structured request (grades, follow-ups, clarifications) goes through
 * `askStructured(await ladderDeps(ctx, settings), request)` from ladder.ts.
 */
export async function ladderDeps(ctx: Pick<Context, 'paths'>, settings: LlmSettings, storage: Storage = openStorage(ctx.paths.dataDir)): Promise<LadderDeps> {
  return {
    transport: await openaiTransport(settings),
    cache: new ResponseCache(storage),
    capabilities: new CapabilityMemory(storage),
    timeoutMs: settings.timeoutMs,
  };
}

/** The grader with its real ports. */
export async function createLlmGrader(ctx: Pick<Context, 'paths' | 'clock'>, settings: LlmSettings): Promise<LlmGrader> {
  const storage = openStorage(ctx.paths.dataDir);
  return new LlmGrader({
    ...(await ladderDeps(ctx, settings, storage)),
    template: loadTemplate(join(ctx.paths.packageRoot, 'prompts'), 'grader'),
    secret: graderSecretOf(storage, ctx.paths.dataDir),
    clock: ctx.clock,
  });
}

/**
 * The interviewer with a model: clarifying answers from the facts and
 * follow-ups that probe, each one small request through the same ladder as grades.
 */
export async function createInterviewerModel(ctx: Pick<Context, 'paths' | 'env'>): Promise<InterviewerModel> {
  const settings = llmSettings(ctx);
  const storage = openStorage(ctx.paths.dataDir);
  const deps = await ladderDeps(ctx, settings, storage);
  const prompts = join(ctx.paths.packageRoot, 'prompts');
  const followUpTemplate = loadTemplate(prompts, 'followup');
  const clarifyTemplate = loadTemplate(prompts, 'clarify');
  const secret = graderSecretOf(storage, ctx.paths.dataDir);
  const [{ modelFollowUp }, { modelClarification }] = await Promise.all([import('./followUp.js'), import('./clarify.js')]);
  return {
    model: settings.model,
    clarify: (input) => modelClarification(deps, clarifyTemplate, secret, input),
    probe: (input) => modelFollowUp(deps, followUpTemplate, secret, input),
  };
}

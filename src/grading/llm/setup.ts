import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Context } from '../../context.js';
import { configPath, readConfigFile, resolveLlmSettings, type LlmFlags, type LlmSettings } from '../../config/settings.js';
import { writeFileAtomic } from '../../session/store.js';
import { ResponseCache } from './cache.js';
import { CapabilityMemory } from './capabilities.js';
import type { FollowUpInput, FollowUpOutcome } from './followUp.js';
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

/** What an interview needs to ask model-written follow-ups, through the same ladder as grades. */
export async function createFollowUpWriter(ctx: Pick<Context, 'paths' | 'env'>): Promise<(input: FollowUpInput) => Promise<FollowUpOutcome>> {
  const deps = await ladderDeps(ctx, llmSettings(ctx));
  const template = loadTemplate(join(ctx.paths.packageRoot, 'prompts'), 'followup');
  const secret = graderSecret(ctx.paths.dataDir);
  const { modelFollowUp } = await import('./followUp.js');
  return (input) => modelFollowUp(deps, template, secret, input);
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

import { configPath, dayStartsAtOf } from '../config/settings.js';
import { readConfigFile } from '../config/configFile.js';
import type { Context } from '../context.js';

/** review.dayStartsAt from config.yaml (minutes after local midnight; 04:00 when unset): every command's one source for it. */
export function dayStartsAt(ctx: Pick<Context, 'paths'>): number {
  return dayStartsAtOf(readConfigFile(configPath(ctx.paths.configDir))).minutes;
}

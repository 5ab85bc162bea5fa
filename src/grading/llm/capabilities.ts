import { readFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { writeFileAtomic } from '../../session/store.js';

/** The fallback ladder, strongest first. */
export const RUNGS = ['json_schema', 'json_object', 'text'] as const;
export type Rung = (typeof RUNGS)[number];

export interface Capability {
  rung: Rung;
  temperature: boolean;
}

/**
 * Which rung of the ladder worked for each (base URL, model), and whether the
 * model accepts `temperature`, so later runs start there instead of
 * rediscovering it with failing requests.
 */
export class CapabilityMemory {
  constructor(private readonly path: string) {}

  get(baseURL: string, model: string): Capability | undefined {
    return this.read()[`${baseURL} ${model}`];
  }

  set(baseURL: string, model: string, capability: Capability): void {
    const all = this.read();
    const key = `${baseURL} ${model}`;
    if (all[key]?.rung === capability.rung && all[key]?.temperature === capability.temperature) return;
    all[key] = capability;
    mkdirSync(dirname(this.path), { recursive: true });
    writeFileAtomic(this.path, `${JSON.stringify({ schemaVersion: 1, ...all }, null, 2)}\n`);
  }

  private read(): Record<string, Capability> {
    try {
      const { schemaVersion: _version, ...rest } = JSON.parse(readFileSync(this.path, 'utf8')) as Record<string, unknown>;
      return rest as Record<string, Capability>;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT' || error instanceof SyntaxError) return {};
      throw error;
    }
  }
}

import { lazyStorage, type StorageLocation } from '../../storage/lazyStorage.js';

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
 * rediscovering it with failing requests. Kept in the database's
 * `llm_capabilities` table; `location` is the data folder (or an open Storage).
 */
export class CapabilityMemory {
  private readonly storage: ReturnType<typeof lazyStorage>;

  constructor(location: StorageLocation) {
    this.storage = lazyStorage(location);
  }

  get(baseURL: string, model: string): Capability | undefined {
    const storage = this.storage();
    const row = storage.guard(() => storage.prepare('SELECT rung, temperature FROM llm_capabilities WHERE base_url = ? AND model = ?').get(baseURL, model)) as { rung: Rung; temperature: number } | undefined;
    return row && (RUNGS as readonly string[]).includes(row.rung) ? { rung: row.rung, temperature: row.temperature === 1 } : undefined;
  }

  set(baseURL: string, model: string, capability: Capability): void {
    const known = this.get(baseURL, model);
    if (known?.rung === capability.rung && known.temperature === capability.temperature) return;
    const storage = this.storage();
    if (storage.readOnly) return;
    storage.write(() =>
      storage.db
        .prepare('INSERT INTO llm_capabilities (base_url, model, rung, temperature) VALUES (?, ?, ?, ?) ON CONFLICT (base_url, model) DO UPDATE SET rung = excluded.rung, temperature = excluded.temperature')
        .run(baseURL, model, capability.rung, capability.temperature ? 1 : 0),
    );
  }
}

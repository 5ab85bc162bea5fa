import { z } from 'zod';
import { ReportSchema } from './schema.js';

/**
 * The JSON Schema of the report JSON, generated from `ReportSchema` (zod's
 * `toJSONSchema`, output side: what we write), so scripts can validate what
 * `coach report --format json`, `--json` and `coach export` print. Printed by
 * `coach schema --report`.
 */
export function reportJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(ReportSchema, { io: 'output' }) as Record<string, unknown>;
  return { ...schema, title: 'interview-coach report', description: 'A session report (README "Report JSON"); one element of `sessions` in `coach export --format json`.' };
}

export function renderReportJsonSchema(): string {
  return `${JSON.stringify(reportJsonSchema(), null, 2)}\n`;
}

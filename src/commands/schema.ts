import type { Context } from '../context.js';

export interface SchemaOptions {
  /** Print the report JSON's schema instead of the topic files'. */
  report?: boolean;
  /** Print the plan JSON's schema (coach plan --json). */
  plan?: boolean;
}

/** Prints a JSON Schema generated from our zod schemas: topic files (default) the report JSON (`--report`) or the plan JSON (`--plan`). */
export async function schemaCommand(options: SchemaOptions, ctx: Pick<Context, 'stdout'>): Promise<void> {
  if (options.plan) {
    ctx.stdout.write(`${JSON.stringify((await import('../plan/schema.js')).planJsonSchema(), null, 2)}\n`);
    return;
  }
  if (options.report) {
    ctx.stdout.write((await import('../report/jsonSchema.js')).renderReportJsonSchema());
    return;
  }
  ctx.stdout.write((await import('../topics/jsonSchema.js')).renderTopicJsonSchema());
}

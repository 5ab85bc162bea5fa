import type { Context } from '../context.js';

export interface SchemaOptions {
  /** Print the report JSON's schema instead of the topic files'. */
  report?: boolean;
}

/** Prints a JSON Schema generated from our zod schemas: topic files (default) or the report JSON (`--report`). */
export async function schemaCommand(options: SchemaOptions, ctx: Pick<Context, 'stdout'>): Promise<void> {
  if (options.report) {
    ctx.stdout.write((await import('../report/jsonSchema.js')).renderReportJsonSchema());
    return;
  }
  ctx.stdout.write((await import('../topics/jsonSchema.js')).renderTopicJsonSchema());
}

import type { Context } from '../context.js';
import { renderTopicJsonSchema } from '../topics/jsonSchema.js';

export async function schemaCommand(_options: Record<string, never>, ctx: Pick<Context, 'stdout'>): Promise<void> {
  ctx.stdout.write(renderTopicJsonSchema());
}

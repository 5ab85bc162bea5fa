import { z } from 'zod';
import { TopicSchema } from './schema.js';

/**
 * The JSON Schema editors use for topic files. `io: "input"` keeps defaulted
 * fields optional, as authors write them. topics/topic.schema.json is this,
 * committed; a test keeps the two equal.
 */
export function topicJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(TopicSchema, { io: 'input' }) as Record<string, unknown>;
}

export function renderTopicJsonSchema(): string {
  return `${JSON.stringify(topicJsonSchema(), null, 2)}\n`;
}

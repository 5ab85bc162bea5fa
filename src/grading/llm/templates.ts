import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Prompt templates live in prompts/*.md: an HTML comment header, then a
 * "## system" and a "## user" section with {{placeholders}}. The hash of the
 * file goes into every grade made with it.
 */
export interface PromptTemplate {
  name: string;
  hash: string;
  system: string;
  user: string;
}

export function loadTemplate(promptsDir: string, name: string): PromptTemplate {
  const raw = readFileSync(join(promptsDir, `${name}.md`), 'utf8');
  const body = raw.replace(/<!--[\s\S]*?-->/g, '');
  const system = /^## system\n([\s\S]*?)(?=^## user\n)/m.exec(body)?.[1];
  const user = /^## user\n([\s\S]*)$/m.exec(body)?.[1];
  if (system === undefined || user === undefined) throw new Error(`prompts/${name}.md needs a "## system" and a "## user" section`);
  return { name, hash: createHash('sha256').update(raw).digest('hex').slice(0, 16), system: system.trim(), user: user.trim() };
}

/** Fills {{name}} placeholders; an unknown placeholder is a bug in the template, not a silent blank. */
export function render(text: string, values: Record<string, string>): string {
  return text.replace(/\{\{(\w+)\}\}/g, (_match, key: string) => {
    const value = values[key];
    if (value === undefined) throw new Error(`prompt placeholder {{${key}}} has no value`);
    return value;
  });
}

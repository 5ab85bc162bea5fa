import { hasControl } from '../text/controlChars.js';
import { formatPath, type IssuePath } from './issues.js';
import { positionAt } from './locate.js';
import type { Problem } from './problems.js';
import type { YamlReading } from './yamlDocument.js';

/**
 * Paths of every string in a topic's data (prompts, titles, `why`, options,
 * explanations, model answers, criteria, references, ids…) that holds a control
 * character or an escape sequence: what `stripControl` would remove before the
 * text reaches a terminal. Keys are not checked (the schema allows none free-form).
 */
export function controlTextPaths(value: unknown, path: PropertyKey[] = []): IssuePath[] {
  if (typeof value === 'string') return hasControl(value) ? [path] : [];
  if (Array.isArray(value)) return value.flatMap((item, index) => controlTextPaths(item, [...path, index]));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>).flatMap(([key, item]) => controlTextPaths(item, [...path, key]));
  }
  return [];
}

/**
 * False when no string read from `source` by the fast path can hold what
 * controlTextPaths looks for, so the walk can be skipped. The plain-subset gate
 * (plainSubset.ts) has already refused every C0/C1 control but tab and line
 * feed, so such a string can only come from a bidi control written as is or
 * from an escape (`"\e"`, `"\u202E"`), which needs a backslash.
 */
export function sourceMayHoldControlText(source: string): boolean {
  return /[\\\u202a-\u202e\u2066-\u2069]/.test(source);
}

/**
 * One lint warning per text field holding control characters or escape
 * sequences, placed at the field's value. They are warnings, not errors: the
 * text is stripped before any terminal output or report, so the file still
 * loads; `coach lint --strict` makes them fatal like every other warning.
 */
export function controlTextWarnings(reading: YamlReading, value: unknown, file: string): Problem[] {
  return controlTextPaths(value).map((path) => ({
    file,
    ...positionAt(reading, path),
    level: 'warning' as const,
    message: `${formatPath(path)}: holds control characters or an escape sequence; they are removed before the text is shown`,
  }));
}

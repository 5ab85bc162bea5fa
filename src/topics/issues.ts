import type { z } from 'zod';
import { ALLOWED_FIELDS, QUESTION_TYPES } from './schema.js';

/**
 * Turns a zod issue into the message half of `file:line:col  message`: the field
 * path, then what was expected and what was found, in the words of the file format
 * (mapping, list, text) rather than JavaScript's.
 */
export type IssuePath = readonly PropertyKey[];

export function describeIssue(issue: z.core.$ZodIssue, input: unknown): string[] {
  const where = formatPath(issue.path);
  const found = valueAt(input, issue.path);
  switch (issue.code) {
    case 'invalid_type': {
      if (found === undefined) return [`${where}: required field is missing`];
      return [`${where}: expected ${nameOfType(issue.expected)}, found ${describeValue(found)}`];
    }
    case 'unrecognized_keys': {
      const allowed = allowedFieldsAt(issue.path, input);
      const hint = allowed ? ` (allowed: ${allowed.join(', ')})` : '';
      return issue.keys.map((key) => `${formatPath([...issue.path, key])}: unknown field "${key}"${hint}`);
    }
    case 'invalid_value':
      return [`${where}: expected ${issue.values.map((v) => JSON.stringify(v)).join(' | ')}, found ${describeValue(found)}`];
    case 'invalid_union': {
      if (issue.path.at(-1) === 'type' && found !== undefined) {
        return [`${where}: unknown question type ${describeValue(found)}, expected ${QUESTION_TYPES.join(' | ')}`];
      }
      if (found === undefined && issue.path.at(-1) === 'type') return [`${where}: required field is missing (${QUESTION_TYPES.join(' | ')})`];
      return [`${where}: ${issue.message}`];
    }
    case 'too_small':
      return [`${where}: ${describeBound('at least', 'greater than', issue.origin, issue.minimum, issue.inclusive)}, found ${describeValue(found)}`];
    case 'too_big':
      return [`${where}: ${describeBound('at most', 'less than', issue.origin, issue.maximum, issue.inclusive)}, found ${describeValue(found)}`];
    case 'invalid_format':
      return [`${where}: ${issue.format === 'url' ? 'not a valid URL' : issue.format === 'regex' ? issue.message : `invalid ${issue.format}`}, found ${describeValue(found)}`];
    case 'not_multiple_of':
      return [`${where}: must be a whole number, found ${describeValue(found)}`];
    default:
      return [`${where}: ${issue.message}`];
  }
}

export function formatPath(path: IssuePath): string {
  if (path.length === 0) return '(top level)';
  return path
    .map((segment, index) => (typeof segment === 'number' ? `[${segment}]` : `${index === 0 ? '' : '.'}${String(segment)}`))
    .join('');
}

export function valueAt(input: unknown, path: IssuePath): unknown {
  let node = input;
  for (const segment of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<PropertyKey, unknown>)[segment];
  }
  return node;
}

function allowedFieldsAt(path: IssuePath, input: unknown): readonly string[] | undefined {
  if (path.length === 0) return ALLOWED_FIELDS.topic;
  const last = path.at(-2);
  if (last === 'choices') return ALLOWED_FIELDS.option;
  if (last === 'rubric') return ALLOWED_FIELDS.criterion;
  if (last === 'phases') return ALLOWED_FIELDS.phase;
  if (last === 'references') return ALLOWED_FIELDS.reference;
  if (last === 'questions') {
    const type = (valueAt(input, path) as { type?: unknown } | undefined)?.type;
    if (type === 'choice' || type === 'short' || type === 'design') return ALLOWED_FIELDS[type];
  }
  return undefined;
}

function describeBound(atLeast: string, strictly: string, origin: string, bound: number | bigint, inclusive?: boolean): string {
  if (origin === 'array') return `needs ${atLeast} ${bound} item${Number(bound) === 1 ? '' : 's'}`;
  if (origin === 'string') return `needs ${atLeast} ${bound} character${Number(bound) === 1 ? '' : 's'}`;
  return inclusive ? `must be ${atLeast} ${bound}` : `must be ${strictly} ${bound}`;
}

function nameOfType(expected: string): string {
  const names: Record<string, string> = {
    object: 'a mapping',
    array: 'a list',
    string: 'text',
    number: 'a number',
    int: 'a whole number',
    boolean: 'true or false',
  };
  return names[expected] ?? expected;
}

export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'an empty value';
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') {
    const shown = value.length > 40 ? `${value.slice(0, 37)}...` : value;
    return JSON.stringify(shown);
  }
  return String(value);
}

import { withDefaults } from './model.js';
import { TopicSchema } from './schema.js';
import { byPosition, type Problem } from './problems.js';
import { isError, readYaml, type YamlReading } from './yamlDocument.js';
import { locateIssue, positionAt } from './locate.js';
import { controlTextWarnings } from './controlText.js';
import { EMPTY_FILE, type ParseResult } from './parse.js';

/** A topic file read by `yaml` alone: its meaning, and every problem placed at its node. */
export function parseSlowly(source: string, file: string): ParseResult {
  const reading = readYaml(source, file, 'topic file', { sayWhereReadersDiffer: true });
  const warnings = reading.problems.filter((problem) => !isError(problem));
  if (reading.problems.some(isError)) return { ok: false, problems: reading.problems.sort(byPosition) };
  if (reading.empty) return fail({ file, line: 1, col: 1, message: EMPTY_FILE }, warnings);
  const value = reading.value;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    const { line, col } = reading.at(reading.document?.contents?.range?.[0] ?? 0);
    const found = Array.isArray(value) ? 'a list' : value === null ? 'an empty value' : 'a single value';
    return fail({ file, line, col, message: `(top level): expected a mapping with id, title and questions, found ${found}` }, warnings);
  }
  warnings.push(...controlTextWarnings(reading, value, file));
  const parsed = TopicSchema.safeParse(value);
  if (parsed.success) return { ok: true, topic: withDefaults(parsed.data), problems: warnings.sort(byPosition), idPosition: idPositionIn(reading) };
  const problems = [...warnings, ...parsed.error.issues.flatMap((issue) => locateIssue(reading, issue, file))];
  return { ok: false, problems: problems.sort(byPosition) };
}

function idPositionIn(reading: YamlReading): { line: number; col: number } {
  return positionAt(reading, ['id'], true);
}

function fail(problem: Problem, warnings: Problem[] = []): ParseResult {
  return { ok: false, problems: [...warnings, problem].sort(byPosition) };
}

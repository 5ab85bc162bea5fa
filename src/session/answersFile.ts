import { UsageError } from '../errors.js';
import { readRegularFile } from '../topics/files.js';
import { formatProblem } from '../topics/problems.js';
import { decodeUtf8 } from '../topics/utf8.js';
import { readFast } from '../topics/fastYaml.js';
import { readYaml } from '../topics/yamlDocument.js';
import { parseAnswersDocument, type RawAnswers } from './answers.js';

/**
 * Reads an answers file (YAML or JSON, which is YAML too) with the same reading
 * as topic files (topics/yamlDocument.ts): keys are text as written (`0123:`
 * answers question "0123", `null:` question "null"), duplicate keys are found in
 * one pass, aliases are bounded, invalid UTF-8 and special files are refused.
 * Any problem, a warning included, is a usage error `file:line:col  message`:
 * a scripted run should not guess.
 */
export function readAnswersFile(path: string, display: string): RawAnswers {
  const read = readRegularFile(path);
  if ('skipped' in read) {
    if (/does not exist/.test(read.skipped)) throw new UsageError(`answers file not found: ${display}`);
    throw new UsageError(`${display}: ${read.skipped.replace(/; skipped$/, '')}`);
  }
  const decoded = decodeUtf8(read.bytes);
  if (!('text' in decoded)) throw new UsageError(formatProblem({ file: display, ...decoded }));
  // The fast path gives the same value where it applies (topics/fastYaml.ts); yaml decides and locates the rest.
  const fast = readFast(decoded.text);
  if (fast) return parseAnswersDocument(fast.value, display);
  const reading = readYaml(decoded.text, display, 'answers file');
  const [first] = reading.problems;
  if (first) {
    const more = reading.problems.length > 1 ? ` (and ${reading.problems.length - 1} more problem${reading.problems.length > 2 ? 's' : ''})` : '';
    throw new UsageError(`${formatProblem(first)}${more}`);
  }
  return parseAnswersDocument(reading.value, display);
}

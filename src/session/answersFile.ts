import { readFileSync } from 'node:fs';
import { LineCounter, parseDocument } from 'yaml';
import { UsageError } from '../errors.js';
import { parseAnswersDocument, type RawAnswers } from './answers.js';

/** Reads an answers file (YAML or JSON, which is YAML too); a broken one is a usage error with its position. */
export function readAnswersFile(path: string, display: string): RawAnswers {
  let source: string;
  try {
    source = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new UsageError(`answers file not found: ${display}`);
    throw error;
  }
  const lineCounter = new LineCounter();
  const document = parseDocument(source, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const [error] = document.errors;
  if (error) {
    const { line, col } = lineCounter.linePos(error.pos[0]);
    throw new UsageError(`${display}:${line}:${col}  ${error.message.split('\n')[0]}`);
  }
  return parseAnswersDocument(document.toJS(), display);
}

import { escapeControl } from '../text/controlChars.js';

/** One located problem in a topic file: printed as `file:line:col  message`. */
export interface Problem {
  file: string;
  line: number; // 1-based
  col: number; // 1-based
  message: string;
  /** A warning (an unresolved tag, say) does not stop the file loading; `--strict` makes it fatal. Default: error. */
  level?: 'error' | 'warning';
}

/** `file:line:col  message` on one line: control characters in the file name are shown escaped (escapeControl). */
export function formatProblem(problem: Problem): string {
  return `${escapeControl(problem.file)}:${problem.line}:${problem.col}  ${problem.level === 'warning' ? 'warning: ' : ''}${problem.message}`;
}

export function byPosition(a: Problem, b: Problem): number {
  return compareText(a.file, b.file) || a.line - b.line || a.col - b.col;
}

/** 1-based line and column of a character offset in `text`. */
export function positionOf(text: string, offset: number): { line: number; col: number } {
  let line = 1;
  let lineStart = 0;
  for (let index = text.indexOf('\n'); index !== -1 && index < offset; index = text.indexOf('\n', index + 1)) {
    line += 1;
    lineStart = index + 1;
  }
  return { line, col: offset - lineStart + 1 };
}

/** Code-unit order. `localeCompare` would load ICU collation (~10 ms) for ASCII ids and paths. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

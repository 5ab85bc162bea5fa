import type { Problem } from './problems.js';

/**
 * Two rules of the YAML spec that `yaml` does not enforce (suite cases SF5V and
 * 9MMA): one %YAML directive per document, and a directive needs a document
 * after it. Directives stand at column 0 before a document's `---`.
 */
export function directiveProblems(source: string, file: string, documents: number): Problem[] {
  if (!/^%/m.test(source)) return [];
  const problems: Problem[] = [];
  let inPrologue = true;
  let yamlDirectives = 0;
  let lastDirective = 0;
  source.split('\n').forEach((line, index) => {
    if (/^(---|\.\.\.)(\s|$)/.test(line)) {
      inPrologue = line.startsWith('...');
      yamlDirectives = 0;
      if (!inPrologue) lastDirective = 0;
      return;
    }
    if (!inPrologue || /^\s*(#.*)?$/.test(line)) return;
    if (!line.startsWith('%')) {
      inPrologue = false;
      return;
    }
    lastDirective = index + 1;
    if (/^%YAML(\s|$)/.test(line) && ++yamlDirectives > 1) problems.push({ file, line: index + 1, col: 1, message: 'YAML syntax: a document may have only one %YAML directive' });
  });
  if (lastDirective > 0 && (inPrologue || documents === 0)) problems.push({ file, line: lastDirective, col: 1, message: 'YAML syntax: a directive must be followed by a document ("---")' });
  return problems;
}

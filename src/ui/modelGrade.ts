import type { Grade } from '../grading/grade.js';
import type { Criterion } from '../topics/model.js';
import type { Style } from './style.js';
import { formatPoints } from './summary.js';
import { stripControlDeep } from '../text/controlChars.js';
import { hang, wrapLines } from '../text/layout.js';
import { INSTRUCTION_WARNING } from '../report/wording.js';

/** A model grade in the terminal: per criterion the points, mark and the model's justification; then its feedback. */
export function renderModelGrade(untrusted: Grade, rubric: readonly Criterion[], style: Style, width = 80): string {
  const grade = stripControlDeep(untrusted);
  if (grade.status !== 'graded') return `${style.yellow('Not graded:')} ${grade.reason}\n`;
  const lines = [`${style.bold(`Graded by ${grade.by}:`)} ${formatPoints(grade.earned)} / ${grade.possible}`];
  if (grade.flags.includes('instruction-in-answer')) lines.push(style.red(INSTRUCTION_WARNING), ...(grade.reason ? [style.dim(`  ${grade.reason}`)] : []));
  for (const criterion of grade.criteria) {
    const text = rubric.find((entry) => entry.id === criterion.id)?.criterion ?? criterion.id;
    const mark = criterion.mark === 'met' ? style.green('met   ') : criterion.mark === 'partly' ? style.yellow('partly') : style.red('missed');
    const points = `${formatPoints(criterion.earned)}/${criterion.possible}`;
    lines.push(...hang(`  ${mark} ${points}  `, text, width));
    if (criterion.justification) lines.push(...hang(' '.repeat(11 + points.length), criterion.justification, width).map((line) => style.dim(line)));
  }
  if (grade.feedback) lines.push('', ...wrapLines(grade.feedback.trim(), width));
  return `${lines.join('\n')}\n`;
}

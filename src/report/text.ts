import { headlineGrade } from '../grading/grade.js';
import type { Session } from '../session/model.js';
import type { Style } from '../ui/style.js';
import { formatDuration } from '../ui/clockText.js';
import { formatPoints } from '../ui/summary.js';
import type { Report } from './schema.js';

/** The terminal rendering of a report: score, then each question with its grade per criterion. */
export function renderTextReport(report: Report, session: Session, style: Style): string {
  const lines: string[] = [];
  const { earned, possible, percent } = report.score;
  lines.push(style.bold(`${report.kind} ${report.id}`) + style.dim(`  ${report.status} · started ${report.startedAt} · topics ${report.topics.join(', ')}`));
  lines.push(percent === null ? 'Score: nothing graded yet' : `Score: ${formatPoints(earned)} / ${formatPoints(possible)} (${percent}%) · Verdict: ${report.verdict}`);
  if (report.pending > 0) lines.push(style.yellow(`${report.pending} awaiting a grade: coach grade ${report.id} --self`));
  const asked = session.questions.filter((item) => item.status !== 'unasked');
  report.questions.forEach((question, index) => {
    const item = asked[index]!;
    const grade = question.grade;
    const score = grade.status === 'graded' ? `${formatPoints(grade.earned ?? 0)}/${formatPoints(grade.possible ?? 0)} by ${grade.by}` : grade.status;
    const time = question.seconds === null ? '' : ` · ${formatDuration(question.seconds)} of ${formatDuration(question.budgetSeconds)}`;
    lines.push('', style.bold(`${index + 1}. ${question.topic}/${question.id}`) + style.dim(` (${question.type}) · ${question.status} · ${score}${time}`));
    lines.push(question.prompt.trim());
    if (question.status === 'answered' && question.answer) lines.push(style.dim('Your answer: ') + question.answer.trim());
    const headline = headlineGrade(item.grades);
    if (item.question.type === 'short' && headline) {
      for (const criterion of headline.criteria) {
        const text = item.question.rubric.find((entry) => entry.id === criterion.id)?.criterion ?? criterion.id;
        const mark = criterion.mark === 'met' ? style.green('met   ') : criterion.mark === 'partly' ? style.yellow('partly') : style.red('missed');
        lines.push(`  ${mark} ${formatPoints(criterion.earned)}/${criterion.possible}  ${text}`);
      }
    }
  });
  return `${lines.join('\n')}\n`;
}

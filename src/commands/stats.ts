import type { Context } from '../context.js';
import { sparkline } from '../progress/stats.js';
import { statsFromRows } from '../storage/statsRows.js';
import { loadTopics } from '../topics/loader.js';
import { renderTable } from '../ui/table.js';
import { hang, wrapText } from '../text/layout.js';
import { outputWidth } from '../ui/width.js';
import { stripControl } from '../text/controlChars.js';

/** Progress per topic over time, the criteria most often missed, and self-vs-model drift. */
export async function statsCommand(_options: Record<string, never>, ctx: Context): Promise<void> {
  const stats = statsFromRows(ctx.sessions.db);
  const criterionText = await criterionTexts(ctx);
  const mostMissed = stats.mostMissed.map((entry) => ({ ...entry, text: criterionText.get(`${entry.topic}/${entry.question}/${entry.phase ?? ''}/${entry.criterion}`) ?? null }));
  if (ctx.json) {
    ctx.stdout.write(`${JSON.stringify({ ...stats, mostMissed }, null, 2)}\n`);
    return;
  }
  const { style } = ctx;
  const width = outputWidth(ctx);
  if (stats.sessions === 0) {
    ctx.stdout.write('No sessions yet. Start one with: coach quiz\n');
    return;
  }
  ctx.stdout.write(`${style.bold(`Progress over ${stats.sessions} session${stats.sessions === 1 ? '' : 's'}`)}\n\n`);
  ctx.stdout.write(
    renderTable(
      stats.topics,
      [
        { header: 'TOPIC', cell: (row) => row.topic, style: (text) => style.cyan(text) },
        { header: 'SESSIONS', cell: (row) => String(row.sessions), align: 'right' },
        { header: 'ANSWERED', cell: (row) => String(row.answered), align: 'right' },
        { header: 'SKIPPED', cell: (row) => String(row.skipped), align: 'right' },
        { header: 'SCORE', cell: (row) => (row.averagePercent === null ? '-' : `${row.averagePercent}%`), align: 'right' },
        { header: 'ON ANSWERED', cell: (row) => (row.answeredPercent === null ? '-' : `${row.answeredPercent}%`), align: 'right' },
        { header: 'TREND (oldest → newest)', cell: (row) => sparkline(row.trend.slice(-24)), optional: true },
      ],
      (text) => style.bold(text),
      width,
    ),
  );
  const skipped = stats.topics.reduce((sum, row) => sum + row.skipped, 0);
  const note = `SCORE counts every question asked, as session scores do (a skipped one earns 0); ON ANSWERED only the ones you answered.${skipped > 0 ? ` ${skipped} question${skipped === 1 ? ' was' : 's were'} skipped or never reached before time ran out.` : ''}`;
  ctx.stdout.write(`${wrapText(note, width).map((line) => style.dim(line)).join('\n')}\n`);
  if (mostMissed.length > 0) {
    ctx.stdout.write(`\n${style.bold('Criteria you miss most')}\n`);
    for (const entry of mostMissed) {
      const where = `${entry.topic}/${entry.question}${entry.phase ? `#${entry.phase}` : ''}`;
      ctx.stdout.write(`  ${style.red(`${Math.round(entry.lostShare * 100)}% lost`.padEnd(9))} ${style.dim(`missed ${entry.missed}, partly ${entry.partly} of ${entry.graded}`)}\n`);
      ctx.stdout.write(`${hang('    ', stripControl(`${entry.text ?? entry.criterion} (${where})`), width).join('\n')}\n`);
    }
  }
  const { interviews } = stats;
  if (interviews.count > 0) {
    ctx.stdout.write(`\n${style.bold('Mock interviews')} ${style.dim(`(clarifying questions asked per interview: ${interviews.clarifyingPerInterview} on average)`)}\n`);
    ctx.stdout.write(
      renderTable(
        interviews.recent,
        [
          { header: 'SESSION', cell: (row) => row.id, style: (text) => style.cyan(text) },
          { header: 'SCORE', cell: (row) => (row.percent === null ? '-' : `${row.percent}%`), align: 'right' },
          { header: 'VERDICT', cell: (row) => row.verdict ?? '-' },
          { header: 'CLARIFYING QUESTIONS', cell: (row) => String(row.clarifying), align: 'right' },
        ],
        (text) => style.bold(text),
      ),
    );
  }
  const { drift } = stats;
  ctx.stdout.write(`\n${style.bold('Self-grading vs the model')}\n`);
  if (drift.meanPoints === null) {
    ctx.stdout.write(`${hang('  ', 'No question has both a self grade and a model grade yet (coach grade --llm on a self-graded session).', width).map((line) => style.dim(line)).join('\n')}\n`);
  } else {
    const direction = drift.meanPoints > 0 ? 'more generously than' : drift.meanPoints < 0 ? 'more strictly than' : 'the same as';
    ctx.stdout.write(`${hang('  ', `Over ${drift.questions} question${drift.questions === 1 ? '' : 's'} you grade yourself ${direction} the model: ${drift.meanPoints > 0 ? '+' : ''}${drift.meanPoints} points (of 100) on average.`, width).join('\n')}\n`);
    for (const topic of drift.byTopic) ctx.stdout.write(style.dim(`    ${topic.topic}: ${topic.meanPoints > 0 ? '+' : ''}${topic.meanPoints} over ${topic.questions}\n`));
  }
}

/** Criterion texts from the current topics (history keeps ids; the words may since have been edited). */
async function criterionTexts(ctx: Context): Promise<Map<string, string>> {
  const texts = new Map<string, string>();
  const { topics } = await loadTopics(ctx.topicSources, { strict: false });
  for (const { topic } of topics) {
    for (const question of topic.questions) {
      if (question.type === 'short') for (const criterion of question.rubric) texts.set(`${topic.id}/${question.id}//${criterion.id}`, criterion.criterion.trim());
      if (question.type === 'design') for (const phase of question.phases) for (const criterion of phase.rubric) texts.set(`${topic.id}/${question.id}/${phase.id}/${criterion.id}`, criterion.criterion.trim());
    }
  }
  return texts;
}

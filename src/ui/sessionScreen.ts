import type { Context } from '../context.js';
import { isCorrectPick, letterFor } from '../grading/choice.js';
import type { Grade } from '../grading/grade.js';
import type { ClockLevel } from '../interview/header.js';
import type { LiveHeader, SessionScreen } from '../session/runner/ports.js';
import { stripControl } from '../text/controlChars.js';
import type { ChoiceQuestion } from '../topics/model.js';
import { formatDuration } from '../text/format.js';
import { renderModelGrade } from './modelGrade.js';
import { withProgress } from './progress.js';
import type { Prompter } from './prompter.js';
import { displayWidth, hang, hangLines, pad, reflow, truncate, wrapText } from '../text/layout.js';
import { sideBySide } from '../text/sideBySide.js';
import type { Style } from './style.js';
import { formatPoints } from './summary.js';

type ScreenContext = Pick<Context, 'stdout' | 'stderr' | 'style' | 'json'>;

/**
 * The session runner's screen on a terminal: questions through the prompter,
 * everything else written to the context's streams. Text from topics, answers
 * and models is passed through stripControl before it is written.
 */
export function terminalSessionScreen(ctx: ScreenContext, ask: Prompter): SessionScreen {
  const { style } = ctx;
  const out = (text: string) => ctx.stdout.write(text);
  const columns = () => (ctx.stdout.columns && ctx.stdout.columns > 0 ? ctx.stdout.columns : 80);
  const header = (live: () => LiveHeader) => () => formatHeader(live(), style);
  return {
    answer: (request) =>
      ask.multiline({ message: reflow(stripControl(request.message)), title: request.title === undefined ? undefined : stripControl(request.title), header: header(request.header), initial: request.initial, deadline: request.deadline, onChange: request.onChange, hint: request.hint, askKey: request.askKey }),
    choose: ({ question, header: live, deadline }) =>
      ask.choice({
        // The prompt draws "? " before the message and "❯ [x] a) " before an option: wrapped here so no word is cut.
        message: wrapText(stripControl(question.prompt), columns() - 2).join('\n'),
        header: header(live),
        options: question.choices.map((option) => wrapText(stripControl(option.text), columns() - (question.multiple ? 9 : 5)).join('\n')),
        multiple: question.multiple,
        deadline,
      }),
    reveal: ({ message, header: live, deadline }) => ask.reveal({ message: wrapText(stripControl(message), columns() - 2).join('\n'), header: header(live), hint: 'Think it through, then press Enter to reveal the model answer', deadline }),
    gradeYourself: async ({ yours, model, rubric, flip }) => {
      const models = model ?? '(no model answer for this one; grade against the rubric)';
      // Flip mode: nothing was typed, so the model answer takes the whole width.
      const left = flip ? null : { title: 'Your answer', text: stripControl(yours) };
      out(`\n${sideBySide(left, { title: 'Model answer', text: stripControl(models) }, columns(), style)}\n`);
      // The checklist draws "❯ [partly] 3 pts  " before a criterion and indents its "partly:" line to match.
      const room = columns() - 22;
      const criteria = rubric.map((criterion) => ({
        ...criterion,
        criterion: wrapText(stripControl(criterion.criterion), room).join('\n'),
        partial: criterion.partial === undefined ? undefined : wrapText(stripControl(criterion.partial), room - 8).join(`\n${' '.repeat(28)}`),
      }));
      return ask.checklist({ message: 'Grade yourself against the rubric', criteria });
    },
    decide: (message, options) => ask.pick(message, options),
    pressEnter: (message) => ask.pressEnter(message),
    progress: (text, run) => withProgress(ctx, text, () => run()),
    choiceFeedback: (question, picked) => out(choiceFeedback(question, picked, style, columns())),
    skipped: (what) => out(style.dim(what === null ? 'Skipped.\n\n' : `Skipped ${stripControl(what)}.\n\n`)),
    timeUp: (rest) => out(`\n${style.yellow("⏱ Time's up.")}${rest > 0 ? style.dim(` The ${rest} remaining question${rest === 1 ? ' is' : 's are'} skipped.`) : ''}\n\n`),
    selfGradeResult: (grade: Grade) => out(`${style.bold('Self-grade:')} ${formatPoints(grade.earned)} / ${grade.possible}\n\n`),
    answerBesideModel: (yours, model) => out(`\n${sideBySide({ title: 'Your answer', text: stripControl(yours) }, { title: 'Model answer', text: stripControl(model ?? '(none)') }, columns(), style)}\n`),
    modelGrade: (grade, rubric, title) => out(`${title === undefined ? '' : `\n${style.bold(stripControl(title))}\n`}${renderModelGrade(grade, [...rubric], style, columns())}${title === undefined ? '\n' : ''}`),
    interviewBrief: ({ prompt, totalSeconds, phases }) => {
      const width = columns();
      const lines = [style.bold(`Mock interview · ${formatDuration(totalSeconds)}`), '', ...wrapText(stripControl(prompt), width), '', style.bold('Phases')];
      const titleWidth = Math.min(36, Math.max(...phases.map((phase) => displayWidth(stripControl(phase.title)))));
      phases.forEach((phase, index) => lines.push(`  ${index + 1}. ${pad(truncate(stripControl(phase.title), titleWidth), titleWidth)}  ${formatDuration(phase.budgetSeconds)}`));
      const help = [
        "Each phase: type your answer (Enter: new line, Ctrl+D: submit, Ctrl+E: $EDITOR), then the interviewer's follow-ups.",
        'To ask the interviewer a clarifying question, type it on a line starting with ? and submit: the answer appears above your text.',
        'The header counts down the phase and the whole interview; it turns amber near the end of a phase and red in overtime.',
        'Overtime is allowed and recorded. Ctrl+C saves everything (the clock and the text being typed); coach resume continues.',
      ];
      lines.push('', ...help.flatMap((text) => wrapText(text, width).map((line) => style.dim(line))), '');
      out(`${lines.join('\n')}\n`);
    },
    phaseDone: (title, seconds, budget) => {
      const over = seconds - budget;
      out(style.dim(`${stripControl(title)}: ${formatDuration(seconds)} of ${formatDuration(budget)}${over > 0 ? style.red(` (+${formatDuration(over)} over)`) : ''}\n\n`));
    },
    clarified: (turn) => out(`${[...hangLines(`${style.cyan('You asked:')} `, stripControl(turn.question), columns()), ...wrapText(`${'Interviewer:'} ${stripControl(turn.answer ?? '')}`, columns())].join('\n')}\n\n`),
    interviewerNotice: (line) => ctx.stderr.write(style.dim(`${stripControl(line)}\n`)),
    heading: (title, text) => out(`\n${style.bold(stripControl(title))}\n${wrapText(stripControl(text), columns()).join('\n')}\n`),
    note: (text) => out(`\n${style.bold(text)}\n`),
    interrupted: (kind, id) => {
      const saved = kind === 'interview' ? 'Your answers, the clock and the text being typed are saved.' : 'Your answers and the text being typed are saved.';
      ctx.stderr.write(`\n${style.yellow('Interrupted.')} ${saved} Continue with: ${style.cyan(`coach resume ${id}`)}\n`);
    },
  };
}

/** The live header line of a quiz question or an interview phase. */
export function formatHeader(live: LiveHeader, style: Style): string {
  if (live.kind === 'interview') {
    const paint = (level: ClockLevel, text: string) => (level === 'red' ? style.red.bold(text) : level === 'amber' ? style.yellow(text) : style.green(text));
    return [style.bold(`Phase ${live.position}/${live.total}: ${stripControl(live.title)}`), `phase ${paint(live.phaseLevel, live.phase)}`, `interview ${paint(live.interviewLevel, live.interview)}`].join(style.dim(' · '));
  }
  const clockText = `${formatDuration(live.spentSeconds)} / ${formatDuration(live.budgetSeconds)}`;
  const parts = [style.bold(`Question ${live.position}/${live.total}`), style.cyan(stripControl(live.topic)), live.difficulty, live.spentSeconds > live.budgetSeconds ? style.yellow(clockText) : clockText];
  if (live.leftSeconds !== null) parts.push((live.leftSeconds <= 60 ? style.red : style.dim)(`quiz: ${formatDuration(live.leftSeconds)} left`));
  return parts.join(style.dim(' · '));
}

/** After a choice question: right or not, every option with its why, then the explanation. */
export function choiceFeedback(question: ChoiceQuestion, picked: readonly number[], style: Style, width = 80): string {
  const right = isCorrectPick(question, picked);
  const text = (value: string) => stripControl(value);
  const lines = [right ? style.green('✔ Correct') : style.red(`✘ Not quite: the answer is ${question.choices.flatMap((option, index) => (option.correct ? [`${letterFor(index)}) ${text(option.text)}`] : [])).join(', ')}`)];
  question.choices.forEach((option, index) => {
    const mark = option.correct ? style.green('✔') : picked.includes(index) ? style.red('✘') : ' ';
    const chosen = picked.includes(index) ? style.bold(' (your pick)') : '';
    // Wrapped under the option's text, so a long why never breaks mid-word or loses its indent.
    const body = hang(`${mark} ${letterFor(index)}) `, `${text(option.text)}${picked.includes(index) ? ' (your pick)' : ''}${option.why ? ` — ${text(option.why)}` : ''}`, width);
    lines.push(...body.map((line, row) => (row === 0 && chosen ? line.replace(' (your pick)', chosen) : line)));
  });
  if (question.explanation) lines.push('', ...wrapText(text(question.explanation), width));
  return `${lines.join('\n')}\n\n`;
}

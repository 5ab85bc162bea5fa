import { printSessionOutcome } from '../commands/sessionOutcome.js';
import type { Context } from '../context.js';
import { ExitCode } from '../errors.js';
import { gradeChoice, isCorrectPick, letterFor } from '../grading/choice.js';
import { gradeStatus } from '../grading/grade.js';
import { isoAt, type Session, type SessionQuestion } from '../session/model.js';
import { addGrade, finishSession, recordAnswer, secondsBetween } from '../session/record.js';
import { choiceAnswer, skippedGradeFor } from '../session/scripted.js';
import type { ChoiceQuestion, ShortQuestion } from '../topics/model.js';
import { formatDuration } from './clockText.js';
import { createPrompter, isInterrupt, type Prompter } from './prompter.js';
import { announceSelfGrade, askSelfGrade } from './selfGrade.js';
import type { LlmGrader } from '../grading/llm/grader.js';
import { renderModelGrade } from './modelGrade.js';
import { withProgress } from './progress.js';
import { sideBySide } from './sideBySide.js';

/**
 * The interactive quiz: each question asked in the terminal, saved the moment it
 * is answered and again when it is graded, so Ctrl+C (exit 130) or a crash loses
 * at most the answer being typed. Also continues a resumed session.
 */
export async function runInteractiveQuiz(session: Session, ctx: Context): Promise<ExitCode> {
  const ask = await createPrompter(ctx);
  const save = () => ctx.sessions.save(session);
  try {
    await askRemaining(session, ctx, ask, save);
  } catch (error) {
    if (!isInterrupt(error)) throw error;
    session.updatedAt = isoAt(ctx.clock.now());
    save();
    ctx.stderr.write(`\n${ctx.style.yellow('Interrupted.')} Everything you submitted is saved. Continue with: ${ctx.style.cyan(`coach resume ${session.id}`)}\n`);
    return ExitCode.interrupted;
  }
  finishSession(session, ctx.clock.now());
  save();
  printSessionOutcome(session, ctx);
  return ExitCode.ok;
}

async function askRemaining(session: Session, ctx: Context, ask: Prompter, save: () => void): Promise<void> {
  const model = lazyModelGrader(ctx);
  const limit = session.settings.timeLimitSeconds;
  const spentBefore = () => session.questions.reduce((sum, item) => sum + (item.answer?.seconds ?? 0), 0);
  for (const [index, item] of session.questions.entries()) {
    if (item.status === 'unasked') {
      if (limit !== null && spentBefore() >= limit) {
        skip(session, index, ctx);
        save();
        continue;
      }
      const timer = questionTimer(session, index, ctx, spentBefore());
      if (item.question.type === 'choice') await askChoice(session, index, item.question, ctx, ask, timer, save);
      else if (item.question.type === 'short') await askShort(session, index, item.question, ctx, ask, timer, save);
    }
    if (needsGrade(item)) {
      if (session.settings.grader === 'llm') await modelGradeStep(session, index, ctx, ask, save, await model());
      else await selfGradeStep(session, index, ctx, ask, save);
    }
  }
  if (limit !== null && spentBefore() >= limit) ctx.stdout.write(`\n${ctx.style.yellow("Time's up.")}\n`);
}

/** A short answer typed here (not by script) and not graded yet: the grading step comes next, also after a resume. */
export function needsGrade(item: SessionQuestion): boolean {
  return item.question.type === 'short' && item.status === 'answered' && item.answer?.via !== 'script' && gradeStatus(item.grades) === 'pending';
}

interface QuestionTimer {
  startedMs: number;
  header: () => string;
  deadline: () => boolean;
  seconds: () => number;
}

function questionTimer(session: Session, index: number, ctx: Context, spentBefore: number): QuestionTimer {
  const { style, clock } = ctx;
  const item = session.questions[index]!;
  const startedMs = clock.now();
  const budget = Math.round(item.question.minutes * 60);
  const limit = session.settings.timeLimitSeconds;
  const seconds = () => secondsBetween(startedMs, clock.now());
  return {
    startedMs,
    seconds,
    deadline: () => limit !== null && spentBefore + seconds() >= limit,
    header: () => {
      const spent = seconds();
      const clockText = `${formatDuration(spent)} / ${formatDuration(budget)}`;
      const parts = [
        style.bold(`Question ${index + 1}/${session.questions.length}`),
        style.cyan(item.topic),
        item.question.difficulty,
        spent > budget ? style.yellow(clockText) : clockText,
      ];
      if (limit !== null) {
        const left = limit - spentBefore - spent;
        parts.push((left <= 60 ? style.red : style.dim)(`quiz: ${formatDuration(left)} left`));
      }
      return parts.join(style.dim(' · '));
    },
  };
}

// Each step saves before it prints anything that confirms the answer: what the
// candidate has seen acknowledged is on disk, even if the process dies next.
async function askChoice(session: Session, index: number, question: ChoiceQuestion, ctx: Context, ask: Prompter, timer: QuestionTimer, save: () => void): Promise<void> {
  const result = await ask.choice({ message: question.prompt.trim(), header: timer.header, options: question.choices.map((option) => option.text), multiple: question.multiple, deadline: timer.deadline });
  const now = ctx.clock.now();
  const timing = { startedAt: isoAt(timer.startedMs), submittedAt: isoAt(now), seconds: timer.seconds(), via: result.via === 'timeout' ? ('timeout' as const) : ('typed' as const) };
  if (result.picked.length === 0) {
    recordAnswer(session, index, null, now);
    session.questions[index]!.answer = { text: null, choice: null, ...timing };
    addGrade(session, index, gradeChoice(question, [], isoAt(now)), now);
    save();
    ctx.stdout.write(ctx.style.dim('Skipped.\n\n'));
    return;
  }
  recordAnswer(session, index, choiceAnswer(question, result.picked, timing), now);
  addGrade(session, index, gradeChoice(question, result.picked, isoAt(now)), now);
  save();
  ctx.stdout.write(choiceFeedback(question, result.picked, ctx.style));
}

export function choiceFeedback(question: ChoiceQuestion, picked: readonly number[], style: Context['style']): string {
  const right = isCorrectPick(question, picked);
  const lines = [right ? style.green('✔ Correct') : style.red(`✘ Not quite: the answer is ${question.choices.flatMap((option, index) => (option.correct ? [`${letterFor(index)}) ${option.text}`] : [])).join(', ')}`)];
  question.choices.forEach((option, index) => {
    const mark = option.correct ? style.green('✔') : picked.includes(index) ? style.red('✘') : ' ';
    const chosen = picked.includes(index) ? style.bold(' (your pick)') : '';
    lines.push(`${mark} ${letterFor(index)}) ${option.text}${chosen}${option.why ? style.dim(` — ${option.why.trim()}`) : ''}`);
  });
  if (question.explanation) lines.push('', question.explanation.trim());
  return `${lines.join('\n')}\n\n`;
}

async function askShort(session: Session, index: number, question: ShortQuestion, ctx: Context, ask: Prompter, timer: QuestionTimer, save: () => void): Promise<void> {
  if (session.settings.flip) {
    ctx.stdout.write(`${timer.header()}\n${ctx.style.bold(question.prompt.trim())}\n`);
    await ask.pressEnter('Think it through, then press Enter to reveal the model answer');
    const now = ctx.clock.now();
    recordAnswer(session, index, { text: null, choice: null, startedAt: isoAt(timer.startedMs), submittedAt: isoAt(now), seconds: timer.seconds(), via: 'flip' }, now);
    save();
    return;
  }
  const result = await ask.multiline({ message: question.prompt.trim(), header: timer.header, deadline: timer.deadline });
  const now = ctx.clock.now();
  const timing = { startedAt: isoAt(timer.startedMs), submittedAt: isoAt(now), seconds: timer.seconds() };
  if (result.text.trim() === '') {
    recordAnswer(session, index, null, now);
    session.questions[index]!.answer = { text: null, choice: null, ...timing, via: result.via };
    addGrade(session, index, skippedGradeFor(question, isoAt(now))!, now);
    save();
    ctx.stdout.write(ctx.style.dim('Skipped.\n\n'));
    return;
  }
  recordAnswer(session, index, { text: result.text, choice: null, ...timing, via: result.via }, now);
  save();
}

/** The model answer beside the candidate's, then the rubric checklist. */
export async function selfGradeStep(session: Session, index: number, ctx: Context, ask: Prompter, save: () => void): Promise<void> {
  const item = session.questions[index]!;
  const question = item.question as ShortQuestion;
  const yours = item.answer?.via === 'flip' ? '(flip mode: you answered in your head)' : (item.answer?.text ?? '');
  const grade = await askSelfGrade(ctx, ask, { yours, model: question.modelAnswer, rubric: question.rubric });
  addGrade(session, index, grade, ctx.clock.now());
  save();
  announceSelfGrade(ctx, grade);
}

/** The model grades the answer while a spinner runs; if it cannot, the candidate self-grades now or later. */
async function modelGradeStep(session: Session, index: number, ctx: Context, ask: Prompter, save: () => void, grader: LlmGrader): Promise<void> {
  const item = session.questions[index]!;
  const question = item.question as ShortQuestion;
  const answer = item.answer?.text ?? '';
  ctx.stdout.write(`\n${sideBySide({ title: 'Your answer', text: answer }, { title: 'Model answer', text: question.modelAnswer ?? '(none)' }, ctx.stdout.columns ?? 80, ctx.style)}\n`);
  const grade = await withProgress(ctx, `Grading with ${grader.model}…`, () => grader.grade({ question: question.prompt, rubric: question.rubric, modelAnswer: question.modelAnswer, answer }));
  addGrade(session, index, grade, ctx.clock.now());
  save();
  ctx.stdout.write(`${renderModelGrade(grade, question.rubric, ctx.style)}\n`);
  if (grade.status === 'graded') return;
  const next = await ask.pick('The model could not grade this answer. What now?', [
    { name: 'Self-grade it now', value: 'self' as const },
    { name: `Leave it for later (coach grade ${session.id})`, value: 'later' as const },
  ]);
  if (next === 'self') await selfGradeStep(session, index, ctx, ask, save);
}

/** The grader is built on first use, so a quiz of choice questions never loads openai. */
export function lazyModelGrader(ctx: Context): () => Promise<LlmGrader> {
  let grader: Promise<LlmGrader> | undefined;
  return () => {
    grader ??= import('../grading/llm/setup.js').then((setup) => setup.createLlmGrader(ctx, setup.llmSettings(ctx)));
    return grader;
  };
}

function skip(session: Session, index: number, ctx: Context): void {
  const now = ctx.clock.now();
  recordAnswer(session, index, null, now);
  const grade = skippedGradeFor(session.questions[index]!.question, isoAt(now));
  if (grade) addGrade(session, index, grade, now);
}

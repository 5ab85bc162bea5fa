import type { Context } from '../context.js';
import type { ChecklistAnswer, ChecklistConfig } from './prompts/checklist.js';
import type { ChoiceAnswer, ChoiceConfig } from './prompts/choice.js';
import type { MultilineAnswer, MultilineConfig } from './prompts/multiline.js';
import type { RevealAnswer, RevealConfig } from './prompts/reveal.js';
import { sizeOf } from './prompts/fit.js';

/**
 * Everything a command asks the candidate, bound to the context's streams. Built
 * on demand, so commands that never ask never load @inquirer. Every prompt
 * rejects with an interrupt (see isInterrupt) on Ctrl+C or when `ctx.signal`
 * is aborted by SIGTERM/SIGHUP. Ctrl+D does nothing in any of the menu-like
 * prompts (choice, checklist, reveal, pressEnter, pick, pickMany).
 *
 * The prompts asked during a session (multiline, choice, checklist, reveal) take
 * the alternate screen and fit every frame to the terminal, so nothing they draw
 * reaches the scrollback; once answered, one line saying the question and the
 * answer is printed on the normal screen.
 */
export interface Prompter {
  multiline(config: MultilineConfig): Promise<MultilineAnswer>;
  choice(config: ChoiceConfig): Promise<ChoiceAnswer>;
  checklist(config: ChecklistConfig): Promise<ChecklistAnswer>;
  reveal(config: RevealConfig): Promise<RevealAnswer>;
  pressEnter(message: string): Promise<void>;
  pick<T>(message: string, options: readonly { name: string; value: T; description?: string }[]): Promise<T>;
  pickMany<T>(message: string, options: readonly { name: string; value: T }[]): Promise<T[]>;
}

// xterm ctlseqs: DECSET 1049 (alternate screen, cleared), cursor home; and back.
const ENTER_ALTERNATE = '\u001b[?1049h\u001b[H\u001b[2J';
const LEAVE_ALTERNATE = '\u001b[?1049l\u001b[?25h';

export async function createPrompter(ctx: Pick<Context, 'stdin' | 'stdout' | 'style' | 'signal'>): Promise<Prompter> {
  const [{ multilineInput }, { choiceInput, describeChoice }, { checklistInput, summarizeMarks }, { revealInput }, { pressEnterInput, pickInput, pickManyInput }] = await Promise.all([
    import('./prompts/multiline.js'),
    import('./prompts/choice.js'),
    import('./prompts/checklist.js'),
    import('./prompts/reveal.js'),
    import('./prompts/menus.js'),
  ]);
  const { style } = ctx;
  const streams = { input: ctx.stdin, output: ctx.stdout as NodeJS.WritableStream, signal: ctx.signal };
  const size = () => sizeOf(ctx.stdout);
  const done = (message: string, answer: string) => `${style.green('✔')} ${style.bold(message)}${answer === '' ? '' : ` ${style.cyan(answer)}`}\n`;

  /** Runs a prompt on the alternate screen; the normal screen gets back what `summary` says of the answer. */
  async function fullScreen<T>(run: () => Promise<T>, summary: (answer: T) => string): Promise<T> {
    ctx.stdout.write(ENTER_ALTERNATE);
    let answer: T;
    try {
      answer = await run();
    } finally {
      ctx.stdout.write(LEAVE_ALTERNATE);
    }
    ctx.stdout.write(summary(answer));
    return answer;
  }

  return {
    multiline: (config) => multilineInput(config, { input: ctx.stdin, output: ctx.stdout, signal: ctx.signal, style }),
    choice: (config) => fullScreen(() => choiceInput({ ...config, size }, streams), (answer) => done(config.message, describeChoice(answer))),
    checklist: (config) =>
      fullScreen(
        () => checklistInput({ ...config, size }, streams),
        (answer) => done(config.message, summarizeMarks(config.criteria.map((criterion) => answer[criterion.id]))),
      ),
    reveal: (config) =>
      fullScreen(
        () => revealInput({ ...config, size }, streams),
        (answer) => done(config.message, '') + (answer.via === 'timeout' ? `${style.yellow("⏱ Time's up.")}\n` : ''),
      ),
    pressEnter: async (message) => {
      await pressEnterInput({ message }, streams);
    },
    pick: (message, options) => pickInput({ message, options: [...options], size }, streams),
    pickMany: (message, options) => pickManyInput({ message, options: [...options], size }, streams),
  };
}

export { isInterrupt } from '../errors.js';

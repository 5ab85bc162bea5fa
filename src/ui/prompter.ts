import type { Context } from '../context.js';
import type { ChecklistAnswer, ChecklistConfig } from './prompts/checklist.js';
import type { ChoiceAnswer, ChoiceConfig } from './prompts/choice.js';
import type { MultilineAnswer, MultilineConfig } from './prompts/multiline.js';
import type { RevealAnswer, RevealConfig } from './prompts/reveal.js';

/**
 * Everything a command asks the candidate, bound to the context's streams. Built
 * on demand, so commands that never ask never load @inquirer. Every prompt
 * rejects with an interrupt (see isInterrupt) on Ctrl+C or when `ctx.signal`
 * is aborted by SIGTERM/SIGHUP.
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

export async function createPrompter(ctx: Pick<Context, 'stdin' | 'stdout' | 'style' | 'signal'>): Promise<Prompter> {
  const [{ multilineInput }, { choiceInput }, { checklistInput }, { revealInput }, { input, select, checkbox }] = await Promise.all([
    import('./prompts/multiline.js'),
    import('./prompts/choice.js'),
    import('./prompts/checklist.js'),
    import('./prompts/reveal.js'),
    import('@inquirer/prompts'),
  ]);
  const streams = { input: ctx.stdin, output: ctx.stdout as NodeJS.WritableStream, signal: ctx.signal };
  return {
    multiline: (config) => multilineInput(config, { input: ctx.stdin, output: ctx.stdout, signal: ctx.signal, style: ctx.style }),
    choice: (config) => choiceInput(config, streams),
    checklist: (config) => checklistInput(config, streams),
    reveal: (config) => revealInput(config, streams),
    pressEnter: async (message) => {
      await input({ message }, streams);
    },
    pick: (message, options) => select({ message, choices: options.map((option) => ({ ...option })), loop: false }, streams),
    pickMany: (message, options) => checkbox({ message, choices: options.map((option) => ({ ...option })), pageSize: 20 }, streams),
  };
}

export { isInterrupt } from '../errors.js';

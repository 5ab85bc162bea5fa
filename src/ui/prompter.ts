import type { Context } from '../context.js';
import type { ChecklistAnswer, ChecklistConfig } from './prompts/checklist.js';
import type { ChoiceAnswer, ChoiceConfig } from './prompts/choice.js';
import type { MultilineAnswer, MultilineConfig } from './prompts/multiline.js';

/**
 * Everything a command asks the candidate, bound to the context's streams. Built
 * on demand, so commands that never ask never load @inquirer.
 */
export interface Prompter {
  multiline(config: MultilineConfig): Promise<MultilineAnswer>;
  choice(config: ChoiceConfig): Promise<ChoiceAnswer>;
  checklist(config: ChecklistConfig): Promise<ChecklistAnswer>;
  pressEnter(message: string): Promise<void>;
  pick<T>(message: string, options: readonly { name: string; value: T; description?: string }[]): Promise<T>;
  pickMany<T>(message: string, options: readonly { name: string; value: T }[]): Promise<T[]>;
}

export async function createPrompter(ctx: Pick<Context, 'stdin' | 'stdout'>): Promise<Prompter> {
  const [{ multilineInput }, { choiceInput }, { checklistInput }, { input, select, checkbox }] = await Promise.all([
    import('./prompts/multiline.js'),
    import('./prompts/choice.js'),
    import('./prompts/checklist.js'),
    import('@inquirer/prompts'),
  ]);
  const streams = { input: ctx.stdin, output: ctx.stdout as NodeJS.WritableStream };
  return {
    multiline: (config) => multilineInput(config, streams),
    choice: (config) => choiceInput(config, streams),
    checklist: (config) => checklistInput(config, streams),
    pressEnter: async (message) => {
      await input({ message }, streams);
    },
    pick: (message, options) => select({ message, choices: options.map((option) => ({ ...option })), loop: false }, streams),
    pickMany: (message, options) => checkbox({ message, choices: options.map((option) => ({ ...option })), pageSize: 20 }, streams),
  };
}

/** Ctrl+C in any @inquirer prompt rejects with an ExitPromptError. */
export function isInterrupt(error: unknown): boolean {
  return error instanceof Error && error.name === 'ExitPromptError';
}

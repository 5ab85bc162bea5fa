import type { Style } from '../style.js';
import { GUTTER } from './format.js';
import type { MultilineAnswer, MultilineConfig } from './multilineTypes.js';

/** The question as the answer prompt heads it: `mark` (? while asking, ✔ when done), then the title or message in bold. */
export function questionLine(config: Pick<MultilineConfig, 'title' | 'message'>, style: Style, mark: string): string {
  const { title, message } = config;
  return title === undefined ? `${mark} ${style.bold(message)}` : `${mark} ${style.bold(title)}\n${message}`;
}

/** What stays on the main screen once the prompt is done: the question and the whole answer (and a note if time ran out). */
export function answerSummary(config: Pick<MultilineConfig, 'title' | 'message'>, style: Style, text: string, via: MultilineAnswer['via']): string {
  const lines = [questionLine(config, style, style.green('✔'))];
  if (text === '') lines.push(style.dim('(no answer)'));
  else lines.push(...text.split('\n').map((line) => style.dim(GUTTER) + line));
  if (via === 'timeout') lines.push(style.yellow("⏱ Time's up: your answer so far was submitted."));
  return `${lines.join('\n')}\n`;
}

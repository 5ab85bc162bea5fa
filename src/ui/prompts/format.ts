/**
 * Small pieces of look and text handling shared by the interview prompts.
 */

/** Marks the lines of an answer being typed, so they stand apart from the question. */
export const GUTTER = '│ ';

// Same sequence as @inquirer/ansi's cursorHide (not one of our dependencies). Menus hide the
// cursor like @inquirer/select does; the screen manager shows it again when the prompt ends.
export const HIDE_CURSOR = '\u001B[?25l';

const FIRST_LETTER = 'a'.charCodeAt(0);

/** `0 → 'a'`, `1 → 'b'`, … — the label an option is shown and picked with. */
export function letterFor(index: number): string {
  return String.fromCharCode(FIRST_LETTER + index);
}

/** The option a letter key names, or undefined when it names none of `count` options. */
export function indexForLetter(keyName: string, count: number): number | undefined {
  if (keyName.length !== 1) return undefined;
  const index = keyName.charCodeAt(0) - FIRST_LETTER;
  return index >= 0 && index < count ? index : undefined;
}

/** Moves `from` by `step` through `count` positions, wrapping at both ends. */
export function wrapIndex(from: number, step: number, count: number): number {
  return (((from + step) % count) + count) % count;
}

/** Indents every line after the first, so a multi-line label lines up under its first line. */
export function indentFollowingLines(text: string, indent: string): string {
  return text.split('\n').join(`\n${indent}`);
}

/** Joins the lines that are present; optional parts of a screen are left undefined. */
export function joinLines(lines: readonly (string | undefined)[]): string {
  return lines.filter((line) => line !== undefined).join('\n');
}

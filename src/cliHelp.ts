/** The help text's examples: the top-level list, and each command's own. */
export const HELP_EXAMPLES = `
Examples:
  $ coach                             a menu of everything below (on a terminal)
  $ coach topics                      the topics, with mastery and reviews due
  $ coach questions caching           question ids, type, difficulty and title
  $ coach quiz caching --count 5      a quiz; grade yourself against each rubric
  $ coach interview                   pick a design scenario for a timed mock
  $ coach review                      the questions spaced repetition says are due
  $ coach plan --until 2026-12-20     a day-by-day study plan; coach today starts it
  $ coach resume                      continue where you stopped
  $ coach history                     past sessions; coach report for one of them
  $ coach stats                       progress per topic, criteria you miss most
  $ coach lint my-topics/             check your own topic files

Each command has its own help with examples: coach quiz --help
`;

/** An "Examples:" block for one command's --help, one `$ command` per line. */
export function examples(...lines: string[]): string {
  return `\nExamples:\n${lines.map((line) => `  $ ${line}`).join('\n')}\n`;
}

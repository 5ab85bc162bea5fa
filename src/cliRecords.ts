import type { Command } from 'commander';
import { examples } from './cliHelp.js';
import type { CommandAction } from './commandRegistry.js';

/**
 * The commands over what is already recorded (history, report, stats, export,
 * import, backup): they read or copy the database and ask nothing. Added to
 * the program by buildProgram (cli.ts), with its `action` wiring.
 */
export function addRecordCommands(program: Command, action: CommandAction): void {
  program
    .command('history')
    .description('past sessions, newest first: kind, topics, score, status')
    .addHelpText('after', examples('coach history', 'coach history --json'))
    .action(action('history', () => ({})));

  program
    .command('report')
    .description("a session's report: terminal text, Markdown, a self-contained HTML page, or the JSON contract")
    .argument('[session]', 'a session id, a unique prefix, or latest (default)')
    .option('--format <format>', 'text, md, html or json (--json is the same as --format json)', 'text')
    .option('--output <file>', 'write to a file instead of stdout')
    .option('--force', 'overwrite --output if it exists')
    .addHelpText('after', examples('coach report', 'coach report latest --format html --output report.html', 'coach report 20261127 --format md > report.md', 'coach report --json'))
    .action(action('report', (session, options) => ({ session: session as string | undefined, ...(options as object) })));

  program
    .command('stats')
    .description('progress per topic over time, the criteria you miss most, self-grading vs model drift')
    .addHelpText('after', examples('coach stats', 'coach stats --json'))
    .action(action('stats', () => ({})));

  program
    .command('export')
    .description('all history as JSON (every report) or CSV (one row per graded criterion)')
    .option('--format <format>', 'json or csv', 'json')
    .option('--output <file>', 'write to a file instead of stdout')
    .option('--force', 'overwrite --output if it exists')
    .addHelpText('after', examples('coach export > history.json', 'coach export --format csv --output history.csv'))
    .action(action('export', (options) => ({ ...(options as object) })));

  program
    .command('import')
    .description('add the sessions of a coach export --format json file (sessions already here are skipped)')
    .argument('<file>', 'a file written by coach export --format json')
    .addHelpText('after', examples('coach export --output history.json   # on the old machine', 'coach import history.json'))
    .action(action('import', (file) => ({ file: file as string })));

  program
    .command('backup')
    .description('a consistent copy of the database (coach.db), safe while coach runs elsewhere')
    .argument('<file>', 'where to write the copy')
    .option('--force', 'overwrite the file if it exists')
    .addHelpText('after', examples('coach backup ~/coach-backup.db', 'coach backup coach.db.bak --force'))
    .action(action('backup', (file, options) => ({ file: file as string, ...(options as object) })));
}

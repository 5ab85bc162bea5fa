import { Command, CommanderError } from 'commander';
import { createContext, type GlobalOptions, type Io } from './context.js';
import { ExitCode } from './errors.js';
import { readPackageVersion } from './paths.js';
import { lazyDispatch, WITHOUT_SESSIONS, type CommandAction, type Dispatch } from './commandRegistry.js';
import { addRecordCommands } from './cliRecords.js';
import { examples, HELP_EXAMPLES } from './cliHelp.js';

/**
 * The command router: commander's program, each command's options and help,
 * and the context it runs in. Building it has no side effects; the modules
 * that run commands are loaded by commandRegistry.ts when one runs.
 */
export type { CommandResult, Dispatch } from './commandRegistry.js';

/**
 * The commander program for every command, wired to `dispatch` with each
 * command's options; `setExitCode` receives the code a command returns.
 * Builds only: nothing runs until `parseAsync`.
 */
export function buildProgram(io: Io, dispatch: Dispatch, setExitCode: (code: ExitCode) => void): Command {
  const program = new Command('coach')
    .description('A command-line coach for backend and system-design interviews.')
    .version(readPackageVersion(io.env), '-V, --version', 'print the version')
    .option('--json', 'machine-readable output on stdout: no colour, spinners or prompts')
    .option('--topics <dir>', 'add a folder of topic files (repeatable; also COACH_TOPICS=dir1:dir2)', collect, [])
    .option('--strict', 'any topic file problem is fatal')
    .option('--no-color', 'no colours (also NO_COLOR=1; FORCE_COLOR=1 forces them)')
    .helpOption('-h, --help', 'show help')
    .showHelpAfterError('(run "coach --help" for usage and examples)')
    .showSuggestionAfterError()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
    })
    .exitOverride()
    .addHelpText('after', HELP_EXAMPLES);

  const action: CommandAction = (name, toOptions) =>
    async (...args: unknown[]) => {
      const command = args.at(-1) as Command;
      const ctx = await createContext(io, command.optsWithGlobals<GlobalOptions>(), { withSessions: !WITHOUT_SESSIONS.has(name) });
      try {
        const code = await dispatch(name, toOptions(...args), ctx);
        setExitCode(code ?? ExitCode.ok);
      } finally {
        // Closing checkpoints the write-ahead log back into coach.db and removes it.
        ctx.sessions?.close();
      }
    };

  program
    .command('topics')
    .description('list topics: id, title, question counts by type')
    .option('--questions', 'list the question ids of every topic instead (same as coach questions)')
    .addHelpText('after', examples('coach topics', 'coach topics --questions', 'coach topics --json', 'coach --topics ./mine topics'))
    .action(
      action('topics', (opts) => ((opts as { questions?: boolean }).questions ? { questions: true } : {})),
    );

  program
    .command('questions')
    .description('list question ids with type, difficulty and title, so you can ask for one')
    .argument('[topic...]', 'topic ids (default: all topics)')
    .option('--type <list>', 'choice, short, design (comma-separated)')
    .addHelpText('after', examples('coach questions', 'coach questions caching', 'coach questions --type design', 'coach questions caching --json'))
    .action(action('questions', (topics, options) => ({ topics: topics as string[], ...(options as object) })));

  program
    .command('lint')
    .description('validate topic files; every problem as file:line:col  message (exit 1 if any)')
    .argument('[paths...]', 'topic files or folders (default: the bundled topics and your topic folders)')
    .addHelpText('after', examples('coach lint', 'coach lint my-topics/', 'coach lint topics/caching.yaml --json'))
    .action(action('lint', (paths) => ({ paths: paths as string[] })));

  program
    .command('schema')
    .description('print the JSON Schema of topic files (for editors), or with --report of the report JSON')
    .option('--report', 'the JSON Schema of the report JSON (coach report --format json, --json, export)')
    .option('--plan', 'the JSON Schema of coach plan --json')
    .addHelpText(
      'after',
      examples('coach schema > topic.schema.json', '# then start a topic file with:\n    # yaml-language-server: $schema=./topic.schema.json', 'coach schema --report > report.schema.json', 'coach schema --plan > plan.schema.json'),
    )
    .action(action('schema', (opts) => ({ ...((opts as { report?: boolean }).report ? { report: true } : {}), ...((opts as { plan?: boolean }).plan ? { plan: true } : {}) })));

  program
    .command('menu', { hidden: true })
    .description('the menu shown by `coach` alone on a terminal')
    .action(action('menu', () => ({})));

  program
    .command('quiz')
    .description('a quiz of choice and short questions, self-graded against each rubric')
    .argument('[topic...]', 'topic ids (default: all topics)')
    .option('-n, --count <n>', 'how many questions (default 10; with --answers, every matching one)')
    .option('--difficulty <list>', 'easy, medium, hard (comma-separated)')
    .option('--tag <tag>', 'only questions with this tag (repeatable, or comma-separated)', collect, [])
    .option('--type <list>', 'choice, short or choice,short')
    .option('--seed <n>', 'the same seed picks the same questions in the same order')
    .option('--time-limit <duration>', 'a time limit for the whole quiz: minutes (15) or 90s, 15m, 1h')
    .option('--flip', 'flashcard mode: think, reveal the model answer, then self-grade')
    .option('--answers <file>', 'run by script: answers from a YAML or JSON file (see README)')
    .option('--grader <who>', 'llm or self (default: llm when a model is configured, else self)')
    .addHelpText(
      'after',
      examples('coach quiz caching', 'coach quiz caching databases --count 5 --difficulty medium,hard', 'coach quiz --type choice --seed 42', 'coach quiz --flip --time-limit 20m', 'coach quiz caching --answers answers.yaml --json'),
    )
    .action(action('quiz', (topics, options) => ({ topics: topics as string[], ...(options as object) })));

  program
    .command('interview')
    .description('a timed mock interview on a design question, phase by phase, with a live countdown')
    .argument('[question]', 'a design question id (or topic/id); without it, pick one')
    .option('--minutes <n>', 'scale every phase budget so the interview lasts N minutes (default: the question\'s, usually 45)')
    .option('--topic <id>', 'only offer design questions from this topic in the picker')
    .option('--difficulty <level>', 'only offer design questions of this difficulty in the picker')
    .option('--answers <file>', 'run by script: per phase answer, seconds, clarify, followUps and self marks (see README)')
    .option('--grader <who>', 'llm or self (default: llm when a model is configured, else self)')
    .option('--probes <n>', 'follow-up questions per phase at most, while the phase has time left (default 2; 0: none)')
    .addHelpText('after', examples('coach interview', 'coach interview design-api-rate-limiter', 'coach interview design-url-shortener --minutes 30', 'coach interview design-news-feed --answers interview.yaml --json'))
    .action(action('interview', (question, options) => ({ question: question as string | undefined, ...(options as object) })));

  program
    .command('review')
    .description('the questions spaced repetition says are due, weakest and most overdue first')
    .argument('[topic...]', 'only these topics (default: all)')
    .option('--list', 'print what is due instead of starting a review')
    .option('--limit <n>', 'at most N questions (default 10)')
    .option('--again', "also bring back what you rated Again or Hard today")
    .option('--answers <file>', 'run by script, as coach quiz --answers')
    .option('--grader <who>', 'llm or self (default: llm when a model is configured, else self)')
    .addHelpText('after', examples('coach review', 'coach review caching --limit 5', 'coach review --list', 'coach review --list --json', 'coach review --again'))
    .action(action('review', (topics, options) => ({ topics: topics as string[], ...(options as object) })));

  program
    .command('plan')
    .description('a day-by-day study plan from today to the interview day: due reviews, mocks, weak and new questions')
    .argument('[topic...]', 'only these topics (default: all)')
    .option('--until <date>', 'the interview day, YYYY-MM-DD (default: plan.until from coach config)')
    .option('--minutes <n>', 'study minutes a day (default 30, or plan.minutes)')
    .option('--retention <r>', 'recall target on the interview day, 0-1 or a percentage (default 0.9)')
    .option('--format <format>', 'text, md or json (--json is the same as --format json)')
    .option('--today', "start today's items now (the same as coach today)")
    .option('--answers <file>', 'with --today: run by script, as coach quiz --answers')
    .option('--grader <who>', 'with --today: llm or self (default: llm when a model is configured, else self)')
    .addHelpText('after', examples('coach plan --until 2026-12-14', 'coach plan --until 2026-12-14 --minutes 45 caching databases', 'coach plan --until 2026-12-14 --retention 0.95 --json', 'coach plan --until 2026-12-14 --format md > plan.md', 'coach config set plan.until 2026-12-14   # then just: coach plan'))
    .action(action('plan', (topics, options) => ({ topics: topics as string[], ...(options as object) })));

  program
    .command('today')
    .description("start today's planned questions as one session (a planned mock interview is named, to run with coach interview)")
    .argument('[topic...]', 'only these topics (default: all)')
    .option('--until <date>', 'the interview day, YYYY-MM-DD (default: plan.until from coach config)')
    .option('--minutes <n>', 'study minutes a day (default 30, or plan.minutes)')
    .option('--retention <r>', 'recall target on the interview day (default 0.9)')
    .option('--answers <file>', 'run by script, as coach quiz --answers')
    .option('--grader <who>', 'llm or self (default: llm when a model is configured, else self)')
    .addHelpText('after', examples('coach today --until 2026-12-14', 'coach plan --until 2026-12-14 --today', 'coach today --answers today.yaml --json'))
    .action(action('today', (topics, options) => ({ topics: topics as string[], ...(options as object) })));

  program
    .command('cram')
    .description('your weakest and most-forgotten questions, whatever is due; never changes the review schedule')
    .argument('[topic...]', 'only these topics (default: all)')
    .option('--limit <n>', 'at most N questions (default 10)')
    .option('--list', 'print what cramming would ask instead of starting')
    .option('--difficulty <list>', 'easy, medium, hard (comma-separated)')
    .option('--tag <tag>', 'only questions with this tag (repeatable, or comma-separated)', collect, [])
    .option('--type <list>', 'choice, short or choice,short')
    .option('--time-limit <duration>', 'a time limit for the whole session: minutes (15) or 90s, 15m, 1h')
    .option('--flip', 'flashcard mode: think, reveal the model answer, then self-grade')
    .option('--answers <file>', 'run by script, as coach quiz --answers')
    .option('--grader <who>', 'llm or self (default: llm when a model is configured, else self)')
    .addHelpText('after', examples('coach cram', 'coach cram caching --limit 5', 'coach cram --flip --time-limit 15m', 'coach cram --list --json'))
    .action(action('cram', (topics, options) => ({ topics: topics as string[], ...(options as object) })));

  program
    .command('resume')
    .description('continue an interrupted session where it stopped')
    .argument('[session]', 'a session id, a unique prefix, or latest (default: the latest in-progress session)')
    .addHelpText('after', examples('coach resume', 'coach resume 20261127-2130'))
    .action(action('resume', (session) => ({ session: session as string | undefined })));

  program
    .command('grade')
    .description('(re)grade a saved session against each rubric: by the configured model, or yourself')
    .argument('[session]', 'a session id, a unique prefix, or latest (default)')
    .option('--llm', 'grade every answer with the configured model (default when one is configured)')
    .option('--self', 'self-grade what has no grade yet, with the rubric checklist (default otherwise)')
    .option('--concurrency <n>', 'model requests in flight at once (default 4)')
    .addHelpText('after', examples('coach grade', 'coach grade 20261127-2130 --llm --concurrency 8', 'coach grade latest --self'))
    .action(action('grade', (session, options) => ({ session: session as string | undefined, ...(options as object) })));

  addRecordCommands(program, action);

  program
    .command('calibrate')
    .description('grade human-graded answers (CSV) with the configured model: Pearson r, RMSE, exact and within-1 agreement')
    .argument('<file>', 'CSV with question, reference_answer, answer, human_score, max_score and optional rubric')
    .option('--concurrency <n>', 'model requests in flight at once (default 4)')
    .addHelpText('after', examples('coach calibrate examples/calibration.csv', 'coach calibrate my-grades.csv --json'))
    .action(action('calibrate', (file, options) => ({ file: file as string, ...(options as object) })));

  program
    .command('config')
    .description('show the settings and where they come from; set or unset one in config.yaml')
    .argument('[action]', 'show (default), set or unset')
    .argument('[key]', 'llm.baseURL, llm.model, llm.concurrency, llm.timeoutSeconds, review.dayStartsAt, plan.until or plan.minutes')
    .argument('[value]', 'the value, for set')
    .addHelpText('after', examples('coach config', 'coach config set llm.baseURL http://localhost:11434/v1', 'coach config set llm.model llama3.1', 'coach config unset llm.model', 'coach config set review.dayStartsAt 05:00'))
    .action(action('config', (actionName, key, value) => ({ action: actionName as string | undefined, key: key as string | undefined, value: value as string | undefined })));

  program
    .command('doctor')
    .description('check the setup: topics load, data folder writable, config valid, LLM reachable (and which response format it takes)')
    .addHelpText('after', examples('coach doctor', 'OPENAI_BASE_URL=http://localhost:11434/v1 COACH_MODEL=llama3.1 coach doctor'))
    .action(action('doctor', () => ({})));

  // A usage error points to the help of the command it happened in, not only the top-level one.
  for (const command of program.commands) command.showHelpAfterError(`(run "coach ${command.name()} --help" for usage and examples)`);
  return program;
}

/** Runs one command line and returns the exit code; UserErrors propagate to main.ts. */
export async function runCli(argv: readonly string[], io: Io, dispatch: Dispatch = lazyDispatch): Promise<ExitCode> {
  let exitCode: ExitCode = ExitCode.ok;
  const program = buildProgram(io, dispatch, (code) => (exitCode = code));
  const bare = isBareInvocation(argv);
  if (bare && !(io.stdin.isTTY && io.stdout.isTTY && !argv.includes('--json'))) {
    program.outputHelp();
    return ExitCode.ok;
  }
  try {
    await program.parseAsync(bare ? ['menu', ...argv] : [...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) return commanderExitCode(error);
    throw error;
  }
  return exitCode;
}

/** commander exits 1 on its own usage errors; our contract says 2. */
function commanderExitCode(error: CommanderError): ExitCode {
  if (['commander.helpDisplayed', 'commander.version', 'commander.help'].includes(error.code)) return ExitCode.ok;
  return ExitCode.usage;
}

/** `coach` with at most global flags: no command to route (the menu's place). */
function isBareInvocation(argv: readonly string[]): boolean {
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index]!;
    if (arg === '--topics' && index + 1 < argv.length) index += 1;
    else if (!['--json', '--strict', '--no-color'].includes(arg)) return false;
  }
  return true;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

import type { Context } from './context.js';
import type { ExitCode } from './errors.js';

/**
 * Which module runs each command. Each is imported only when its command runs,
 * so `coach --version` loads almost nothing. Tests pass their own `Dispatch`
 * to the router (cli.ts) to check the options each command receives without
 * running it.
 */
export type CommandResult = ExitCode | void;
/** Runs command `name` with its parsed options in `ctx`; resolves with its exit code (void means 0). */
export type Dispatch = (name: string, options: object, ctx: Context) => Promise<CommandResult>;

/** The commander action for command `name`: parses its arguments into options with `toOptions`, then dispatches. */
export type CommandAction = (name: string, toOptions: (...args: unknown[]) => object) => (...args: unknown[]) => Promise<void>;

type CommandModule = (options: never, ctx: Context) => Promise<CommandResult>;

const COMMANDS: Record<string, () => Promise<CommandModule>> = {
  topics: () => import('./commands/topics.js').then((m) => m.topicsCommand),
  questions: () => import('./commands/questions.js').then((m) => m.questionsCommand),
  lint: () => import('./commands/lint.js').then((m) => m.lintCommand),
  schema: () => import('./commands/schema.js').then((m) => m.schemaCommand),
  quiz: () => import('./commands/quiz.js').then((m) => m.quizCommand),
  resume: () => import('./commands/resume.js').then((m) => m.resumeCommand),
  grade: () => import('./commands/grade.js').then((m) => m.gradeCommand),
  history: () => import('./commands/history.js').then((m) => m.historyCommand),
  report: () => import('./commands/report.js').then((m) => m.reportCommand),
  menu: () => import('./commands/menu.js').then((m) => m.menuCommand),
  interview: () => import('./commands/interview.js').then((m) => m.interviewCommand),
  config: () => import('./commands/config.js').then((m) => m.configCommand),
  doctor: () => import('./commands/doctor.js').then((m) => m.doctorCommand),
  calibrate: () => import('./commands/calibrate.js').then((m) => m.calibrateCommand),
  stats: () => import('./commands/stats.js').then((m) => m.statsCommand),
  export: () => import('./commands/export.js').then((m) => m.exportCommand),
  review: () => import('./commands/review.js').then((m) => m.reviewCommand),
  plan: () => import('./commands/plan.js').then((m) => m.planCommand),
  today: () => import('./commands/today.js').then((m) => m.todayCommand),
  cram: () => import('./commands/cram.js').then((m) => m.cramCommand),
  import: () => import('./commands/import.js').then((m) => m.importCommand),
  backup: () => import('./commands/backup.js').then((m) => m.backupCommand),
};

export const lazyDispatch: Dispatch = async (name, options, ctx) => {
  const load = COMMANDS[name];
  if (!load) throw new Error(`no module registered for command "${name}"`);
  const run = await load();
  return run(options as never, ctx);
};

/** Commands that never read or write sessions: their context skips the session store (and zod). */
export const WITHOUT_SESSIONS = new Set(['topics', 'questions', 'lint', 'schema', 'config', 'doctor', 'calibrate']);

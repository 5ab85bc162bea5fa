import type { Context } from '../context.js';
import { ExitCode } from '../errors.js';
import { gradeStatus } from '../grading/grade.js';
import type { Session } from '../session/model.js';
import { SessionFileError } from '../session/store.js';
import { isInterrupt } from '../ui/prompter.js';

type MenuChoice = 'quiz' | 'interview' | 'review' | 'resume' | 'grade' | 'history' | 'stats' | 'report' | 'topics' | 'questions' | 'quit';

interface MenuOption {
  name: string;
  value: MenuChoice;
  description?: string;
}

/**
 * The menu's entries for what exists: quiz, interview and review (with how
 * many are due) always; resume, grade and report for the latest session when
 * they apply; history and stats once there is history. Pure, so a test can
 * check the entries without a terminal.
 */
export function menuOptions(state: { latest: Session | undefined; due: number; sessions: number }): MenuOption[] {
  const { latest } = state;
  const options: MenuOption[] = [
    { name: 'Take a quiz', value: 'quiz', description: 'choice and short questions, self-graded against each rubric' },
    { name: 'Mock interview', value: 'interview', description: 'a timed system-design scenario, phase by phase' },
    { name: `Review (${state.due} due)`, value: 'review', description: state.due > 0 ? 'the questions spaced repetition says are due, weakest first' : 'nothing is due now; see when the next review is' },
  ];
  if (latest?.status === 'in-progress') options.push({ name: `Resume ${latest.id}`, value: 'resume', description: 'continue where you stopped' });
  if (latest?.questions.some((item) => item.question.type === 'short' && item.status === 'answered' && gradeStatus(item.grades) !== 'graded')) {
    options.push({ name: `Grade the pending answers of ${latest.id}`, value: 'grade' });
  }
  if (latest) options.push({ name: 'Report of the latest session', value: 'report' });
  if (state.sessions > 0) options.push({ name: 'History', value: 'history', description: 'past sessions and their scores' }, { name: 'Stats', value: 'stats', description: 'progress per topic, the criteria you miss most' });
  options.push({ name: 'List the topics', value: 'topics' }, { name: 'List the questions', value: 'questions', description: 'question ids with type, difficulty and title' }, { name: 'Quit', value: 'quit' });
  return options;
}

/** `coach` on a terminal: a small menu of what exists, so nobody has to remember a command. */
export async function menuCommand(_options: Record<string, never>, ctx: Context): Promise<ExitCode | void> {
  const { createPrompter } = await import('../ui/prompter.js');
  const ask = await createPrompter(ctx);
  const latest = latestSession(ctx);
  const sessions = ctx.sessions.ids().length;
  const options = menuOptions({ latest, due: sessions > 0 ? await dueCount(ctx) : 0, sessions });
  let choice: MenuChoice;
  try {
    choice = await ask.pick('What would you like to do?', options);
  } catch (error) {
    if (isInterrupt(error)) return ExitCode.interrupted;
    throw error;
  }
  switch (choice) {
    case 'quiz':
      return (await import('./quiz.js')).quizCommand({ topics: [], tag: [] }, ctx);
    case 'resume':
      return (await import('./resume.js')).resumeCommand({ session: latest!.id }, ctx);
    case 'grade':
      return (await import('./grade.js')).gradeCommand({ session: latest!.id, self: true }, ctx);
    case 'report':
      return (await import('./report.js')).reportCommand({ session: latest!.id }, ctx);
    case 'history':
      return (await import('./history.js')).historyCommand({}, ctx);
    case 'interview':
      return (await import('./interview.js')).interviewCommand({}, ctx);
    case 'review':
      return (await import('./review.js')).reviewCommand({ topics: [] }, ctx);
    case 'stats':
      return (await import('./stats.js')).statsCommand({}, ctx);
    case 'questions':
      return (await import('./questions.js')).questionsCommand({ topics: [] }, ctx);
    case 'topics':
      return (await import('./topics.js')).topicsCommand({}, ctx);
    case 'quit':
      return ExitCode.ok;
  }
}

/** How many reviews are due now (questions and interview phases), as `coach review --list` counts them. */
async function dueCount(ctx: Context): Promise<number> {
  const [{ loadTopicOutlines }, { dueNow }] = await Promise.all([import('../topics/loader.js'), import('./review.js')]);
  const { topics } = await loadTopicOutlines(ctx.topicSources, { strict: false });
  return dueNow(topics.map((loaded) => loaded.topic), { topics: [] }, ctx).length;
}

function latestSession(ctx: Pick<Context, 'sessions'>): Session | undefined {
  const id = ctx.sessions.ids().at(-1);
  if (!id) return undefined;
  try {
    return ctx.sessions.load(id);
  } catch (error) {
    if (error instanceof SessionFileError) return undefined;
    throw error;
  }
}

import type { Context } from '../context.js';
import { ExitCode } from '../errors.js';
import { gradeStatus } from '../grading/grade.js';
import type { Session } from '../session/model.js';
import { SessionFileError } from '../session/store.js';
import { isInterrupt } from '../ui/prompter.js';

type MenuChoice = 'quiz' | 'resume' | 'grade' | 'history' | 'report' | 'topics' | 'quit';

/** `coach` on a terminal: a small menu of what exists, so nobody has to remember a command. */
export async function menuCommand(_options: Record<string, never>, ctx: Context): Promise<ExitCode | void> {
  const { createPrompter } = await import('../ui/prompter.js');
  const ask = await createPrompter(ctx);
  const latest = latestSession(ctx);
  const options: { name: string; value: MenuChoice; description?: string }[] = [{ name: 'Take a quiz', value: 'quiz', description: 'choice and short questions, self-graded against each rubric' }];
  if (latest?.status === 'in-progress') options.push({ name: `Resume ${latest.id}`, value: 'resume' });
  if (latest?.questions.some((item) => item.question.type === 'short' && item.status === 'answered' && gradeStatus(item.grades) !== 'graded')) {
    options.push({ name: `Grade the pending answers of ${latest.id}`, value: 'grade' });
  }
  if (latest) options.push({ name: 'Report of the latest session', value: 'report' }, { name: 'History', value: 'history' });
  options.push({ name: 'List the topics', value: 'topics' }, { name: 'Quit', value: 'quit' });
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
    case 'topics':
      return (await import('./topics.js')).topicsCommand({}, ctx);
    case 'quit':
      return ExitCode.ok;
  }
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

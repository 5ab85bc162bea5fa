import type { Grade } from '../grading/grade.js';
import { ID_PATTERN, QuestionSchema } from '../topics/schema.js';
import type { Question } from '../topics/model.js';
import { SESSION_ID_PATTERN } from './ids.js';
import type { Answer, Session } from './model.js';

/**
 * What SessionSchema's types cannot say about a session from outside (an
 * imported export, a first-version session file): that it means something the
 * coach could have written. Ids follow their grammar (a session id is
 * `YYYYMMDD-HHMMSS-xxxx`; topic, question, phase and criterion ids are those
 * of topic files, so no control character or path can hide in them); times
 * are ISO 8601 instants; seconds and token counts are finite and not
 * negative; a grade's points lie within 0..possible and its criteria are the
 * question's (or phase's) own rubric criteria; a draft points at a question
 * that exists. With `questions: true` each copied question is also checked
 * against the topic-file schema (the copy is what reports and grading read).
 *
 * Returns the first problem as `path: message` (path as in `questions.2.grades.0.earned`),
 * or undefined. Never throws.
 */
export function sessionMeaningProblem(session: Session, options: { questions?: boolean } = {}): string | undefined {
  const problems = new Checker();
  problems.pattern(['id'], session.id, SESSION_ID_PATTERN, 'a session id (YYYYMMDD-HHMMSS-xxxx)');
  problems.instant(['startedAt'], session.startedAt);
  problems.instant(['updatedAt'], session.updatedAt);
  if (session.finishedAt !== null) problems.instant(['finishedAt'], session.finishedAt);
  if (session.status === 'finished' && session.finishedAt === null) problems.add(['finishedAt'], 'a finished session needs the time it finished');
  session.topics.forEach((topic, index) => problems.pattern(['topics', index], topic, ID_PATTERN, 'a topic id'));
  if (session.seed !== null) problems.nonNegative(['seed'], session.seed);
  if (session.settings.timeLimitSeconds !== null) problems.nonNegative(['settings', 'timeLimitSeconds'], session.settings.timeLimitSeconds);
  session.questions.forEach((item, index) => {
    const at = ['questions', index];
    problems.pattern([...at, 'topic'], item.topic, ID_PATTERN, 'a topic id');
    problems.pattern([...at, 'question', 'id'], item.question.id, ID_PATTERN, 'a question id');
    if (options.questions) {
      const parsed = QuestionSchema.safeParse(item.question);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        problems.add([...at, 'question', ...issue.path.map(String)], `not a valid question copy (${issue.message})`);
      }
    }
    problems.answer([...at, 'answer'], item.answer);
    const rubricIds = rubricOf(item.question);
    item.grades.forEach((grade, gradeIndex) => problems.grade([...at, 'grades', gradeIndex], grade, rubricIds));
    item.phases?.forEach((phase, phaseIndex) => {
      const phaseAt = [...at, 'phases', phaseIndex];
      problems.pattern([...phaseAt, 'id'], phase.id, ID_PATTERN, 'a phase id');
      problems.nonNegative([...phaseAt, 'budgetSeconds'], phase.budgetSeconds);
      problems.nonNegative([...phaseAt, 'elapsedSeconds'], phase.elapsedSeconds);
      problems.answer([...phaseAt, 'answer'], phase.answer);
      const phaseRubric = item.question.type === 'design' ? item.question.phases?.find((candidate) => candidate.id === phase.id)?.rubric.map((criterion) => criterion.id) : undefined;
      phase.grades.forEach((grade, gradeIndex) => problems.grade([...phaseAt, 'grades', gradeIndex], grade, phaseRubric));
      phase.turns?.forEach((turn, turnIndex) => problems.instant([...phaseAt, 'turns', turnIndex, 'at'], turn.at));
    });
  });
  const { draft } = session;
  if (draft) {
    if (draft.questionIndex >= session.questions.length) problems.add(['draft', 'questionIndex'], `there is no question ${draft.questionIndex} (the session has ${session.questions.length})`);
    problems.instant(['draft', 'startedAt'], draft.startedAt);
    problems.instant(['draft', 'savedAt'], draft.savedAt);
  }
  return problems.first;
}

/** The criterion ids a grade of this question may name; undefined where any may (choice questions, unknown shapes). */
function rubricOf(question: Question): string[] | undefined {
  return question.type === 'short' && Array.isArray(question.rubric) ? question.rubric.map((criterion) => criterion.id) : undefined;
}

/** ISO 8601 with a date, a time and a zone, as `Date.toISOString` writes (a zone offset is also accepted). */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;
/** Points are compared with this slack: sums of halves and thirds are not exact in binary. */
const EPSILON = 1e-6;

class Checker {
  first: string | undefined;

  add(path: readonly (string | number)[], message: string): void {
    this.first ??= `${path.join('.')}: ${message}`;
  }

  pattern(path: readonly (string | number)[], value: string, pattern: RegExp, what: string): void {
    if (!pattern.test(value)) this.add(path, `${JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value)} is not ${what}`);
  }

  instant(path: readonly (string | number)[], value: string): void {
    if (!INSTANT.test(value) || Number.isNaN(Date.parse(value))) this.add(path, `${JSON.stringify(value.slice(0, 60))} is not a time (ISO 8601, e.g. 2026-11-30T08:00:00.000Z)`);
  }

  nonNegative(path: readonly (string | number)[], value: number): void {
    if (!Number.isFinite(value) || value < 0) this.add(path, `${value} is not a number of 0 or more`);
  }

  answer(path: readonly (string | number)[], answer: Answer | null): void {
    if (!answer) return;
    if (answer.seconds !== null) this.nonNegative([...path, 'seconds'], answer.seconds);
    if (answer.startedAt !== null) this.instant([...path, 'startedAt'], answer.startedAt);
    if (answer.submittedAt !== null) this.instant([...path, 'submittedAt'], answer.submittedAt);
  }

  grade(path: readonly (string | number)[], grade: Grade, rubricIds: readonly string[] | undefined): void {
    this.instant([...path, 'at'], grade.at);
    this.nonNegative([...path, 'possible'], grade.possible);
    this.points([...path, 'earned'], grade.earned, grade.possible);
    if (grade.usage) {
      this.nonNegative([...path, 'usage', 'promptTokens'], grade.usage.promptTokens);
      this.nonNegative([...path, 'usage', 'completionTokens'], grade.usage.completionTokens);
    }
    grade.criteria.forEach((criterion, index) => {
      const at = [...path, 'criteria', index];
      if (rubricIds && !rubricIds.includes(criterion.id)) this.add([...at, 'id'], `"${criterion.id.slice(0, 60)}" is not a criterion of this question's rubric (${rubricIds.join(', ')})`);
      this.nonNegative([...at, 'possible'], criterion.possible);
      this.points([...at, 'earned'], criterion.earned, criterion.possible);
    });
    if (grade.status === 'graded' && grade.criteria.length > 0) {
      const sum = grade.criteria.reduce((total, criterion) => total + criterion.earned, 0);
      if (Math.abs(sum - grade.earned) > EPSILON) this.add([...path, 'earned'], `${grade.earned} is not the sum of its criteria's points (${sum})`);
    }
  }

  private points(path: readonly (string | number)[], earned: number, possible: number): void {
    if (!Number.isFinite(earned) || earned < -EPSILON || earned > possible + EPSILON) this.add(path, `${earned} is outside 0..${possible} (the points possible)`);
  }
}

import { gradeChoice, letterFor } from '../grading/choice.js';
import type { Grade } from '../grading/grade.js';
import { markFromEarned } from '../grading/rubric.js';
import { ID_PATTERN, QuestionSchema } from '../topics/schema.js';
import type { ChoiceQuestion, Question } from '../topics/model.js';
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
  if (SESSION_ID_PATTERN.test(session.id) && !isCalendarTime(session.id.slice(0, 4), session.id.slice(4, 6), session.id.slice(6, 8), session.id.slice(9, 11), session.id.slice(11, 13), session.id.slice(13, 15))) {
    problems.add(['id'], `"${session.id}" does not start with a real date and time (YYYYMMDD-HHMMSS, UTC)`);
  }
  problems.instant(['startedAt'], session.startedAt);
  problems.instant(['updatedAt'], session.updatedAt);
  if (session.finishedAt !== null) {
    problems.instant(['finishedAt'], session.finishedAt);
    if (Date.parse(session.finishedAt) < Date.parse(session.startedAt)) problems.add(['finishedAt'], `${session.finishedAt} is before the session started (${session.startedAt})`);
  }
  if (session.status === 'finished' && session.finishedAt === null) problems.add(['finishedAt'], 'a finished session needs the time it finished');
  if (session.status === 'in-progress' && session.finishedAt !== null) problems.add(['finishedAt'], 'a session still in progress has not finished');
  session.topics.forEach((topic, index) => problems.pattern(['topics', index], topic, ID_PATTERN, 'a topic id'));
  if (session.questions.length === 0) problems.add(['questions'], 'a session asks at least one question');
  const asked = new Set<string>();
  session.questions.forEach((item, index) => {
    const key = `${item.topic}/${item.question.id}`;
    if (asked.has(key)) problems.add(['questions', index], `${key} is asked twice`);
    asked.add(key);
  });
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
    if (item.question.type === 'choice') problems.choice(at, item.question, item.answer, item.grades);
    else item.grades.forEach((grade, gradeIndex) => problems.grade([...at, 'grades', gradeIndex], grade, rubricOf(item.question)));
    item.phases?.forEach((phase, phaseIndex) => {
      const phaseAt = [...at, 'phases', phaseIndex];
      problems.pattern([...phaseAt, 'id'], phase.id, ID_PATTERN, 'a phase id');
      problems.nonNegative([...phaseAt, 'budgetSeconds'], phase.budgetSeconds);
      problems.nonNegative([...phaseAt, 'elapsedSeconds'], phase.elapsedSeconds);
      problems.answer([...phaseAt, 'answer'], phase.answer);
      const phaseRubric = item.question.type === 'design' ? item.question.phases?.find((candidate) => candidate.id === phase.id)?.rubric : undefined;
      if (item.question.type === 'design' && !phaseRubric) problems.add([...phaseAt, 'id'], `"${phase.id}" is not a phase of ${item.question.id}`);
      phase.grades.forEach((grade, gradeIndex) => problems.grade([...phaseAt, 'grades', gradeIndex], grade, phaseRubric));
      phase.turns?.forEach((turn, turnIndex) => problems.instant([...phaseAt, 'turns', turnIndex, 'at'], turn.at));
    });
  });
  const questionTopics = [...new Set(session.questions.map((item) => item.topic))];
  if (session.topics.length !== questionTopics.length || session.topics.some((topic) => !questionTopics.includes(topic))) {
    problems.add(['topics'], `[${session.topics.join(', ')}] are not the topics of its questions [${questionTopics.join(', ')}]`);
  }
  const { draft } = session;
  if (draft) {
    if (draft.questionIndex >= session.questions.length) problems.add(['draft', 'questionIndex'], `there is no question ${draft.questionIndex} (the session has ${session.questions.length})`);
    else if (draft.phaseId !== null && !session.questions[draft.questionIndex]!.phases?.some((phase) => phase.id === draft.phaseId)) problems.add(['draft', 'phaseId'], `"${draft.phaseId}" is not a phase of question ${draft.questionIndex}`);
    problems.instant(['draft', 'startedAt'], draft.startedAt);
    problems.instant(['draft', 'savedAt'], draft.savedAt);
  }
  return problems.first;
}

/** The rubric a grade of this question is made of; undefined where there is none to hold it to (a design question's own grades, unknown shapes). */
function rubricOf(question: Question): readonly { id: string; points: number }[] | undefined {
  return question.type === 'short' && Array.isArray(question.rubric) ? question.rubric : undefined;
}

/** ISO 8601 with a date, a time and a zone, as `Date.toISOString` writes (a zone offset is also accepted). */
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;

/** True for a date and time that exist (no February 30th, no 24:00, no second 60), in the proleptic Gregorian calendar. */
function isCalendarTime(year: string, month: string, day: string, hour: string, minute: string, second = '00'): boolean {
  const [y, mo, d, h, mi, se] = [year, month, day, hour, minute, second].map(Number) as [number, number, number, number, number, number];
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1];
  return days !== undefined && d >= 1 && d <= days && h <= 23 && mi <= 59 && se <= 59;
}
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
    const parts = INSTANT.exec(value);
    if (!parts || !isCalendarTime(parts[1]!, parts[2]!, parts[3]!, parts[4]!, parts[5]!, parts[6]) || Number.isNaN(Date.parse(value))) {
      this.add(path, `${JSON.stringify(value.slice(0, 60))} is not a time (ISO 8601, e.g. 2026-11-30T08:00:00.000Z)`);
    }
  }

  /** A choice question's answer names its options, and its grades are what the coach computes from that answer. */
  choice(path: readonly (string | number)[], question: ChoiceQuestion, answer: Answer | null, grades: readonly Grade[]): void {
    const count = Array.isArray(question.choices) ? question.choices.length : 0;
    const letters = Array.from({ length: count }, (_, index) => letterFor(index));
    const picked = (answer?.choice ?? []).map((letter) => letters.indexOf(letter));
    answer?.choice?.forEach((letter, index) => {
      if (!letters.includes(letter)) this.add([...path, 'answer', 'choice', index], `"${letter.slice(0, 20)}" is not an option (${letters.join(', ')})`);
    });
    if (picked.includes(-1)) return;
    grades.forEach((grade, index) => {
      const at = [...path, 'grades', index];
      this.instant([...at, 'at'], grade.at);
      const expected = gradeChoice(question, picked, grade.at);
      if (grade.kind !== 'auto' || grade.earned !== expected.earned || grade.possible !== expected.possible || grade.criteria.length !== 1 || grade.criteria[0]!.mark !== expected.criteria[0]!.mark || grade.criteria[0]!.earned !== expected.earned || grade.criteria[0]!.possible !== expected.possible) {
        this.add(at, `is not the grade of this answer (${answer?.choice?.join(', ') || 'none'}: ${expected.earned} of ${expected.possible} points)`);
      }
    });
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

  /**
   * A rubric grade: an ungraded attempt holds no points; a graded one marks
   * every criterion of `rubric` once, each with that criterion's points
   * possible, an earned share the mark gives, and totals that add up.
   */
  grade(path: readonly (string | number)[], grade: Grade, rubric: readonly { id: string; points: number }[] | undefined): void {
    this.instant([...path, 'at'], grade.at);
    // A model grade always records its token usage (0 and 0 when no request was needed); self and auto grades never do.
    if (grade.kind === 'model' && grade.usage === null) this.add([...path, 'usage'], 'a model grade records the tokens it used');
    if (grade.kind !== 'model' && grade.usage !== null) this.add([...path, 'usage'], `a ${grade.kind} grade uses no model tokens`);
    if (grade.usage) {
      this.nonNegative([...path, 'usage', 'promptTokens'], grade.usage.promptTokens);
      this.nonNegative([...path, 'usage', 'completionTokens'], grade.usage.completionTokens);
    }
    if (grade.status === 'ungraded') {
      if (grade.criteria.length > 0 || grade.earned !== 0 || grade.possible !== 0) this.add(path, 'an ungraded attempt holds no points and no criteria');
      return;
    }
    this.nonNegative([...path, 'possible'], grade.possible);
    this.points([...path, 'earned'], grade.earned, grade.possible);
    grade.criteria.forEach((criterion, index) => {
      const at = [...path, 'criteria', index];
      const own = rubric?.find((candidate) => candidate.id === criterion.id);
      if (rubric && !own) this.add([...at, 'id'], `"${criterion.id.slice(0, 60)}" is not a criterion of this question's rubric (${rubric.map((entry) => entry.id).join(', ')})`);
      if (own && Math.abs(criterion.possible - own.points) > EPSILON) this.add([...at, 'possible'], `${criterion.possible} is not the ${own.points} points the rubric gives "${own.id}"`);
      this.nonNegative([...at, 'possible'], criterion.possible);
      this.points([...at, 'earned'], criterion.earned, criterion.possible);
      if (criterion.mark !== markFromEarned(criterion.earned, criterion.possible)) this.add([...at, 'mark'], `"${criterion.mark}" does not match ${criterion.earned} of ${criterion.possible} points`);
    });
    if (rubric) {
      const marked = new Set(grade.criteria.map((criterion) => criterion.id));
      const missing = rubric.filter((criterion) => !marked.has(criterion.id)).map((criterion) => criterion.id);
      if (missing.length > 0 || marked.size !== grade.criteria.length) this.add([...path, 'criteria'], `must mark each rubric criterion once (${missing.length > 0 ? `missing ${missing.join(', ')}` : 'one is marked twice'})`);
    }
    if (grade.criteria.length > 0) {
      const sum = grade.criteria.reduce((total, criterion) => total + criterion.earned, 0);
      const possible = grade.criteria.reduce((total, criterion) => total + criterion.possible, 0);
      if (Math.abs(sum - grade.earned) > EPSILON) this.add([...path, 'earned'], `${grade.earned} is not the sum of its criteria's points (${sum})`);
      if (Math.abs(possible - grade.possible) > EPSILON) this.add([...path, 'possible'], `${grade.possible} is not the sum of its criteria's points possible (${possible})`);
    }
  }

  private points(path: readonly (string | number)[], earned: number, possible: number): void {
    if (!Number.isFinite(earned) || earned < -EPSILON || earned > possible + EPSILON) this.add(path, `${earned} is outside 0..${possible} (the points possible)`);
  }
}

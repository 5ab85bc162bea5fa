import type { ReportGrade, ReportTurn } from './schema.js';
import type { CriterionGrade, Grade } from '../grading/grade.js';
import type { Criterion } from '../topics/model.js';

/**
 * What a report shows of one gradable unit (a short question or an interview
 * phase), shared by the text and Markdown renderers so both say the same thing.
 * A unit graded by the candidate and later by a model shows both grades side by
 * side: the drift between them is the point of self-grading.
 */
export interface GradeColumn {
  /** "self", or the model's name. */
  label: string;
  grade: Grade;
}

export interface CriterionRow {
  id: string;
  criterion: string;
  points: number;
  /** One result per column, in column order; null when that grade left the criterion out. */
  results: (CriterionGrade | null)[];
}

export interface CriteriaTable {
  columns: GradeColumn[];
  rows: CriterionRow[];
}

/**
 * The grades worth a column: the latest successful self grade, then the latest
 * successful model grade. A skipped unit's automatic grade (everything missed)
 * gets none: its rubric is shown with the points it was worth instead.
 */
export function gradeColumns(grades: readonly Grade[]): GradeColumn[] {
  const latest = (kind: Grade['kind']) => grades.filter((grade) => grade.kind === kind && grade.status === 'graded').at(-1);
  return [latest('self'), latest('model')].filter((grade): grade is Grade => grade !== undefined).map((grade) => ({ label: grade.by, grade }));
}

export function criteriaTable(rubric: readonly Criterion[], grades: readonly Grade[]): CriteriaTable {
  const columns = gradeColumns(grades);
  const rows: CriterionRow[] = rubric.map((criterion) => ({
    id: criterion.id,
    criterion: criterion.criterion.trim(),
    points: criterion.points,
    results: columns.map((column) => column.grade.criteria.find((result) => result.id === criterion.id) ?? null),
  }));
  // A grade may name a criterion the copied rubric lacks (an old session): show it under its id rather than drop it.
  for (const column of columns) {
    for (const result of column.grade.criteria) {
      if (rows.some((row) => row.id === result.id)) continue;
      rows.push({ id: result.id, criterion: result.id, points: result.possible, results: columns.map((other) => other.grade.criteria.find((entry) => entry.id === result.id) ?? null) });
    }
  }
  return { columns, rows };
}

/** Whether any shown grade says the answer tried to instruct the grader. */
export function instructionFlagged(table: CriteriaTable): boolean {
  return table.columns.some((column) => column.grade.flags.includes('instruction-in-answer'));
}

/** The shown grades' own feedback (self grades have none). */
export function feedbackOf(table: CriteriaTable): { label: string; text: string }[] {
  return table.columns.flatMap((column) => (column.grade.feedback?.trim() ? [{ label: column.label, text: column.grade.feedback.trim() }] : []));
}

/** What a short question and an interview phase share in every report format: answers, follow-up, criteria, feedback. */
export interface ReportUnit {
  answer: string | null;
  modelAnswer: string | undefined;
  rubric: readonly Criterion[];
  grades: readonly Grade[];
  grade: ReportGrade;
  /** An interview phase's clarifying questions and follow-ups, in order. */
  turns?: readonly ReportTurn[];
}

/** One line of a phase's conversation as every report format shows it: who spoke, what they said. */
export interface ConversationLine {
  speaker: 'You asked' | 'Interviewer' | 'Follow-up' | 'Your answer';
  /** Null: a follow-up left unanswered. */
  text: string | null;
  /** Who answered or asked for the interviewer (model name, topic, script), and the criterion a follow-up probes. */
  note: string | null;
}

/** A phase's turns as lines, in the order they happened. */
export function conversationLines(turns: readonly ReportTurn[]): ConversationLine[] {
  return turns.flatMap((turn): ConversationLine[] =>
    turn.kind === 'clarify'
      ? [{ speaker: 'You asked', text: turn.question, note: null }, { speaker: 'Interviewer', text: turn.answer, note: turn.by }]
      : [{ speaker: 'Follow-up', text: turn.question, note: [turn.by, turn.criterion ? `probes ${turn.criterion}` : ''].filter(Boolean).join(', ') }, { speaker: 'Your answer', text: turn.answer, note: null }],
  );
}

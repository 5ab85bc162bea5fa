import { headlineGrade } from '../grading/grade.js';
import type { Criterion } from '../topics/model.js';
import type { Session } from '../session/model.js';

export interface WeakCriterion {
  topic: string;
  question: string;
  phase: string | null;
  criterion: Criterion;
  earned: number;
  possible: number;
}

/** Rubric criteria that earned the smallest share of their points, weakest first. */
export function weakestCriteria(session: Session, limit = 3): WeakCriterion[] {
  const found: WeakCriterion[] = [];
  for (const item of session.questions) {
    const { question } = item;
    const rubrics =
      question.type === 'short'
        ? [{ phase: null, rubric: question.rubric, grades: item.grades }]
        : question.type === 'design'
          ? question.phases.map((phase, index) => ({ phase: phase.id, rubric: phase.rubric, grades: item.phases?.[index]?.grades ?? [] }))
          : [];
    for (const { phase, rubric, grades } of rubrics) {
      const grade = headlineGrade(grades);
      if (!grade || grade.reason === 'skipped') continue;
      for (const result of grade.criteria) {
        const criterion = rubric.find((entry) => entry.id === result.id);
        if (criterion && result.earned < result.possible) {
          found.push({ topic: item.topic, question: question.id, phase, criterion, earned: result.earned, possible: result.possible });
        }
      }
    }
  }
  return found.sort((a, b) => a.earned / a.possible - b.earned / b.possible || b.possible - a.possible).slice(0, limit);
}

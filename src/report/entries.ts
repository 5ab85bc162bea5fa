import type { Session, SessionQuestion } from '../session/model.js';
import type { Report, ReportQuestion } from './schema.js';

/**
 * Each question of a report beside its session record, which holds what the
 * report leaves out: the rubric texts and the model answers. Renderers (text,
 * Markdown, HTML) walk these.
 */
export interface ReportEntry {
  question: ReportQuestion;
  item: SessionQuestion;
}

export function reportEntries(report: Report, session: Session): ReportEntry[] {
  const asked = session.questions.filter((item) => item.status !== 'unasked');
  return report.questions.map((question, index) => ({ question, item: asked[index]! }));
}

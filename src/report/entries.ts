import type { Session, SessionQuestion } from '../session/model.js';
import { isAsked } from '../session/record.js';
import { stripControlDeep } from '../text/controlChars.js';
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
  const asked = session.questions.filter(isAsked);
  return report.questions.map((question, index) => ({ question, item: asked[index]! }));
}

/**
 * The one door into every report format: the report and its session with every
 * string passed through stripControl (control characters other than tab and
 * newline dropped), whatever the text's source — answers, topic files, model
 * replies, imported sessions. Each renderer starts with this.
 */
export function sanitisedInputs(report: Report, session: Session): { report: Report; session: Session } {
  return { report: stripControlDeep(report), session: stripControlDeep(session) };
}

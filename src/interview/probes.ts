import type { Mark } from '../grading/grade.js';
import type { Marks } from '../grading/rubric.js';
import type { Phase } from '../topics/model.js';

/** A phase's own follow-up with the criterion it probes (null for a plain string). */
export interface TopicFollowUp {
  question: string;
  probes: string | null;
}

/** The phase's `followUps`, plain strings and `{ question, probes }` alike, in the order written. */
export function topicFollowUps(phase: Pick<Phase, 'followUps'>): TopicFollowUp[] {
  return (phase.followUps ?? []).map((entry) => (typeof entry === 'string' ? { question: entry, probes: null } : { question: entry.question, probes: entry.probes }));
}

const WEAKNESS: Record<Mark, number> = { missed: 0, partly: 1, met: 2 };

/**
 * The order the scenario's follow-ups are asked in. Without marks (before the
 * self-grade) the order written. With marks: follow-ups probing the criteria
 * marked weakest first (missed, then partly, then met), ties in rubric order,
 * then those that name no criterion, in the order written.
 */
export function orderFollowUps(phase: Pick<Phase, 'followUps' | 'rubric'>, marks: Marks | null): TopicFollowUp[] {
  const written = topicFollowUps(phase);
  if (!marks) return written;
  const rank = (entry: TopicFollowUp): [number, number] => {
    const index = entry.probes === null ? -1 : phase.rubric.findIndex((criterion) => criterion.id === entry.probes);
    if (index === -1) return [3, 0];
    const mark = marks[entry.probes!];
    return [mark === undefined ? 3 : WEAKNESS[mark], index];
  };
  return written
    .map((entry, position) => ({ entry, position, rank: rank(entry) }))
    .sort((a, b) => a.rank[0] - b.rank[0] || a.rank[1] - b.rank[1] || a.position - b.position)
    .map(({ entry }) => entry);
}

/** The next of the scenario's follow-ups not asked yet in this phase, or undefined when none is left. */
export function nextTopicFollowUp(phase: Pick<Phase, 'followUps' | 'rubric'>, asked: readonly string[], marks: Marks | null = null): TopicFollowUp | undefined {
  return orderFollowUps(phase, marks).find((entry) => !asked.includes(entry.question));
}

/** Follow-ups per phase when --probes is not given (and in sessions from before it). */
export const DEFAULT_PROBES = 2;

import { candidateLines, interviewerLines, phaseTranscript, phaseTurns } from '../interview/transcript.js';
import type { Session } from '../session/model.js';
import type { Criterion } from '../topics/model.js';
import { gradeStatus, type Grade } from './grade.js';
import type { LlmGrader } from './llm/grader.js';
import { mapWithConcurrency } from './llm/pool.js';
import type { GradeInput } from './llm/request.js';

/** One thing a model can grade: a short answer, or one phase of an interview. */
export interface GradeTarget {
  label: string;
  rubric: readonly Criterion[];
  input: GradeInput;
  grades: Grade[];
}

/**
 * What to grade in a session: every answered short question and interview phase
 * (a regrade), or only those without a grade yet. Skipped ones keep their 0.
 */
export function gradeTargets(session: Session, { onlyPending }: { onlyPending: boolean }): GradeTarget[] {
  const targets: GradeTarget[] = [];
  for (const item of session.questions) {
    const { question } = item;
    if (question.type === 'short' && item.status === 'answered' && item.answer?.text) {
      if (onlyPending && gradeStatus(item.grades) === 'graded') continue;
      targets.push({ label: `${item.topic}/${question.id}`, rubric: question.rubric, grades: item.grades, input: { question: question.prompt, rubric: question.rubric, modelAnswer: question.modelAnswer, answer: item.answer.text } });
    }
    if (question.type === 'design') {
      question.phases.forEach((phase, index) => {
        const record = item.phases?.[index];
        if (!record || record.status !== 'answered' || !record.answer?.text) return;
        if (onlyPending && gradeStatus(record.grades) === 'graded') return;
        // The whole conversation is graded: clarifying exchanges, the answer, every follow-up.
        const turns = phaseTurns(record);
        const answer = phaseTranscript(record.answer.text, turns);
        const speakers = { candidate: candidateLines(record.answer.text, turns), interviewer: interviewerLines(turns) };
        targets.push({ label: `${item.topic}/${question.id}#${phase.id}`, rubric: phase.rubric, grades: record.grades, input: { question: `${question.prompt.trim()}\n\nPhase: ${phase.title}\n${phase.prompt.trim()}`, rubric: phase.rubric, modelAnswer: phase.modelAnswer, answer, speakers } });
      });
    }
  }
  return targets;
}

export interface GradingOutcome {
  graded: number;
  failed: { label: string; reason: string }[];
}

/** Grades targets with bounded concurrency, recording (and saving) each grade as it arrives. */
export async function gradeWithModel(
  targets: readonly GradeTarget[],
  grader: LlmGrader,
  options: { concurrency: number; save: () => void; onProgress?: (done: number, total: number) => void },
): Promise<GradingOutcome> {
  const outcome: GradingOutcome = { graded: 0, failed: [] };
  let done = 0;
  await mapWithConcurrency(targets, options.concurrency, async (target) => {
    const grade = await grader.grade(target.input);
    target.grades.push(grade);
    options.save();
    if (grade.status === 'graded') outcome.graded += 1;
    else outcome.failed.push({ label: target.label, reason: grade.reason ?? 'unknown' });
    done += 1;
    options.onProgress?.(done, targets.length);
  });
  return outcome;
}

import type { Marks } from '../grading/rubric.js';
import { isoAt, type Turn } from '../session/model.js';
import { stripControl } from '../text/controlChars.js';
import type { DesignQuestion, Phase } from '../topics/model.js';
import { offlineClarification } from './clarify.js';
import { nextTopicFollowUp } from './probes.js';

/** What a model-backed interviewer can do; each call is one small request through the LLM ladder. */
export interface InterviewerModel {
  /** The model's name, recorded as `by` on its turns. */
  model: string;
  clarify(input: { question: string; facts: readonly string[] }): Promise<{ ok: true; answer: string } | { ok: false; reason: string }>;
  probe(input: { scenario: string; phaseTitle: string; phasePrompt: string; rubric: Phase['rubric']; answer: string; asked: readonly string[] }): Promise<{ ok: true; question: string; criterion: string } | { ok: false; reason: string }>;
}

export interface InterviewerDeps {
  /** Null offline: facts by term matching, the scenario's own follow-ups. */
  model: InterviewerModel | null;
  now: () => number;
  /** One line when the model failed and the offline answer is used instead. */
  notice: (line: string) => void;
}

/** The facts an interviewer may state in a phase: the question's, then the phase's own. */
export function phaseFacts(question: Pick<DesignQuestion, 'facts'>, phase: Pick<Phase, 'facts'>): string[] {
  return [...(question.facts ?? []), ...(phase.facts ?? [])];
}

/**
 * The interviewer's side of the conversation: answers clarifying questions and
 * writes follow-ups, with the model when one is configured and offline
 * otherwise, or when the model fails (with a one-line notice). Returns turns
 * ready to record; the runner decides when to ask.
 */
export class Interviewer {
  constructor(private readonly deps: InterviewerDeps) {}

  get usesModel(): boolean {
    return this.deps.model !== null;
  }

  /** A clarify turn: the model's answer from the facts alone, or the best-matching fact. */
  async clarify(question: string, facts: readonly string[]): Promise<Turn> {
    const at = () => isoAt(this.deps.now());
    const { model } = this.deps;
    if (model) {
      const outcome = await model.clarify({ question, facts });
      if (outcome.ok) return { kind: 'clarify', question, answer: stripControl(outcome.answer), criterion: null, by: model.model, at: at() };
      this.deps.notice(`The model could not answer the clarifying question (${stripControl(outcome.reason)}); answering from the scenario's facts.`);
    }
    return { kind: 'clarify', question, answer: offlineClarification(question, facts), criterion: null, by: 'topic', at: at() };
  }

  /**
   * The next follow-up turn (answer null), or null when there is none left. With
   * a model: its question, if the criterion it names is in the phase's rubric;
   * an unknown id is rejected and the scenario's next follow-up used instead.
   * Offline: the scenario's follow-ups in `nextTopicFollowUp`'s order.
   */
  async probe(input: { question: DesignQuestion; phase: Phase; transcript: string; asked: readonly string[]; marks?: Marks | null }): Promise<Turn | null> {
    const at = () => isoAt(this.deps.now());
    const { model } = this.deps;
    const { phase } = input;
    const fallback = () => {
      const next = nextTopicFollowUp(phase, input.asked, input.marks ?? null);
      return next ? ({ kind: 'follow-up', question: next.question, answer: null, criterion: next.probes, by: 'topic', at: at() } satisfies Turn) : null;
    };
    if (!model) return fallback();
    const outcome = await model.probe({ scenario: input.question.prompt, phaseTitle: phase.title, phasePrompt: phase.prompt, rubric: phase.rubric, answer: input.transcript, asked: input.asked });
    if (outcome.ok && phase.rubric.some((criterion) => criterion.id === outcome.criterion)) {
      return { kind: 'follow-up', question: stripControl(outcome.question), answer: null, criterion: outcome.criterion, by: model.model, at: at() };
    }
    const turn = fallback();
    const why = outcome.ok ? `it named criterion "${stripControl(outcome.criterion)}", which is not in this phase's rubric` : stripControl(outcome.reason);
    this.deps.notice(`The model's follow-up was not used (${why}); ${turn ? "asking the scenario's own" : 'no follow-up for this phase'}.`);
    return turn;
  }
}

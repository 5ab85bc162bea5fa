import type { ChoiceQuestion, DesignQuestion, ShortQuestion, Topic } from '../../src/topics/model.js';

export function choice(id: string, correct: number[], options = ['A', 'B', 'C', 'D'], extra: Partial<ChoiceQuestion> = {}): ChoiceQuestion {
  return {
    id,
    type: 'choice',
    prompt: `Pick for ${id}`,
    difficulty: 'easy',
    minutes: 1,
    multiple: correct.length !== 1,
    points: 1,
    choices: options.map((text, index) => ({ text, correct: correct.includes(index) || undefined, why: `why ${text}` })),
    ...extra,
  };
}

export function short(id: string, points: number[] = [3, 2], extra: Partial<ShortQuestion> = {}): ShortQuestion {
  return {
    id,
    type: 'short',
    prompt: `Explain ${id}`,
    difficulty: 'medium',
    minutes: 4,
    rubric: points.map((value, index) => ({ id: `c${index + 1}`, points: value, criterion: `criterion ${index + 1}` })),
    modelAnswer: 'The model answer.',
    ...extra,
  };
}

export function topic(id: string, questions: Topic['questions'], tags?: string[]): Topic {
  return { id, title: id, questions, ...(tags ? { tags } : {}) };
}

/** A two-phase paste-bin design question (requirements, storage), one criterion each, for interviews in progress. */
export function pasteBinDesign(): DesignQuestion {
  return {
    id: 'talk-design',
    type: 'design',
    difficulty: 'medium',
    minutes: 5,
    prompt: 'Design a paste bin.',
    phases: [
      { id: 'requirements', title: 'Clarify requirements', minutes: 2, prompt: 'What do you ask first?', rubric: [{ id: 'scale', points: 2, criterion: 'Asks for the write rate.' }] },
      { id: 'storage', title: 'Storage', minutes: 3, prompt: 'Where do pastes live?', rubric: [{ id: 'blob', points: 2, criterion: 'Object storage for bodies.' }] },
    ],
  };
}

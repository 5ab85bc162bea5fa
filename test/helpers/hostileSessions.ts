import { gradeChoice } from '../../src/grading/choice.js';
import type { Grade } from '../../src/grading/grade.js';
import { selfGrade, skippedGrade } from '../../src/grading/rubric.js';
import type { Answer, Session } from '../../src/session/model.js';
import { addGrade, createSession, finishSession, phaseRecord, recordAnswer, settleDesignQuestion } from '../../src/session/record.js';
import type { ChoiceQuestion, DesignQuestion, ShortQuestion } from '../../src/topics/model.js';

/**
 * Sessions whose every text field — answers, follow-ups, topic prompts, options,
 * rubric texts, model answers, model justifications, evidence, feedback, the
 * model's name — carries control characters, terminal escape sequences,
 * right-to-left text and HTML/Markdown injection. Built in memory, so text that
 * no loader would let in (an imported or old session) is covered too.
 */
const T0 = Date.UTC(2026, 10, 30, 9, 15);
const AT = new Date(T0).toISOString();

/** Each kind of hostile text, labelled. */
export const HOSTILE = {
  nul: 'NUL\u0000here',
  esc: 'red \u001b[31mRED\u001b[0m and \u001b]0;title\u0007 osc, \u009b2J c1, del\u007f, bell\u0007',
  html: '<script>alert(1)</script><img src=x onerror=alert(2)></div></section>--><!--',
  markdown: '# Heading\n[link](javascript:alert(1)) <https://evil.example> ![img](http://evil.example/x.png)\n| a | b |\n*emph* __strong__ `code` ~~del~~ $math$\n- item\n1. item\n> quote\n    indented code\n===',
  rtl: 'שלום עולם — مرحبا بالعالم',
  entity: '&amp; &lt;b&gt; &#x3C;',
};

const ALL = Object.values(HOSTILE).join('\n');
const inline = (label: string) => `${label}: ${HOSTILE.html} ${HOSTILE.rtl} ${HOSTILE.esc} ${HOSTILE.nul} [x](http://evil.example)`;

const answer = (text: string | null, seconds: number | null, letters: string[] | null = null): Answer => ({ text, choice: letters, startedAt: AT, submittedAt: AT, seconds, via: 'script' });

export const HOSTILE_MODEL = '@cf/meta/llama-3.1-8b-instruct\u001b[31m<b>';

function modelGrade(ids: readonly [string, number][]): Grade {
  const criteria = ids.map(([id, points], index) => ({
    id,
    earned: index === 0 ? points : 0,
    possible: points,
    mark: index === 0 ? ('met' as const) : ('missed' as const),
    justification: inline('justification'),
    evidence: inline('evidence'),
  }));
  return {
    by: HOSTILE_MODEL,
    kind: 'model',
    status: 'graded',
    at: AT,
    reason: null,
    earned: criteria.reduce((sum, item) => sum + item.earned, 0),
    possible: criteria.reduce((sum, item) => sum + item.possible, 0),
    criteria,
    feedback: `Feedback\n${ALL}`,
    flags: ['instruction-in-answer'],
    usage: { promptTokens: 100, completionTokens: 20 },
    templateHash: null,
  };
}

/** Answers in the quiz session, as typed (before any sanitising). */
export const QUIZ_ANSWERS = [`Short answer\n${ALL}`];
/** Answers and follow-up answers in the interview session, as typed. */
export const INTERVIEW_ANSWERS = [`Phase one\n${ALL}`, `After a year ${ALL}`, `Phase two ${HOSTILE.rtl}\n${HOSTILE.markdown}`];

export function hostileQuizSession(): Session {
  const noExplanation: ChoiceQuestion = {
    id: 'no-explanation',
    type: 'choice',
    prompt: inline('choice prompt'),
    difficulty: 'easy',
    minutes: 1,
    points: 1,
    multiple: false,
    choices: [
      { text: inline('option a'), why: inline('why a') },
      { text: `${HOSTILE.rtl} ${HOSTILE.html}`, correct: true, why: HOSTILE.markdown },
    ],
  };
  const withExplanation: ChoiceQuestion = { ...noExplanation, id: 'with-explanation', explanation: `Explanation\n${ALL}` };
  const shortQuestion: ShortQuestion = {
    id: 'hostile-short',
    type: 'short',
    prompt: `Prompt\n${ALL}`,
    difficulty: 'medium',
    minutes: 4,
    rubric: [
      { id: 'c1', points: 2, criterion: inline('criterion one'), partial: inline('partial one') },
      { id: 'c2', points: 1, criterion: `Criterion two\n${HOSTILE.markdown}` },
    ],
    modelAnswer: `Model answer\n${ALL}`,
  };
  const skippedQuestion: ShortQuestion = { ...shortQuestion, id: 'skipped-short' };
  const session = createSession({
    id: '20261130-091500-evil',
    kind: 'quiz',
    nowMs: T0,
    seed: 3,
    picked: [
      { topic: 'hostile', question: noExplanation },
      { topic: 'hostile', question: withExplanation },
      { topic: 'hostile', question: shortQuestion },
      { topic: 'hostile', question: skippedQuestion },
    ],
    settings: { flip: false, timeLimitSeconds: null, scripted: true, grader: 'llm' },
  });
  recordAnswer(session, 0, answer(noExplanation.choices[0]!.text, 20, ['a']), T0);
  addGrade(session, 0, gradeChoice(noExplanation, [0], AT), T0);
  recordAnswer(session, 1, answer(noExplanation.choices[1]!.text, 30, ['b']), T0);
  addGrade(session, 1, gradeChoice(withExplanation, [1], AT), T0);
  recordAnswer(session, 2, answer(QUIZ_ANSWERS[0]!, 300), T0);
  addGrade(session, 2, selfGrade(shortQuestion.rubric, { c1: 'met', c2: 'partly' }, AT), T0);
  addGrade(session, 2, modelGrade([['c1', 2], ['c2', 1]]), T0);
  recordAnswer(session, 3, null, T0);
  addGrade(session, 3, skippedGrade(skippedQuestion.rubric, AT), T0);
  finishSession(session, T0 + 600_000);
  return session;
}

export function hostileInterviewSession(): Session {
  const design: DesignQuestion = {
    id: 'hostile-design',
    type: 'design',
    prompt: `Design\n${ALL}`,
    difficulty: 'hard',
    minutes: 4,
    modelAnswer: `Whole design\n${ALL}`,
    phases: [
      { id: 'req', title: inline('Requirements'), minutes: 1, prompt: `Phase prompt\n${ALL}`, rubric: [{ id: 'scale', points: 2, criterion: inline('criterion') }], modelAnswer: `Phase model\n${ALL}` },
      { id: 'parts', title: `Components ${HOSTILE.rtl}`, minutes: 2, prompt: 'Which boxes?', rubric: [{ id: 'store', points: 2, criterion: 'A store.' }] },
      { id: 'ops', title: `Ops ${HOSTILE.markdown}`, minutes: 1, prompt: 'Ship?', rubric: [{ id: 'canary', points: 1, criterion: 'Canary.' }] },
    ],
  };
  const session = createSession({
    id: '20261130-091600-evil',
    kind: 'interview',
    nowMs: T0,
    seed: null,
    picked: [{ topic: 'hostile', question: design }],
    settings: { flip: false, timeLimitSeconds: null, scripted: true, grader: 'llm' },
  });
  Object.assign(phaseRecord(session, 0, 0), {
    status: 'answered',
    elapsedSeconds: 90,
    answer: answer(INTERVIEW_ANSWERS[0]!, 90),
    followUp: { question: `Follow-up\n${ALL}`, answer: INTERVIEW_ANSWERS[1]! },
    grades: [selfGrade(design.phases[0]!.rubric, { scale: 'partly' }, AT), modelGrade([['scale', 2]])],
  });
  // Answered, not graded yet: the question's headline is pending.
  Object.assign(phaseRecord(session, 0, 1), { status: 'answered', elapsedSeconds: 200, answer: answer(INTERVIEW_ANSWERS[2]!, 200) });
  Object.assign(phaseRecord(session, 0, 2), { status: 'skipped', grades: [skippedGrade(design.phases[2]!.rubric, AT)] });
  settleDesignQuestion(session, 0, T0);
  finishSession(session, T0 + 600_000);
  return session;
}

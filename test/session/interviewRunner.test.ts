import { afterEach, describe, expect, test, vi } from 'vitest';
import type { Clock } from '../../src/clock.js';
import type { Draft, Session } from '../../src/session/model.js';
import { createSession } from '../../src/session/record.js';
import { runInterviewSession, type InterviewDeps } from '../../src/session/runner/interview.js';
import type { AnswerRequest, SessionScreen } from '../../src/session/runner/ports.js';
import type { DesignQuestion } from '../../src/topics/model.js';

class FakeClock implements Clock {
  ms = Date.UTC(2026, 10, 30, 6);
  now() {
    return this.ms;
  }
}

const QUESTION: DesignQuestion = {
  id: 'talk-design',
  type: 'design',
  difficulty: 'medium',
  minutes: 5,
  prompt: 'Design a paste bin.',
  facts: ['About 10 million new pastes are created per day.', 'Reads outnumber writes about 10 to 1.'],
  phases: [
    {
      id: 'requirements',
      title: 'Clarify requirements',
      minutes: 2,
      prompt: 'What do you ask first?',
      facts: ['Pastes expire after 30 days unless the owner pins them.'],
      rubric: [
        { id: 'scale', points: 2, criterion: 'Asks for the write rate.' },
        { id: 'expiry', points: 1, criterion: 'Asks whether pastes expire.' },
      ],
      followUps: [{ question: 'How long do pastes live?', probes: 'expiry' }, { question: 'How many reads per second at peak?', probes: 'scale' }, 'What would you leave out?'],
    },
    {
      id: 'storage',
      title: 'Storage',
      minutes: 3,
      prompt: 'Where do pastes live?',
      rubric: [{ id: 'blob', points: 2, criterion: 'Object storage for bodies.' }],
      followUps: ['What happens to a viral paste?'],
    },
  ],
};

type Answer = (request: AnswerRequest) => string;

/** A screen that answers from a script, advancing the fake clock, and records what it was shown. */
function scripted(clock: FakeClock, answers: Answer[]) {
  const shown: AnswerRequest[] = [];
  const told: string[] = [];
  const graded: string[] = [];
  const screen: SessionScreen = {
    answer: async (request) => {
      shown.push(request);
      const next = answers.shift();
      if (!next) throw new Error(`unexpected answer prompt: ${request.message}`);
      return { text: next(request), via: 'typed' };
    },
    choose: () => Promise.reject(new Error('no choice questions')),
    reveal: () => Promise.reject(new Error('no flip')),
    gradeYourself: async ({ yours, rubric }) => {
      graded.push(yours);
      return Object.fromEntries(rubric.map((criterion) => [criterion.id, 'partly' as const]));
    },
    decide: () => Promise.reject(new Error('no decisions expected')),
    pressEnter: () => Promise.resolve(),
    progress: (_text, run) => run(),
    choiceFeedback: () => undefined,
    skipped: (what) => told.push(`skipped ${what}`),
    timeUp: () => undefined,
    selfGradeResult: () => undefined,
    answerBesideModel: () => undefined,
    modelGrade: () => undefined,
    interviewBrief: () => undefined,
    phaseDone: (title) => told.push(`done ${title}`),
    clarified: (turn) => told.push(`clarified ${turn.question} -> ${turn.answer}`),
    interviewerNotice: (line) => told.push(line),
    heading: () => undefined,
    note: () => undefined,
    interrupted: () => told.push('interrupted'),
  };
  return { screen, shown, told, graded };
}

function newSession(probes?: number): Session {
  const session = createSession({ id: '20261130-060000-abcd', kind: 'interview', nowMs: Date.UTC(2026, 10, 30, 6), seed: null, picked: [{ topic: 'talk', question: QUESTION }], settings: { flip: false, timeLimitSeconds: null, scripted: false, grader: 'self', ...(probes === undefined ? {} : { probes }) } });
  return session;
}

function deps(clock: FakeClock, screen: SessionScreen): InterviewDeps & { saved: Session[] } {
  const saved: Session[] = [];
  return {
    clock,
    screen,
    sessions: { save: (session) => saved.push(structuredClone(session)), saveDraft: (_id: string, _index: number, _phase: string | null, _draft: Draft | null) => undefined },
    modelGrader: () => Promise.reject(new Error('no model')),
    interviewerModel: null,
    gradeWithModel: () => Promise.reject(new Error('no model')),
    saved,
  };
}

afterEach(() => vi.useRealTimers());

describe('the interview runner talks back (offline)', () => {
  test('a "? question" line is answered from the facts and the editor reopens with the rest; follow-ups in the order written, at most --probes; the transcript is self-graded', async () => {
    const clock = new FakeClock();
    const tick = (seconds: number, text: string) => () => {
      clock.ms += seconds * 1000;
      return text;
    };
    const { screen, shown, told, graded } = scripted(clock, [
      tick(10, 'I ask about scale first.\n? Do pastes expire?\n? Which cloud do we use?'),
      tick(10, 'I ask about scale first. Then expiry: 30 days.'),
      tick(10, 'Thirty days; pinned ones forever.'),
      tick(10, 'About 1,200 reads per second.'),
      tick(10, 'Bodies in S3, metadata in Postgres.'),
      tick(10, 'A CDN in front.'),
    ]);
    const session = newSession();
    const run = deps(clock, screen);
    expect(await runInterviewSession(session, run)).toMatchObject({ finished: true });

    expect(shown[0]!.hint).toMatch(/Ctrl\+Q \(or a line "\? question" \+ Ctrl\+D\): ask the interviewer/);
    expect(shown[0]!.askKey).toBe(true);
    expect(shown[1]!.initial).toBe('I ask about scale first.\n'); // on a new line after the removed question line
    expect(shown[1]!.message).toContain('You asked: Do pastes expire?\nInterviewer: Pastes expire after 30 days unless the owner pins them.');
    expect(shown[1]!.message).toContain('You asked: Which cloud do we use?\nInterviewer: Your call — state your assumption.');
    expect(shown.slice(2).map((request) => request.message)).toEqual(['Follow-up: How long do pastes live?', 'Follow-up: How many reads per second at peak?', 'Where do pastes live?', 'Follow-up: What happens to a viral paste?']);

    const [requirements, storage] = session.questions[0]!.phases!;
    expect(requirements!.answer!.text).toBe('I ask about scale first. Then expiry: 30 days.');
    expect(requirements!.turns!.map(({ kind, question, answer, criterion, by }) => ({ kind, question, answer, criterion, by }))).toEqual([
      { kind: 'clarify', question: 'Do pastes expire?', answer: 'Pastes expire after 30 days unless the owner pins them.', criterion: null, by: 'topic' },
      { kind: 'clarify', question: 'Which cloud do we use?', answer: 'Your call — state your assumption.', criterion: null, by: 'topic' },
      { kind: 'follow-up', question: 'How long do pastes live?', answer: 'Thirty days; pinned ones forever.', criterion: 'expiry', by: 'topic' },
      { kind: 'follow-up', question: 'How many reads per second at peak?', answer: 'About 1,200 reads per second.', criterion: 'scale', by: 'topic' },
    ]);
    expect(requirements!.followUp).toEqual({ question: 'How long do pastes live?', answer: 'Thirty days; pinned ones forever.' });
    expect(requirements!.elapsedSeconds).toBe(40);
    expect(storage!.turns!.map((turn) => turn.question)).toEqual(['What happens to a viral paste?']);
    expect(told.filter((line) => line.startsWith('clarified'))).toHaveLength(2);
    // Every turn is saved as it happens: a save holds the first clarify before the answer exists.
    expect(run.saved.some((saved) => saved.questions[0]!.phases![0]!.turns!.length === 1 && saved.questions[0]!.phases![0]!.answer === null)).toBe(true);

    // The self-grade view is the whole transcript.
    expect(graded[0]).toBe(
      [
        'Clarifying question: Do pastes expire?\nInterviewer: Pastes expire after 30 days unless the owner pins them.',
        'Clarifying question: Which cloud do we use?\nInterviewer: Your call — state your assumption.',
        'Answer:\nI ask about scale first. Then expiry: 30 days.',
        'Follow-up question: How long do pastes live?\nAnswer: Thirty days; pinned ones forever.',
        'Follow-up question: How many reads per second at peak?\nAnswer: About 1,200 reads per second.',
      ].join('\n\n'),
    );
  });

  test('the time cut-off: a phase out of time gets no new follow-up, one asked in time is still answered', async () => {
    const clock = new FakeClock();
    const { screen, shown } = scripted(clock, [
      () => {
        clock.ms += 100_000; // 100 s of a 120 s phase
        return 'Scale and expiry.';
      },
      () => {
        clock.ms += 30_000; // the first follow-up takes the phase past its budget
        return 'Thirty days.';
      },
      () => {
        clock.ms += 200_000; // storage: answered after its 180 s
        return 'S3.';
      },
    ]);
    const session = newSession();
    await runInterviewSession(session, deps(clock, screen));
    expect(shown.map((request) => request.message)).toEqual(['What do you ask first?', 'Follow-up: How long do pastes live?', 'Where do pastes live?']);
    expect(session.questions[0]!.phases!.map((phase) => phase.turns!.length)).toEqual([1, 0]);
    expect(session.questions[0]!.phases![1]!.followUp).toBeNull();
  });

  test('--probes 0 asks no follow-up; an empty follow-up answer ends the probing of that phase', async () => {
    const clock = new FakeClock();
    const none = scripted(clock, [() => 'A.', () => 'B.']);
    const quiet = newSession(0);
    await runInterviewSession(quiet, deps(clock, none.screen));
    expect(none.shown.map((request) => request.message)).toEqual(['What do you ask first?', 'Where do pastes live?']);

    const empty = scripted(clock, [() => 'A.', () => '', () => 'B.', () => 'C.']);
    const session = newSession(3);
    await runInterviewSession(session, deps(clock, empty.screen));
    expect(empty.shown.map((request) => request.message)).toEqual(['What do you ask first?', 'Follow-up: How long do pastes live?', 'Where do pastes live?', 'Follow-up: What happens to a viral paste?']);
    expect(session.questions[0]!.phases![0]!.turns).toMatchObject([{ question: 'How long do pastes live?', answer: null }]);
  });
});

describe('resume in the middle of the follow-ups', () => {
  test('an interrupt during the second follow-up keeps the turns; resume asks that follow-up again, not a new one', async () => {
    const { PromptInterrupt } = await import('../../src/errors.js');
    const clock = new FakeClock();
    const first = scripted(clock, [
      () => 'Scale and expiry.',
      () => 'Thirty days.',
      () => {
        throw new PromptInterrupt('SIGINT');
      },
    ]);
    const session = newSession();
    expect(await runInterviewSession(session, deps(clock, first.screen))).toMatchObject({ finished: false, exitCode: 130 });
    const requirements = session.questions[0]!.phases![0]!;
    expect(requirements.status).toBe('unasked');
    expect(requirements.turns!.map((turn) => [turn.question, turn.answer])).toEqual([
      ['How long do pastes live?', 'Thirty days.'],
      ['How many reads per second at peak?', null],
    ]);

    const second = scripted(clock, [() => '1,200 per second.', () => 'S3.', () => 'A CDN.']);
    expect(await runInterviewSession(session, deps(clock, second.screen))).toMatchObject({ finished: true });
    expect(second.shown.map((request) => request.message)).toEqual(['Follow-up: How many reads per second at peak?', 'Where do pastes live?', 'Follow-up: What happens to a viral paste?']);
    expect(requirements.turns!.map((turn) => turn.answer)).toEqual(['Thirty days.', '1,200 per second.']);
  });
});

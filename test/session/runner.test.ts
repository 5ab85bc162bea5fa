import { afterEach, describe, expect, test, vi } from 'vitest';
import type { Clock } from '../../src/clock.js';
import { PromptInterrupt } from '../../src/errors.js';
import type { Draft, Session } from '../../src/session/model.js';
import { createSession } from '../../src/session/record.js';
import { DRAFT_SAVE_MS, DraftKeeper } from '../../src/session/runner/drafts.js';
import type { AnswerRequest, LiveHeader, RunnerDeps, SessionScreen } from '../../src/session/runner/ports.js';
import { runQuizSession } from '../../src/session/runner/quiz.js';
import { choice, short } from '../helpers/topics.js';

class FakeClock implements Clock {
  ms = Date.UTC(2026, 10, 27, 10);
  now() {
    return this.ms;
  }
}

type Step = (request: { kind: string; header?: () => LiveHeader; deadline?: () => boolean; request?: AnswerRequest }) => Promise<unknown>;

/** A screen that answers from a script and records what it was told. */
function scriptedScreen(steps: Step[]) {
  const told: string[] = [];
  const next = (kind: string, extra: object) => {
    const step = steps.shift();
    if (!step) throw new Error(`unexpected ${kind}`);
    return step({ kind, ...extra });
  };
  const screen: SessionScreen = {
    answer: (request) => next('answer', { header: request.header, deadline: request.deadline, request }) as never,
    choose: (request) => next('choose', { header: request.header, deadline: request.deadline }) as never,
    reveal: (request) => next('reveal', { header: request.header, deadline: request.deadline }) as never,
    gradeYourself: ({ rubric }) => Promise.resolve(Object.fromEntries(rubric.map((criterion) => [criterion.id, 'met' as const]))),
    decide: () => Promise.reject(new Error('no decisions expected')),
    pressEnter: () => Promise.resolve(),
    progress: (_text, run) => run(),
    choiceFeedback: () => told.push('feedback'),
    skipped: () => told.push('skipped'),
    timeUp: (rest) => told.push(`time up, ${rest} left`),
    selfGradeResult: () => told.push('self-grade'),
    answerBesideModel: () => undefined,
    modelGrade: () => undefined,
    interviewBrief: () => undefined,
    phaseDone: () => undefined,
    clarified: () => undefined,
    interviewerNotice: (line) => told.push(line),
    heading: () => undefined,
    note: (text) => told.push(text),
    interrupted: () => told.push('interrupted'),
  };
  return { screen, told };
}

function quiz(settings: Partial<Session['settings']> = {}) {
  const picked = [short('s1'), choice('c1', [0]), short('s2')].map((question) => ({ topic: 't', question }));
  return createSession({ id: '20261127-100000-abcd', kind: 'quiz', nowMs: Date.UTC(2026, 10, 27, 10), seed: 1, picked, settings: { flip: false, timeLimitSeconds: null, scripted: false, grader: 'self', ...settings } });
}

function deps(clock: FakeClock, screen: SessionScreen) {
  const saved: Session[] = [];
  const drafts: (Draft | null)[] = [];
  const value: RunnerDeps = {
    clock,
    screen,
    sessions: { save: (session) => saved.push(structuredClone(session)), saveDraft: (_id, _index, _phase, draft) => drafts.push(draft) },
    modelGrader: () => Promise.reject(new Error('no model in these tests')),
  };
  return { value, saved, drafts };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('the quiz runner', () => {
  test('--time-limit: the answer in progress is cut by the clock, marked as such, announced at once; the rest is skipped', async () => {
    const clock = new FakeClock();
    const session = quiz({ timeLimitSeconds: 60 });
    const { screen, told } = scriptedScreen([
      async ({ header, deadline }) => {
        expect(deadline!()).toBe(false);
        clock.ms += 61_000;
        expect(header!()).toMatchObject({ kind: 'quiz', leftSeconds: -1 });
        expect(deadline!()).toBe(true);
        return { text: 'cut here', via: 'timeout' };
      },
    ]);
    const run = deps(clock, screen);
    const outcome = await runQuizSession(session, run.value);
    expect(outcome).toEqual({ finished: true, exitCode: 0 });
    expect(session.questions[0]!.answer).toMatchObject({ text: 'cut here', via: 'timeout', seconds: 61 });
    expect(session.questions.slice(1).map((item) => item.status)).toEqual(['skipped', 'skipped']);
    // Said right after the cut answer (before grading it), once.
    expect(told[0]).toBe('time up, 2 left');
    expect(told.filter((line) => line.startsWith('time up'))).toHaveLength(1);
  });

  test('--flip: the clock runs while the candidate thinks, and --time-limit ends the thinking', async () => {
    const clock = new FakeClock();
    const session = quiz({ flip: true, timeLimitSeconds: 120 });
    const headers: number[] = [];
    const { screen } = scriptedScreen([
      async ({ kind, header }) => {
        expect(kind).toBe('reveal');
        clock.ms += 30_000;
        headers.push((header!() as { spentSeconds: number }).spentSeconds);
        return { via: 'revealed' };
      },
      async () => ({ picked: [0], via: 'answered' }),
      async ({ kind, deadline }) => {
        expect(kind).toBe('reveal');
        clock.ms += 200_000;
        expect(deadline!()).toBe(true);
        return { via: 'timeout' };
      },
    ]);
    await runQuizSession(session, deps(clock, screen).value);
    expect(headers).toEqual([30]);
    expect(session.questions[0]!.answer).toMatchObject({ via: 'flip', seconds: 30 });
    expect(session.questions[2]!.answer).toMatchObject({ via: 'timeout', text: null });
  });

  test('an interrupt saves the draft (never as an answer) and ends with the signal\'s exit code', async () => {
    const clock = new FakeClock();
    const session = quiz();
    const { screen, told } = scriptedScreen([
      async ({ request }) => {
        request!.onChange!('typed so far');
        clock.ms += 7_000;
        throw new PromptInterrupt('SIGTERM', 'typed so far');
      },
    ]);
    const run = deps(clock, screen);
    const outcome = await runQuizSession(session, run.value);
    expect(outcome).toEqual({ finished: false, exitCode: 143 });
    expect(told).toEqual(['interrupted']);
    const last = run.saved.at(-1)!;
    expect(last.draft).toMatchObject({ questionIndex: 0, phaseId: null, part: 'answer', text: 'typed so far', seconds: 7 });
    expect(last.questions[0]).toMatchObject({ status: 'unasked', answer: null });
  });

  test('a resumed question reopens with its draft and keeps counting from the draft\'s seconds', async () => {
    const clock = new FakeClock();
    const session = quiz();
    session.draft = { questionIndex: 0, phaseId: null, part: 'answer', text: 'draft text', startedAt: '2026-11-27T09:00:00.000Z', seconds: 40, savedAt: '2026-11-27T09:00:40.000Z' };
    const { screen } = scriptedScreen([
      async ({ request }) => {
        expect(request!.initial).toBe('draft text');
        clock.ms += 5_000;
        return { text: 'draft text, finished', via: 'typed' };
      },
      async () => ({ picked: [0], via: 'answered' }),
      async () => ({ text: '', via: 'typed' }),
    ]);
    await runQuizSession(session, deps(clock, screen).value);
    expect(session.questions[0]!.answer).toMatchObject({ text: 'draft text, finished', seconds: 45, startedAt: '2026-11-27T09:00:00.000Z' });
    expect(session.draft).toBeNull();
  });
});

describe('draft keeper', () => {
  test('a change is written within DRAFT_SAVE_MS, once per burst; clear drops it', () => {
    vi.useFakeTimers();
    const clock = new FakeClock();
    const session = quiz();
    const written: (Draft | null)[] = [];
    const keeper = new DraftKeeper(session, { clock, sessions: { save: () => undefined, saveDraft: (_id, _index, _phase, draft) => written.push(draft) } });
    const onChange = keeper.watch({ questionIndex: 2, phaseId: null, part: 'answer', startedAt: '2026-11-27T10:00:00.000Z' }, () => 12);
    onChange('a');
    onChange('ab');
    vi.advanceTimersByTime(DRAFT_SAVE_MS - 1);
    expect(written).toEqual([]);
    onChange('abc');
    vi.advanceTimersByTime(1);
    expect(written).toHaveLength(1);
    expect(written[0]).toMatchObject({ questionIndex: 2, text: 'abc', seconds: 12 });
    expect(session.draft?.text).toBe('abc');
    vi.advanceTimersByTime(DRAFT_SAVE_MS * 3);
    expect(written).toHaveLength(1);
    keeper.clear();
    expect(session.draft).toBeNull();
  });
});

import { describe, expect, test } from 'vitest';
import { bestFact, offlineClarification, splitClarifying, YOUR_CALL } from '../../src/interview/clarify.js';
import { nextTopicFollowUp, orderFollowUps, topicFollowUps } from '../../src/interview/probes.js';
import { candidateLines, interviewerLines, phaseTranscript, phaseTurns } from '../../src/interview/transcript.js';
import { quotesOnlyInterviewer } from '../../src/grading/llm/grader.js';
import type { Turn } from '../../src/session/model.js';
import type { Phase } from '../../src/topics/model.js';

const FACTS = [
  'About 10 million new pastes are created per day.',
  'Reads outnumber writes about 10 to 1.',
  'Pastes are at most 1 MB of text.',
  'Out of scope — user accounts and syntax highlighting.',
  'Pastes expire after 30 days unless the owner pins them.',
];

describe('clarifying questions', () => {
  test.each([
    ['How many pastes are created per day?', FACTS[0]],
    ['What is the read/write ratio?', FACTS[1]],
    ['How big can a paste be? Is there a size limit in MB?', FACTS[2]],
    ['Do we need user accounts?', FACTS[3]],
    ['Do pastes expire?', FACTS[4]],
    ['Which cloud provider do we use?', YOUR_CALL],
    ['?', YOUR_CALL],
  ])('%s -> the best-matching fact or "your call"', (question, expected) => {
    expect(offlineClarification(question, FACTS)).toBe(expected);
  });

  test('no facts at all: your call', () => {
    expect(bestFact('How many users?', [])).toBeNull();
    expect(offlineClarification('How many users?', [])).toBe(YOUR_CALL);
  });

  test('a term every fact shares counts less than a rare one', () => {
    expect(bestFact('pastes pinned by owner', FACTS)).toBe(FACTS[4]);
  });

  test('"? question" lines are taken out of the answer, the rest kept in order', () => {
    expect(splitClarifying('First I ask.\n? How many users?\n  ?  Do pastes expire?  \nThen design.')).toEqual({ questions: ['How many users?', 'Do pastes expire?'], rest: 'First I ask.\nThen design.' });
    expect(splitClarifying('No questions? Fine.\nWhy? Because.')).toEqual({ questions: [], rest: 'No questions? Fine.\nWhy? Because.' });
    expect(splitClarifying('?\n? \nText')).toEqual({ questions: [], rest: '?\n? \nText' });
    // A question on the last line: the line break before it stays, so the next words start a new line.
    expect(splitClarifying('per key limits\n? How many keys?')).toEqual({ questions: ['How many keys?'], rest: 'per key limits\n' });
    expect(splitClarifying('a\n\nb\n\n? q')).toEqual({ questions: ['q'], rest: 'a\n\nb\n' });
    expect(splitClarifying('? only a question')).toEqual({ questions: ['only a question'], rest: '' });
  });
});

const PHASE: Pick<Phase, 'followUps' | 'rubric'> = {
  rubric: [
    { id: 'scale', points: 2, criterion: 'Asks the write rate.' },
    { id: 'expiry', points: 1, criterion: 'Asks about expiry.' },
  ],
  followUps: ['Plain first?', { question: 'How long do pastes live?', probes: 'expiry' }, { question: 'Reads per second?', probes: 'scale' }],
};

describe('offline probe order', () => {
  test('plain strings and { question, probes } read alike', () => {
    expect(topicFollowUps(PHASE)).toEqual([
      { question: 'Plain first?', probes: null },
      { question: 'How long do pastes live?', probes: 'expiry' },
      { question: 'Reads per second?', probes: 'scale' },
    ]);
  });

  test('before the self-grade: the order written', () => {
    expect(orderFollowUps(PHASE, null).map((entry) => entry.question)).toEqual(['Plain first?', 'How long do pastes live?', 'Reads per second?']);
  });

  test('with self marks: the weakest criterion first, ties in rubric order, plain ones last', () => {
    expect(orderFollowUps(PHASE, { scale: 'missed', expiry: 'partly' }).map((entry) => entry.question)).toEqual(['Reads per second?', 'How long do pastes live?', 'Plain first?']);
    expect(orderFollowUps(PHASE, { scale: 'met', expiry: 'missed' }).map((entry) => entry.question)).toEqual(['How long do pastes live?', 'Reads per second?', 'Plain first?']);
    expect(orderFollowUps(PHASE, { scale: 'partly', expiry: 'partly' }).map((entry) => entry.question)).toEqual(['Reads per second?', 'How long do pastes live?', 'Plain first?']);
  });

  test('the next one skips those already asked; none left is undefined', () => {
    expect(nextTopicFollowUp(PHASE, ['Plain first?'])).toEqual({ question: 'How long do pastes live?', probes: 'expiry' });
    expect(nextTopicFollowUp(PHASE, ['Plain first?', 'How long do pastes live?', 'Reads per second?'])).toBeUndefined();
    expect(nextTopicFollowUp({ rubric: PHASE.rubric }, [])).toBeUndefined();
  });
});

const TURNS: Turn[] = [
  { kind: 'clarify', question: 'How many pastes per day?', answer: 'About 10 million new pastes are created per day.', criterion: null, by: 'topic', at: '2026-11-30T06:00:00.000Z' },
  { kind: 'follow-up', question: 'How long do pastes live?', answer: 'Thirty days, pinned ones forever.', criterion: 'expiry', by: 'topic', at: '2026-11-30T06:01:00.000Z' },
  { kind: 'follow-up', question: 'Reads per second?', answer: null, criterion: 'scale', by: 'topic', at: '2026-11-30T06:02:00.000Z' },
];

describe('the transcript that gets graded', () => {
  test('clarifying exchanges, the answer, then answered follow-ups', () => {
    expect(phaseTranscript('I ask about scale.', TURNS)).toBe(
      'Clarifying question: How many pastes per day?\nInterviewer: About 10 million new pastes are created per day.\n\nAnswer:\nI ask about scale.\n\nFollow-up question: How long do pastes live?\nAnswer: Thirty days, pinned ones forever.',
    );
  });

  test('without turns it is the answer alone; an old session keeps its one follow-up as before', () => {
    expect(phaseTranscript('Just this.', [])).toBe('Just this.');
    const legacy = phaseTurns({ followUp: { question: 'Expire?', answer: 'Yes.' } });
    expect(phaseTranscript('Text.', legacy)).toBe('Text.\n\nFollow-up question: Expire?\nAnswer: Yes.');
  });

  test('who said what: evidence quoting only the interviewer is dropped, the candidate may be quoted anywhere', () => {
    const speakers = { candidate: candidateLines('I ask about scale.', TURNS), interviewer: interviewerLines(TURNS) };
    expect(speakers.candidate).toEqual(['I ask about scale.', 'How many pastes per day?', 'Thirty days, pinned ones forever.']);
    expect(quotesOnlyInterviewer('10 million new pastes', speakers)).toBe(true);
    expect(quotesOnlyInterviewer('How long do pastes live?', speakers)).toBe(true);
    expect(quotesOnlyInterviewer('pinned ones forever', speakers)).toBe(false);
    expect(quotesOnlyInterviewer('How many pastes per day?', speakers)).toBe(false);
    expect(quotesOnlyInterviewer('', speakers)).toBe(false);
    expect(quotesOnlyInterviewer('10 million new pastes', undefined)).toBe(false);
  });
});

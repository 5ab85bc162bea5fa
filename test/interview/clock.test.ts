import { describe, expect, test } from 'vitest';
import type { Clock } from '../../src/clock.js';
import { phaseBudgets } from '../../src/interview/budgets.js';
import { amberThreshold, headerModel, levelFor } from '../../src/interview/header.js';
import { PhaseClock } from '../../src/interview/phaseClock.js';

class FakeClock implements Clock {
  constructor(private ms = Date.UTC(2026, 10, 27, 10)) {}
  now() {
    return this.ms;
  }
  advance(seconds: number) {
    this.ms += seconds * 1000;
  }
}

const STANDARD = [5, 10, 10, 5, 10, 5];

describe('phase budgets', () => {
  test('by default, the phase minutes in seconds', () => {
    expect(phaseBudgets(STANDARD)).toEqual([300, 600, 600, 300, 600, 300]);
  });

  test.each([30, 20, 7, 60, 1])('--minutes %d scales every phase in proportion, in whole seconds adding up exactly', (minutes) => {
    const budgets = phaseBudgets(STANDARD, minutes);
    expect(budgets.reduce((sum, seconds) => sum + seconds, 0)).toBe(minutes * 60);
    budgets.forEach((seconds, index) => {
      expect(Number.isInteger(seconds)).toBe(true);
      expect(Math.abs(seconds - (STANDARD[index]! * 60 * minutes) / 45)).toBeLessThan(1);
    });
  });

  test('30 minutes: 200/400/400/200/400/200', () => {
    expect(phaseBudgets(STANDARD, 30)).toEqual([200, 400, 400, 200, 400, 200]);
  });
});

describe('the live header at given elapsed times', () => {
  const reading = (phaseElapsed: number, phaseBudget = 600, interviewElapsed = phaseElapsed + 300) => headerModel({ phaseElapsed, phaseBudget, interviewElapsed, interviewBudget: 2700 });

  test.each([
    [0, 'normal', '10:00 left'],
    [479, 'normal', '2:01 left'],
    [480, 'amber', '2:00 left'], // max(60 s, 20% of 600 s) = 120 s left
    [600, 'amber', '0:00 left'],
    [601, 'red', '+0:01 over'],
    [725, 'red', '+2:05 over'],
  ] as const)('%d s into a 10-minute phase: %s, "%s"', (elapsed, level, text) => {
    expect(reading(elapsed)).toMatchObject({ level, phase: text });
  });

  test('a short phase turns amber with 60 s left (20% would be less)', () => {
    expect(amberThreshold(300)).toBe(60);
    expect(levelFor(239, 300)).toBe('normal');
    expect(levelFor(240, 300)).toBe('amber');
    expect(amberThreshold(1200)).toBe(240);
  });

  test('the interview countdown runs across phases', () => {
    expect(reading(100, 600, 2650)).toMatchObject({ interview: '0:50 left', interviewLevel: 'amber' });
    expect(reading(100, 600, 2760)).toMatchObject({ interview: '+1:00 over', interviewLevel: 'red' });
  });
});

describe('phase clock on a fake clock', () => {
  test('counts whole seconds from the prompt, overtime included', () => {
    const clock = new FakeClock();
    const phase = new PhaseClock(clock, 0);
    clock.advance(59.9);
    expect(phase.elapsedSeconds()).toBe(59);
    clock.advance(300);
    expect(phase.elapsedSeconds()).toBe(359);
    expect(levelFor(phase.elapsedSeconds(), 300)).toBe('red');
    expect(headerModel({ phaseElapsed: phase.elapsedSeconds(), phaseBudget: 300, interviewElapsed: 0, interviewBudget: 2700 }).phase).toBe('+0:59 over');
  });

  test('a resumed phase continues from the time already spent', () => {
    const clock = new FakeClock();
    const phase = new PhaseClock(clock, 125);
    expect(phase.elapsedSeconds()).toBe(125);
    clock.advance(10);
    expect(phase.elapsedSeconds()).toBe(135);
    expect(phase.startedAtMs()).toBe(clock.now() - 135 * 1000);
  });
});

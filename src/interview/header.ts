import { formatDuration } from '../text/format.js';

/**
 * What the live header says at a moment of the interview. Amber once the phase
 * has at most max(60 s, 20% of its budget) left; red with a +m:ss counter in
 * overtime. Pure, so tests check it at any elapsed time on a fake clock.
 */
export type ClockLevel = 'normal' | 'amber' | 'red';

export interface ClockReading {
  phaseElapsed: number;
  phaseBudget: number;
  interviewElapsed: number;
  interviewBudget: number;
}

export interface HeaderModel {
  level: ClockLevel;
  phase: string;
  interview: string;
  interviewLevel: ClockLevel;
}

export function amberThreshold(budgetSeconds: number): number {
  return Math.max(60, Math.ceil(budgetSeconds * 0.2));
}

export function levelFor(elapsed: number, budget: number): ClockLevel {
  const left = budget - elapsed;
  if (left < 0) return 'red';
  return left <= amberThreshold(budget) ? 'amber' : 'normal';
}

export function countdownText(elapsed: number, budget: number): string {
  const left = budget - elapsed;
  return left < 0 ? `+${formatDuration(-left)} over` : `${formatDuration(left)} left`;
}

export function headerModel(reading: ClockReading): HeaderModel {
  return {
    level: levelFor(reading.phaseElapsed, reading.phaseBudget),
    phase: countdownText(reading.phaseElapsed, reading.phaseBudget),
    interviewLevel: levelFor(reading.interviewElapsed, reading.interviewBudget),
    interview: countdownText(reading.interviewElapsed, reading.interviewBudget),
  };
}

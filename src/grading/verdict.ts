/** The only place the hiring-verdict thresholds live (PRODUCT.md "Scoring"). */
export const VERDICTS = [
  { min: 85, verdict: 'Strong Hire' },
  { min: 70, verdict: 'Hire' },
  { min: 55, verdict: 'Lean Hire' },
  { min: 40, verdict: 'Lean No Hire' },
  { min: 25, verdict: 'No Hire' },
  { min: -Infinity, verdict: 'Strong No Hire' },
] as const;

export type Verdict = (typeof VERDICTS)[number]['verdict'];

export function verdictFor(percent: number | null): Verdict | null {
  if (percent === null) return null;
  return VERDICTS.find((entry) => percent >= entry.min)!.verdict;
}

export function percentOf(earned: number, possible: number): number | null {
  return possible > 0 ? Math.round((100 * earned) / possible) : null;
}

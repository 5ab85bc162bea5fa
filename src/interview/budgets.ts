/**
 * Phase budgets in whole seconds. `--minutes N` scales every phase in
 * proportion; rounding remainders go to the phases that lost most to rounding,
 * so the budgets always add up to exactly N minutes.
 */
export function phaseBudgets(phaseMinutes: readonly number[], totalMinutes?: number): number[] {
  const natural = phaseMinutes.map((minutes) => minutes * 60);
  const naturalTotal = natural.reduce((sum, seconds) => sum + seconds, 0);
  const target = totalMinutes === undefined ? naturalTotal : Math.round(totalMinutes * 60);
  const exact = natural.map((seconds) => (seconds * target) / naturalTotal);
  const budgets = exact.map(Math.floor);
  let missing = target - budgets.reduce((sum, seconds) => sum + seconds, 0);
  const byRemainder = exact.map((value, index) => ({ index, remainder: value - Math.floor(value) })).sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const { index } of byRemainder) {
    if (missing <= 0) break;
    budgets[index]! += 1;
    missing -= 1;
  }
  return budgets;
}

import { distance } from 'fastest-levenshtein';

/**
 * "Did you mean" for names a person types: topic ids, question ids, commands,
 * flags. A candidate is close when its edit distance (Levenshtein, via
 * fastest-levenshtein) is at most a third of the longer name (rounded up),
 * or when one name contains the other. Pure; case-insensitive.
 */
export function closestMatches(input: string, candidates: Iterable<string>, limit = 3): string[] {
  const wanted = input.toLowerCase();
  const scored: { name: string; score: number }[] = [];
  for (const name of new Set(candidates)) {
    const lower = name.toLowerCase();
    const edits = distance(wanted, lower);
    const allowed = Math.max(1, Math.ceil(Math.max(wanted.length, lower.length) / 3));
    const contains = wanted.length >= 3 && (lower.includes(wanted) || wanted.includes(lower));
    if (edits <= allowed || contains) scored.push({ name, score: edits - (contains ? 0.5 : 0) });
  }
  return scored
    .sort((a, b) => a.score - b.score || (a.name < b.name ? -1 : 1))
    .slice(0, limit)
    .map((entry) => entry.name);
}

/** " — did you mean caching?" / " — did you mean a or b?", or "" when nothing is close. */
export function didYouMean(input: string, candidates: Iterable<string>): string {
  const matches = closestMatches(input, candidates);
  if (matches.length === 0) return '';
  const list = matches.length === 1 ? matches[0]! : `${matches.slice(0, -1).join(', ')} or ${matches.at(-1)}`;
  return `; did you mean ${list}?`;
}

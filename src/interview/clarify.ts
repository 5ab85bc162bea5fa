/**
 * Clarifying questions without a model: which lines of an answer ask the
 * interviewer, and which of the scenario's facts answers a question best.
 */

/** Said when no fact covers the question, offline and (by instruction) by a model. */
export const YOUR_CALL = 'Your call — state your assumption.';

/**
 * Lines of an answer that start with "?" ask the interviewer; the rest is the
 * answer, its lines kept as typed. When the last line was a question, `rest`
 * ends with the line break that preceded it, so the editor reopens on a new
 * line and what is typed next is not glued to the line before the question.
 */
export function splitClarifying(text: string): { questions: string[]; rest: string } {
  const questions: string[] = [];
  const kept: string[] = [];
  const lines = text.split('\n');
  for (const line of lines) {
    const match = /^\s*\?\s*(.*\S)\s*$/.exec(line);
    if (match) questions.push(match[1]!);
    else kept.push(line);
  }
  if (questions.length === 0) return { questions, rest: text };
  const rest = kept.join('\n').replace(/\n+$/, '');
  const endedOnQuestion = /^\s*\?\s*\S/.test(lines.at(-1)!);
  return { questions, rest: rest !== '' && endedOnQuestion ? `${rest}\n` : rest };
}

// Words that say nothing about which fact is meant (question words, auxiliaries, pronouns).
const STOP_WORDS = new Set(
  'a an and are as at be been but by can could do does did for from had has have how i if in into is it its me my of on or our should so than that the their them then there these they this those to us was we were what when where which while who why will with would you your any some about expect expected assume need needs many much more most also just only please tell know want'.split(' '),
);

/** Lower-case words without stop words, with a light plural/verb-ending stem, so "writes" meets "write". */
export function terms(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((word) => !STOP_WORDS.has(word)).map(stem);
}

function stem(word: string): string {
  if (word.length > 5 && word.endsWith('ing')) return word.slice(0, -3);
  if (word.length > 4 && word.endsWith('ed')) return word.slice(0, -2);
  if (word.length > 4 && word.endsWith('es')) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

/**
 * The fact that shares the most with the question, each shared term weighted by
 * how rare it is among the facts (so "users" outweighs a word every fact has);
 * null when no fact shares a term. Ties go to the fact written first.
 */
export function bestFact(question: string, facts: readonly string[]): string | null {
  const asked = new Set(terms(question));
  if (asked.size === 0 || facts.length === 0) return null;
  const factTerms = facts.map((fact) => new Set(terms(fact)));
  const frequency = new Map<string, number>();
  for (const set of factTerms) for (const term of set) frequency.set(term, (frequency.get(term) ?? 0) + 1);
  let best: { index: number; score: number } | null = null;
  factTerms.forEach((set, index) => {
    let score = 0;
    for (const term of asked) if (set.has(term)) score += Math.log(1 + facts.length / frequency.get(term)!);
    if (score > 0 && (best === null || score > best.score)) best = { index, score };
  });
  return best === null ? null : facts[(best as { index: number }).index]!;
}

/** The offline answer to a clarifying question: the best-matching fact, or "your call". */
export function offlineClarification(question: string, facts: readonly string[]): string {
  return bestFact(question, facts) ?? YOUR_CALL;
}

/** The shapes of attack, each with the words a report uses for it. */
const RULES: readonly { pattern: RegExp; finding: string }[] = [
  { pattern: /\b(ignore|disregard|forget|override|bypass)\b[^.!?\n]{0,40}\b(previous|prior|above|earlier|preceding|all|any|the|your|these|those|system)\b[^.!?\n]{0,25}\b(instructions?|rules?|rubric|prompts?|guidelines|criteria)\b/i, finding: 'asks the grader to ignore its instructions' },
  { pattern: /\b(give|award|assign|grant|mark|score|rate)\b[^.!?\n]{0,40}\b(full|maximum|max|all|perfect|top|highest|100\s*%?|10\s*\/\s*10)\b[^.!?\n]{0,20}\b(marks?|points?|scores?|credit|grades?)\b/i, finding: 'asks for full marks' },
  { pattern: /\b(dear|attention|note to( the)?|hey|hi|hello)?\s*(grader|evaluator|examiner|assessor|ai|llm|language model|assistant|chatgpt|gpt|claude)\b\s*[,:!-]\s*(please\s+)?(you|give|award|assign|ignore|mark|score|rate|set|treat|consider|grade)\b/i, finding: 'addresses the grader directly' },
  { pattern: /\byou are (now |no longer )?(an? |the )?([a-z-]+ ){0,2}(ai|assistant|grader|evaluator|examiner|language model)\b/i, finding: 'tells the model who it is' },
  { pattern: /\b(new|updated|real|actual|system)\s+(instructions?|rules|prompt)\s*:/i, finding: 'claims to bring new instructions' },
  { pattern: /<\s*\/?\s*answer[-_\w]*\s*>/i, finding: 'tries to close or reopen the answer tag' },
  { pattern: /<\s*\/?\s*(system|user|assistant|instructions?)\s*>|<\|im_(start|end)\|>|\[\/?INST\]|^\s*#{1,3}\s*(reminder|rubric|question|candidate answer)\s*$/im, finding: 'opens a chat turn or prompt section' },
  { pattern: /"(criteria|earned|instructionInAnswer|justification)"\s*:/, finding: 'contains text shaped like the grade JSON' },
];

/**
 * A cheap detector, in code, for answers that try to steer the grader, so the
 * `instruction-in-answer` flag never depends on the model confessing. It looks
 * for three shapes of attack (see README "Prompt injection: the threat model"):
 * instructions addressed to a grader or an AI, attempts to close or reopen the
 * answer's tag (or to open a chat turn), and text shaped like the grade JSON.
 * It flags; it does not change the score: a flagged answer keeps the model's
 * score and is shown as flagged, so a person can check it.
 * Returns a short description of each finding (empty when none).
 */
export function detectInjection(answer: string): string[] {
  return RULES.filter((rule) => rule.pattern.test(answer)).map((rule) => rule.finding);
}

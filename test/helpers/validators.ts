import { HtmlValidate } from 'html-validate';

/** html-validate with its strict presets: every recommended rule, plus those for whole documents. */
const htmlValidator = new HtmlValidate({ extends: ['html-validate:recommended', 'html-validate:document'] });

/** Every problem html-validate finds in a page, as "line:col rule message"; empty when valid. */
export async function htmlProblems(page: string): Promise<string[]> {
  const report = await htmlValidator.validateString(page, 'report.html');
  return report.results.flatMap((result) => result.messages.map((message) => `${message.line}:${message.column} ${message.ruleId} ${message.message}`));
}

/** Control characters other than tab, newline and carriage return. */
export const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

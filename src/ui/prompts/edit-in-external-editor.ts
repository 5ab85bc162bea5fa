import { editAsync } from '@inquirer/external-editor';

/** Opens the text in $VISUAL / $EDITOR and resolves with what was saved. */
export function editInExternalEditor(text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    editAsync(
      text,
      (error, edited) => (error ? reject(error) : resolve(edited ?? '')),
      // Markdown, so editors highlight the code blocks answers tend to contain.
      { prefix: 'coach-answer-', postfix: '.md' },
    );
  });
}

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { editAsync } from '@inquirer/external-editor';

/**
 * Opens the text in $VISUAL / $EDITOR and resolves with what was saved. The
 * answer is private: it is written 0600 inside a fresh 0700 folder (mkdtemp),
 * and the folder is removed afterwards, whether the editor succeeded or not.
 */
export function editInExternalEditor(text: string): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'coach-answer-'));
  return new Promise<string>((resolve, reject) => {
    editAsync(
      text,
      (error, edited) => (error ? reject(error) : resolve(edited ?? '')),
      // Markdown, so editors highlight the code blocks answers tend to contain.
      { prefix: 'coach-answer-', postfix: '.md', dir, mode: 0o600 },
    );
  }).finally(() => rmSync(dir, { recursive: true, force: true }));
}

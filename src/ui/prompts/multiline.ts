import {
  createPrompt,
  isBackspaceKey,
  isDownKey,
  isEnterKey,
  isUpKey,
  makeTheme,
  useEffect,
  useKeypress,
  usePrefix,
  useState,
  type KeypressEvent,
} from '@inquirer/core';
import { editInExternalEditor } from './edit-in-external-editor.js';
import { GUTTER, joinLines } from './format.js';
import { useEverySecond } from './use-every-second.js';
import { useKeypressBeforeReadline } from './use-keypress-before-readline.js';
import { useReadlineLine } from './use-readline-line.js';

export interface MultilineConfig {
  message: string;
  /** Called on every render (at least once a second), so it can show live timers. */
  header?: () => string;
  initial?: string;
  hint?: string;
  /** Polled once a second; when it returns true the answer is submitted as it stands. */
  deadline?: () => boolean;
  /** Edits the text elsewhere; defaults to $VISUAL / $EDITOR. */
  editor?: (text: string) => Promise<string>;
}

export interface MultilineAnswer {
  text: string;
  via: 'typed' | 'editor' | 'timeout';
}

const DEFAULT_HINT = 'Enter: new line · Ctrl+D: submit · Ctrl+E: open $EDITOR · submit empty to skip';

// Past this many lines only the tail is redrawn: the screen manager can only erase what
// is still on screen, so taller drafts would leave stale copies in the scrollback.
const VISIBLE_LINES = 15;

/**
 * `finished` are the lines above the cursor. `current` is the line being typed and always
 * equals readline's `rl.line`, which owns editing within a line (cursor keys, Ctrl+W, …):
 * on Enter readline has already emptied rl.line, so our copy is what survives.
 */
interface Draft {
  finished: string[];
  current: string;
}

type Status = 'idle' | 'editing' | 'done';
type Readline = Parameters<Parameters<typeof useEffect>[0]>[0];

export const multilineInput = createPrompt<MultilineAnswer, MultilineConfig>((config, done) => {
  const theme = makeTheme({});
  const [status, setStatus] = useState<Status>('idle');
  const [draft, setDraft] = useState<Draft>(() => draftFrom(config.initial ?? ''));
  const [wasEdited, setWasEdited] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);
  const prefix = usePrefix({ status: status === 'editing' ? 'loading' : status, theme });

  function submit(via: MultilineAnswer['via']) {
    setStatus('done');
    done({ text: textOf(draft), via });
  }

  function openEditor(rl: Readline) {
    const edit = config.editor ?? editInExternalEditor;
    setError(undefined);
    setStatus('editing');
    // The editor owns the terminal until it exits; a paused readline leaves it stdin.
    rl.pause();
    // Through a promise, so an editor function that throws cannot leave readline paused.
    Promise.resolve(textOf(draft))
      .then(edit)
      .then(
        (edited) => {
          rl.resume();
          const next = draftFrom(edited.trimEnd());
          rl.clearLine(0);
          rl.write(next.current);
          setDraft(next);
          setWasEdited(true);
          setStatus('idle');
        },
        (failure: unknown) => {
          rl.resume();
          setError(`Could not open the editor: ${failure instanceof Error ? failure.message : String(failure)}`);
          setStatus('idle');
        },
      );
  }

  useEffect((rl) => {
    rl.write(draft.current);
  }, []);

  useKeypressBeforeReadline((key) => {
    if (status === 'idle' && isCtrl(key, 'd')) submit(wasEdited ? 'editor' : 'typed');
  });

  useReadlineLine((line) => {
    if (status === 'idle') setDraft({ finished: [...draft.finished, line], current: '' });
  });

  useKeypress((key, rl) => {
    if (status !== 'idle' || isEnterKey(key) || isCtrl(key, 'd')) return;
    if (isCtrl(key, 'e')) {
      openEditor(rl);
      return;
    }
    // Readline answers ↑ ↓ Ctrl+P Ctrl+N by swapping in earlier lines from its history,
    // which here would silently duplicate lines of the answer: put the line back.
    if (recallsHistory(key)) {
      rl.clearLine(0);
      rl.write(draft.current);
      return;
    }
    const previous = draft.finished.at(-1);
    // Backspace that deleted nothing stood at the start of the line: join it to the one above.
    if (isBackspaceKey(key) && rl.line === draft.current && previous !== undefined) {
      rl.write(previous);
      setDraft({ finished: draft.finished.slice(0, -1), current: previous + draft.current });
      return;
    }
    if (rl.line !== draft.current) setDraft({ ...draft, current: rl.line });
  });

  useEverySecond(() => {
    // While the editor is open the answer lives in its file; submitting would lose it.
    if (status === 'idle' && config.deadline?.()) submit('timeout');
  });

  const message = `${prefix} ${theme.style.message(config.message, status)}`;
  if (status === 'done') {
    const text = textOf(draft);
    const answer = text ? text.split('\n').map((line) => theme.style.help(GUTTER) + line) : [theme.style.help('(no answer)')];
    return [message, ...answer].join('\n');
  }

  const lines = [...draft.finished, draft.current];
  const hidden = Math.max(0, lines.length - VISIBLE_LINES);
  const shown = lines.slice(hidden).map((line) => theme.style.help(GUTTER) + line);
  const content = [
    config.header?.(),
    message,
    hidden > 0 ? theme.style.help(`${GUTTER}… ${hidden} earlier lines (Ctrl+E shows all)`) : undefined,
    ...shown,
  ];
  const hint = status === 'editing' ? 'Waiting for the editor to close…' : (config.hint ?? DEFAULT_HINT);
  const bottom = [theme.style.help(hint), error === undefined ? undefined : theme.style.error(error)];
  // The last content line must end with rl.line: the screen manager puts the cursor there.
  return [joinLines(content), joinLines(bottom)];
});

function isCtrl(key: KeypressEvent, name: string): boolean {
  return key.ctrl && key.name === name;
}

function recallsHistory(key: KeypressEvent): boolean {
  return isUpKey(key) || isDownKey(key) || isCtrl(key, 'p') || isCtrl(key, 'n');
}

function draftFrom(text: string): Draft {
  const lines = text.split(/\r\n|\r|\n/);
  return { finished: lines.slice(0, -1), current: lines.at(-1) ?? '' };
}

function textOf(draft: Draft): string {
  return [...draft.finished, draft.current].join('\n').trimEnd();
}

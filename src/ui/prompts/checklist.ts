import { createPrompt, isDownKey, isEnterKey, isUpKey, makeTheme, useKeypress, usePrefix, useState } from '@inquirer/core';
import { HIDE_CURSOR, indentFollowingLines, joinLines, wrapIndex } from './format.js';
import { fitMenu, type ScreenSize } from './fit.js';
import { useIgnoreEndOfInput } from './use-ignore-end-of-input.js';

export type Mark = 'met' | 'partly' | 'missed';

export interface ChecklistCriterion {
  id: string;
  criterion: string;
  points: number;
  /** What earns partial credit; shown for the criterion under the cursor. */
  partial?: string;
}

export interface ChecklistConfig {
  message: string;
  criteria: ChecklistCriterion[];
  /** Shown above the message, kept on screen however long the criteria (fit.ts). */
  header?: () => string;
  /** The terminal's size, read on every draw; the screen is fitted to it. Default 80×24. */
  size?: () => ScreenSize;
}

export type ChecklistAnswer = Record<string, Mark>;

// Order of ← → cycling, best first.
const MARKS: readonly Mark[] = ['met', 'partly', 'missed'];
const MARK_KEYS: ReadonlyMap<string, Mark> = new Map([
  ['m', 'met'],
  ['p', 'partly'],
  ['x', 'missed'],
]);
const MARK_WIDTH = Math.max(...MARKS.map((mark) => mark.length));
const HINT = '↑↓ move · m met · p partly · x missed (or ←→) · Enter: submit';

export const checklistInput = createPrompt<ChecklistAnswer, ChecklistConfig>((config, done) => {
  const { criteria } = config;
  const theme = makeTheme({});
  const [status, setStatus] = useState<'idle' | 'done'>('idle');
  const [cursor, setCursor] = useState(0);
  const [marks, setMarks] = useState<(Mark | undefined)[]>(() => criteria.map(() => undefined));
  const [error, setError] = useState<string | undefined>(undefined);
  const prefix = usePrefix({ status, theme });
  useIgnoreEndOfInput();

  function mark(index: number, value: Mark) {
    setMarks(marks.map((old, i) => (i === index ? value : old)));
    setError(undefined);
  }

  useKeypress((key, rl) => {
    if (status !== 'idle') return;
    // Letters pile up in readline's line; keep it empty, as @inquirer/select does.
    rl.clearLine(0);
    const keyed = key.ctrl ? undefined : MARK_KEYS.get(key.name);
    if (isEnterKey(key)) {
      const unmarked = marks.filter((value) => value === undefined).length;
      if (unmarked > 0) {
        setError(`mark every criterion (${unmarked} left)`);
        setCursor(marks.indexOf(undefined));
        return;
      }
      setStatus('done');
      done(Object.fromEntries(criteria.map((criterion, i) => [criterion.id, marks[i] as Mark])));
    } else if (isUpKey(key) || isDownKey(key)) {
      setCursor(wrapIndex(cursor, isUpKey(key) ? -1 : 1, criteria.length));
    } else if (keyed !== undefined) {
      mark(cursor, keyed);
      // Stop at the last criterion rather than wrap, so Enter is the natural next key.
      setCursor(Math.min(cursor + 1, criteria.length - 1));
    } else if (key.name === 'left' || key.name === 'right') {
      const current = marks[cursor];
      const step = key.name === 'right' ? 1 : -1;
      const from = current === undefined ? (step === 1 ? -1 : MARKS.length) : MARKS.indexOf(current);
      mark(cursor, MARKS[wrapIndex(from, step, MARKS.length)] as Mark);
    }
  });

  const message = `${prefix} ${theme.style.message(config.message, status)}`;
  if (status === 'done') return `${message} ${theme.style.answer(summarizeMarks(marks))}`;

  const pointsWidth = Math.max(...criteria.map((criterion) => pointsLabel(criterion.points).length));
  const rows = criteria.map((criterion, index) => {
    const active = index === cursor;
    const markText = `[${(marks[index] ?? '').padEnd(MARK_WIDTH)}]`;
    const label = `${markText} ${pointsLabel(criterion.points).padStart(pointsWidth)}  `;
    const indent = ' '.repeat(label.length + 2);
    const line = label + indentFollowingLines(criterion.criterion, indent);
    const partial = active && criterion.partial ? [theme.style.help(`${indent}partly: ${criterion.partial}`)] : [];
    return joinLines([active ? theme.style.highlight(`❯ ${line}`) : `  ${line}`, ...partial]);
  });
  const screen = fitMenu(
    { header: joinLines([config.header?.(), message]), message: '', items: rows, focus: cursor, bottom: [theme.style.help(HINT), error === undefined ? undefined : theme.style.error(error)] },
    config.size?.() ?? { columns: 80, rows: 24 },
    theme.style.help,
  );
  return [screen.content, screen.bottom + HIDE_CURSOR];
});

function pointsLabel(points: number): string {
  return `${points} pt${points === 1 ? '' : 's'}`;
}

/** The marks as the line left in the scrollback says them: `met 2 · partly 1 · missed 0`. */
export function summarizeMarks(marks: readonly (Mark | undefined)[]): string {
  return MARKS.map((mark) => `${mark} ${marks.filter((value) => value === mark).length}`).join(' · ');
}

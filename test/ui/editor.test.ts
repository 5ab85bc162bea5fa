import fc from 'fast-check';
import stringWidth from 'string-width';
import { describe, expect, test } from 'vitest';
import { KeyReader } from '../../src/ui/editor/keys.js';
import { LineWrapper, layoutText } from '../../src/ui/editor/layout.js';
import * as edit from '../../src/ui/editor/textBuffer.js';
import { editByKey } from '../../src/ui/editor/textKeys.js';
import { composeFrame, screenSize } from '../../src/ui/editor/viewport.js';

const strip = (text: string) => text.replace(/\u001b\[[0-9;]*m/g, '');

describe('grapheme-wise editing', () => {
  const cases: [string, string, string][] = [
    ['a flag', 'x🇳🇴', 'x'],
    ['a ZWJ family', 'x👨‍👩‍👧‍👦', 'x'],
    ['a ZWJ profession', 'x👩‍💻', 'x'],
    ['a combining accent', 'xe\u0301', 'x'],
    ['a skin tone', 'x👍🏽', 'x'],
    ['a CJK character', 'x漢', 'x'],
    ['a line break', 'x\n', 'x'],
  ];
  test.each(cases)('backspace removes %s whole', (_name, text, left) => {
    expect(edit.deleteBackward(edit.stateAtEnd(text))).toEqual({ text: left, cursor: left.length });
  });

  test('left and right step over whole graphemes; delete removes the one after the cursor', () => {
    const text = 'a🇳🇴b👩‍💻c';
    let state = edit.stateAtEnd(text);
    const stops: number[] = [];
    while (state.cursor > 0) {
      state = edit.moveTo(state, edit.previousBoundary(state.text, state.cursor));
      stops.push(state.cursor);
    }
    expect(stops).toEqual([text.length - 1, text.length - 1 - '👩‍💻'.length, 1 + '🇳🇴'.length, 1, 0]);
    expect(edit.nextBoundary(text, 1)).toBe(1 + '🇳🇴'.length);
    expect(edit.deleteForward({ text, cursor: 1 }).text).toBe('ab👩‍💻c');
  });

  test('insert, word and line deletes', () => {
    const state = edit.insertText({ text: 'ac', cursor: 1 }, 'b');
    expect(state).toEqual({ text: 'abc', cursor: 2 });
    expect(edit.deleteWordBackward(edit.stateAtEnd('one two  ')).text).toBe('one ');
    expect(edit.deleteToLineStart(edit.stateAtEnd('keep\ndrop this')).text).toBe('keep\n');
  });
});

describe('key reader', () => {
  test('a bracketed paste is one event, even split across reads and with its end marker cut', () => {
    const reader = new KeyReader();
    const body = 'line one\r\nline two\twith tab\u001b[2J';
    expect(reader.feed('\u001b[200~line one\r\n')).toEqual([]);
    expect(reader.feed('line two\twith tab\u001b[2J\u001b[20')).toEqual([]);
    expect(reader.feed('1~x')).toEqual([
      { kind: 'paste', text: body },
      { kind: 'text', text: 'x' },
    ]);
  });

  test('typed text runs, Enter, CR LF as one Enter, control keys and arrows', () => {
    const reader = new KeyReader();
    expect(reader.feed('ab\rc\r\nd\u007f\u0004\u001b[A\u001b[1;5C\u001bOB\u001b[3~')).toEqual([
      { kind: 'text', text: 'ab' },
      { kind: 'key', name: 'enter' },
      { kind: 'text', text: 'c' },
      { kind: 'key', name: 'enter' },
      { kind: 'text', text: 'd' },
      { kind: 'key', name: 'backspace' },
      { kind: 'key', name: 'ctrl-d' },
      { kind: 'key', name: 'up' },
      { kind: 'key', name: 'word-right' },
      { kind: 'key', name: 'down' },
      { kind: 'key', name: 'delete' },
    ]);
  });

  test('UTF-8 split between reads and an escape sequence split between reads', () => {
    const reader = new KeyReader();
    const bytes = Buffer.from('é👩‍💻');
    expect(reader.feed(bytes.subarray(0, 1))).toEqual([]);
    expect(reader.feed(bytes.subarray(1))).toEqual([{ kind: 'text', text: 'é👩‍💻' }]);
    expect(reader.feed('\u001b[')).toEqual([]);
    expect(reader.feed('D')).toEqual([{ kind: 'key', name: 'left' }]);
  });

  test('Esc then a letter types the letter; Alt+b and Alt+f move by word', () => {
    expect(new KeyReader().feed('\u001bq\u001bb\u001bf')).toEqual([
      { kind: 'text', text: 'q' },
      { kind: 'key', name: 'word-left' },
      { kind: 'key', name: 'word-right' },
    ]);
  });

  test('control strings (OSC, DCS) in the input vanish whole, also when split across reads', () => {
    const reader = new KeyReader();
    expect(reader.feed('a\u001b]0;title')).toEqual([{ kind: 'text', text: 'a' }]);
    expect(reader.feed('\u0007b\u001bPq#0\u001b\\c')).toEqual([
      { kind: 'text', text: 'b' },
      { kind: 'text', text: 'c' },
    ]);
  });

  test('unknown sequences vanish whole instead of typing their letters', () => {
    expect(new KeyReader().feed('\u001b[200;5Xa\u001b[?1049h')).toEqual([{ kind: 'text', text: 'a' }]);
  });
});

describe('layout in screen rows', () => {
  test('wide characters take two columns; a row never exceeds the width', () => {
    const { rows } = layoutText('漢字'.repeat(10), 0, 10, new LineWrapper());
    expect(rows.map((row) => row.end - row.start)).toEqual([5, 5, 5, 5]);
  });

  test('breaks after a space when it can; the cursor at a wrapped end starts the next row', () => {
    const text = 'hello world again';
    const layout = layoutText(text, 'hello world '.length, 12, new LineWrapper());
    expect(layout.rows.map((row) => text.slice(row.start, row.end))).toEqual(['hello world ', 'again']);
    expect([layout.cursorRow, layout.cursorColumn]).toEqual([1, 0]);
  });

  test('a 3,000-character line is 3000/width rows, not one', () => {
    const layout = layoutText('x'.repeat(3000), 3000, 77, new LineWrapper());
    expect(layout.rows).toHaveLength(Math.ceil(3000 / 77));
    expect(layout.cursorRow).toBe(layout.rows.length - 1);
  });
});

describe('viewport', () => {
  const base = { header: 'Phase 1/6: Requirements · phase 4:59 left', message: 'Design a URL shortener', hint: 'Enter: new line · Ctrl+D: submit', scrollTop: 0, dim: (text: string) => text };

  test('0×0 and missing sizes fall back to 80×24', () => {
    expect(screenSize({ columns: 0, rows: 0 })).toEqual({ columns: 80, rows: 24 });
    expect(screenSize({})).toEqual({ columns: 80, rows: 24 });
    expect(screenSize({ columns: 60, rows: 20 })).toEqual({ columns: 60, rows: 20 });
  });

  test('16 lines of 125 characters at 60×20: the header stays, the fold counts rows', () => {
    const text = Array.from({ length: 16 }, (_, line) => `${line}`.padEnd(125, ' word')).join('\n');
    const frame = composeFrame({ ...base, columns: 60, rows: 20, state: edit.stateAtEnd(text) }, new LineWrapper());
    expect(frame.lines.length).toBeLessThanOrEqual(20);
    expect(frame.lines[0]).toContain('Phase 1/6');
    const fold = frame.lines.find((line) => line.includes('earlier row'));
    const hidden = Number(/… (\d+) earlier rows/.exec(fold!)![1]);
    expect(hidden).toBe(frame.layout.rows.length - frame.pageRows);
    expect(frame.layout.rows.length).toBeGreaterThan(16 * 2);
  });

  test('property: any text at any size fits the screen, keeps the header and shows the cursor row', () => {
    const piece = fc.constantFrom('a', 'word ', '漢', '👩‍💻', '🇳🇴', '\n', 'e\u0301', ' ', 'x'.repeat(40));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 200 }), fc.integer({ min: 8, max: 200 }), fc.integer({ min: 5, max: 60 }), fc.nat(), (pieces, columns, rows, at) => {
        const text = pieces.join('');
        const cursor = edit.moveTo(edit.stateAtEnd(text), 0).cursor === 0 && text.length > 0 ? boundaryNear(text, at % (text.length + 1)) : 0;
        const frame = composeFrame({ ...base, columns, rows, state: { text, cursor } }, new LineWrapper());
        expect(frame.lines.length).toBeLessThanOrEqual(rows);
        for (const line of frame.lines) expect(stringWidth(strip(line))).toBeLessThanOrEqual(columns - 1);
        expect(frame.cursorRow).toBeGreaterThanOrEqual(0);
        expect(frame.cursorRow).toBeLessThan(frame.lines.length);
        expect(frame.cursorColumn).toBeLessThan(columns);
        expect(frame.lines[0]).toContain('Phase');
      }),
      { numRuns: 300 },
    );
  });
});

function boundaryNear(text: string, offset: number): number {
  let at = 0;
  while (at < text.length) {
    const next = edit.nextBoundary(text, at);
    if (next > offset) break;
    at = next;
  }
  return at;
}

describe('editByKey: the keys that only edit the text', () => {
  const at = (text: string, cursor: number) => ({ text, cursor });
  test('each editing key gives the next state; the others are not its to handle', () => {
    expect(editByKey(at('ab', 1), 'enter')).toMatchObject({ text: 'a\nb', cursor: 2 });
    expect(editByKey(at('ab', 1), 'backspace')).toMatchObject({ text: 'b', cursor: 0 });
    expect(editByKey(at('ab', 1), 'delete')).toMatchObject({ text: 'a', cursor: 1 });
    expect(editByKey(at('one two', 7), 'delete-word')).toMatchObject({ text: 'one ', cursor: 4 });
    expect(editByKey(at('x\none two', 9), 'delete-line-start')).toMatchObject({ text: 'x\n', cursor: 2 });
    expect(editByKey(at('e\u0301x', 3), 'left')).toMatchObject({ cursor: 2 });
    expect(editByKey(at('e\u0301x', 2), 'left')).toMatchObject({ cursor: 0 });
    expect(editByKey(at('one two', 0), 'word-right')).toMatchObject({ cursor: 3 });
    expect(editByKey(at('x\none two', 5), 'home')).toMatchObject({ cursor: 2 });
    expect(editByKey(at('x\none two', 3), 'end')).toMatchObject({ cursor: 9 });
    for (const name of ['ctrl-d', 'ctrl-c', 'ctrl-e', 'ctrl-l', 'ctrl-q', 'up', 'down', 'pageup', 'pagedown'] as const) expect(editByKey(at('ab', 1), name)).toBeUndefined();
  });
});

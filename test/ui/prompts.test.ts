import { render } from '@inquirer/testing';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { checklistInput } from '../../src/ui/prompts/checklist.js';
import { choiceInput } from '../../src/ui/prompts/choice.js';
import { indexForLetter, letterFor, wrapIndex } from '../../src/ui/prompts/format.js';
import { multilineInput } from '../../src/ui/prompts/multiline.js';

const ctrl = (name: string) => ({ name, ctrl: true });

afterEach(() => {
  vi.useRealTimers();
});

// Only the interval is faked: done() resolves through setImmediate, which must stay real.
function fakeTheClock() {
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
}

describe('format', () => {
  test('letters and indexes map both ways', () => {
    expect([0, 1, 7].map(letterFor)).toEqual(['a', 'b', 'h']);
    expect(indexForLetter('c', 4)).toBe(2);
    expect(indexForLetter('e', 4)).toBeUndefined();
    expect(indexForLetter('up', 4)).toBeUndefined();
  });

  test('wrapIndex wraps at both ends', () => {
    expect(wrapIndex(0, -1, 3)).toBe(2);
    expect(wrapIndex(2, 1, 3)).toBe(0);
    expect(wrapIndex(1, 1, 3)).toBe(2);
  });
});

describe('multilineInput', () => {
  test('types two lines and submits with Ctrl+D, trailing blank lines dropped', async () => {
    const { answer, events, getScreen } = await render(multilineInput, { message: 'Explain CAP' });
    expect(getScreen()).toContain('Ctrl+D: submit');

    events.type('first line');
    events.keypress('enter');
    events.type('second');
    expect(getScreen()).toMatch(/│ first line\n│ second/);

    events.keypress('enter');
    events.keypress('enter');
    events.keypress(ctrl('d'));
    // The current line was empty: readline closes itself on this Ctrl+D, yet we must answer.
    await expect(answer).resolves.toEqual({ text: 'first line\nsecond', via: 'typed' });
    expect(getScreen()).toContain('✔ Explain CAP');
  });

  test('backspace deletes a character, and on an empty line joins the line above', async () => {
    const { answer, events, getScreen } = await render(multilineInput, { message: 'Q' });
    events.type('abc');
    events.keypress('backspace');
    expect(getScreen()).toMatch(/│ ab$/m);

    events.keypress('enter');
    events.type('d');
    events.keypress('backspace');
    events.keypress('backspace');
    expect(getScreen()).not.toMatch(/│ $/m);
    events.type('X');
    expect(getScreen()).toMatch(/│ abX$/m);

    events.keypress(ctrl('d'));
    await expect(answer).resolves.toEqual({ text: 'abX', via: 'typed' });
  });

  test('a pasted chunk with newlines becomes several lines', async () => {
    const { answer, input, events, getScreen } = await render(multilineInput, { message: 'Q' });
    events.type('intro: ');
    input.write('one\r\ntwo\nthree');
    expect(getScreen()).toMatch(/│ intro: one\n│ two\n│ three/);

    events.keypress(ctrl('d'));
    await expect(answer).resolves.toEqual({ text: 'intro: one\ntwo\nthree', via: 'typed' });
  });

  test('↑ does not pull an earlier line back in from readline history', async () => {
    const { answer, events, getScreen } = await render(multilineInput, { message: 'Q' });
    events.type('first');
    events.keypress('enter');
    events.keypress('up');
    expect(getScreen()).toMatch(/│ first\n│ ?$/m);
    events.keypress(ctrl('d'));
    await expect(answer).resolves.toEqual({ text: 'first', via: 'typed' });
  });

  test('starts from initial text, with the cursor after it', async () => {
    const { answer, events } = await render(multilineInput, { message: 'Q', initial: 'draft\nmore' });
    events.type('!');
    events.keypress(ctrl('d'));
    await expect(answer).resolves.toEqual({ text: 'draft\nmore!', via: 'typed' });
  });

  test('Ctrl+E hands the text to the editor and takes back its result', async () => {
    let release: (text: string) => void = () => undefined;
    const editor = vi.fn((_text: string) => new Promise<string>((resolve) => (release = resolve)));
    const { answer, events, getScreen } = await render(multilineInput, { message: 'Q', editor });
    events.type('typed');
    events.keypress('enter');
    events.type('here');
    events.keypress(ctrl('e'));
    await vi.waitFor(() => expect(editor).toHaveBeenCalledWith('typed\nhere'));
    expect(getScreen()).toContain('Waiting for the editor');

    events.type('ignored while editing');
    release('rewritten\nin the editor\n\n');
    await vi.waitFor(() => expect(getScreen()).toMatch(/│ rewritten\n│ in the editor/));
    expect(getScreen()).not.toContain('ignored');

    events.type('!');
    events.keypress(ctrl('d'));
    await expect(answer).resolves.toEqual({ text: 'rewritten\nin the editor!', via: 'editor' });
  });

  test('a long draft shows only its tail while typing, and all of it once submitted', async () => {
    const { answer, input, events, getScreen } = await render(multilineInput, { message: 'Q' });
    const lines = Array.from({ length: 20 }, (_, i) => `line ${i + 1}`);
    input.write(lines.join('\n'));
    expect(getScreen()).toContain('… 5 earlier lines');
    expect(getScreen()).not.toMatch(/│ line 5$/m);
    expect(getScreen()).toMatch(/│ line 6\n/);

    events.keypress(ctrl('d'));
    await expect(answer).resolves.toEqual({ text: lines.join('\n'), via: 'typed' });
    expect(getScreen()).toMatch(/│ line 1\n/);
  });

  test('an editor that fails leaves the text and shows why', async () => {
    const editor = () => {
      throw new Error('no $EDITOR');
    };
    const { answer, events, getScreen } = await render(multilineInput, { message: 'Q', editor });
    events.type('kept');
    events.keypress(ctrl('e'));
    await vi.waitFor(() => expect(getScreen()).toContain('no $EDITOR'));
    events.keypress(ctrl('d'));
    await expect(answer).resolves.toEqual({ text: 'kept', via: 'typed' });
  });

  test('submits what is typed once the deadline has passed, at the next tick', async () => {
    fakeTheClock();
    let expired = false;
    const { answer, events, getScreen } = await render(multilineInput, { message: 'Q', deadline: () => expired });
    events.type('half an answer');
    vi.advanceTimersByTime(1000);
    expect(getScreen()).toContain('Ctrl+D: submit');

    expired = true;
    vi.advanceTimersByTime(999);
    expect(getScreen()).toContain('Ctrl+D: submit');
    vi.advanceTimersByTime(1);
    await expect(answer).resolves.toEqual({ text: 'half an answer', via: 'timeout' });
  });

  test('the header is redrawn every second', async () => {
    fakeTheClock();
    let elapsed = '0:00';
    const { answer, events, getScreen } = await render(multilineInput, { message: 'Q', header: () => `⏱ ${elapsed}` });
    expect(getScreen()).toMatch(/^⏱ 0:00\n/);

    elapsed = '0:01';
    expect(getScreen()).toContain('⏱ 0:00');
    vi.advanceTimersByTime(1000);
    expect(getScreen()).toContain('⏱ 0:01');

    elapsed = '0:02';
    vi.advanceTimersByTime(1000);
    expect(getScreen()).toContain('⏱ 0:02');
    events.keypress(ctrl('d'));
    await expect(answer).resolves.toEqual({ text: '', via: 'typed' });
  });

  test('a custom hint replaces the default one', async () => {
    const { answer, events, getScreen } = await render(multilineInput, { message: 'Q', hint: 'just type' });
    expect(getScreen()).toContain('just type');
    expect(getScreen()).not.toContain('Ctrl+E');
    events.keypress(ctrl('d'));
    await answer;
  });
});

describe('choiceInput', () => {
  const options = ['Raft', 'Paxos', 'Two-phase commit'];

  test('single: lists options in order with a skip entry; Enter picks the one under the cursor', async () => {
    const { answer, events, getScreen } = await render(choiceInput, { message: 'Consensus?', options, multiple: false });
    expect(getScreen()).toMatch(/❯ a\) Raft\n {2}b\) Paxos\n {2}c\) Two-phase commit\n {2}skip this question/);
    expect(getScreen()).not.toContain('[ ]');

    events.keypress('down');
    expect(getScreen()).toMatch(/❯ b\) Paxos/);
    events.keypress('enter');
    await expect(answer).resolves.toEqual({ picked: [1], via: 'answered' });
    expect(getScreen()).toContain('Consensus? b');
  });

  test('single: a letter moves the cursor without submitting; up wraps to skip', async () => {
    const { answer, events, getScreen } = await render(choiceInput, { message: 'Q', options, multiple: false });
    events.keypress('c');
    expect(getScreen()).toMatch(/❯ c\) Two-phase commit/);
    events.keypress('a');
    events.keypress('up');
    expect(getScreen()).toMatch(/❯ skip this question/);
    events.keypress('down');
    events.keypress('down');
    events.keypress('enter');
    await expect(answer).resolves.toEqual({ picked: [1], via: 'answered' });
  });

  test('multiple: space and letters toggle; the answer lists indexes ascending', async () => {
    const { answer, events, getScreen } = await render(choiceInput, { message: 'Q', options, multiple: true });
    expect(getScreen()).toContain('[ ] a) Raft');
    events.keypress('c');
    events.keypress('up');
    events.keypress('up');
    events.keypress('space');
    expect(getScreen()).toMatch(/\[x\] a\) Raft\n {2}\[ \] b\) Paxos\n {2}\[x\] c\) Two-phase commit/);

    events.keypress('b');
    events.keypress('b');
    events.keypress('enter');
    await expect(answer).resolves.toEqual({ picked: [0, 2], via: 'answered' });
  });

  test('multiple: Enter with nothing picked explains, and the error clears on a toggle', async () => {
    const { answer, events, getScreen } = await render(choiceInput, { message: 'Q', options, multiple: true });
    events.keypress('enter');
    expect(getScreen()).toContain('pick at least one option, or choose skip');

    events.keypress('space');
    expect(getScreen()).not.toContain('pick at least one');
    events.keypress('enter');
    await expect(answer).resolves.toEqual({ picked: [0], via: 'answered' });
  });

  test('Enter on the skip entry skips, even with options toggled', async () => {
    const { answer, events, getScreen } = await render(choiceInput, { message: 'Q', options, multiple: true });
    events.keypress('a');
    events.keypress('down');
    events.keypress('down');
    events.keypress('down');
    expect(getScreen()).toMatch(/❯ skip this question/);
    events.keypress('enter');
    await expect(answer).resolves.toEqual({ picked: [], via: 'skipped' });
    expect(getScreen()).toContain('skipped');
  });

  test('deadline: multiple submits what is toggled', async () => {
    fakeTheClock();
    let expired = false;
    const { answer, events } = await render(choiceInput, {
      message: 'Q',
      options,
      multiple: true,
      deadline: () => expired,
    });
    events.keypress('b');
    expired = true;
    vi.advanceTimersByTime(1000);
    await expect(answer).resolves.toEqual({ picked: [1], via: 'timeout' });
  });

  test('deadline: single submits nothing, whatever is under the cursor', async () => {
    fakeTheClock();
    let seconds = 0;
    const { answer, events, getScreen } = await render(choiceInput, {
      message: 'Q',
      options,
      multiple: false,
      header: () => `${seconds}s left`,
      deadline: () => seconds <= 0,
    });
    seconds = 2;
    events.keypress('down');
    expect(getScreen()).toMatch(/^2s left/);
    seconds = 1;
    vi.advanceTimersByTime(1000);
    expect(getScreen()).toMatch(/^1s left/);
    seconds = 0;
    vi.advanceTimersByTime(1000);
    await expect(answer).resolves.toEqual({ picked: [], via: 'timeout' });
  });
});

describe('checklistInput', () => {
  const criteria = [
    { id: 'quorum', criterion: 'Explains quorums', points: 3, partial: 'names quorums without the overlap argument' },
    { id: 'leader', criterion: 'Mentions leader election', points: 2 },
    { id: 'split', criterion: 'Handles split brain', points: 1 },
  ];

  test('m, p and x mark and move down; Enter returns marks by id', async () => {
    const { answer, events, getScreen } = await render(checklistInput, { message: 'Grade yourself', criteria });
    expect(getScreen()).toMatch(/❯ \[ {6}\] 3 pts {2}Explains quorums/);
    expect(getScreen()).toContain('partly: names quorums without the overlap argument');
    expect(getScreen()).toContain('↑↓ move · m met · p partly · x missed (or ←→) · Enter: done');

    events.keypress('m');
    expect(getScreen()).toMatch(/ {2}\[met {3}\] 3 pts/);
    expect(getScreen()).toMatch(/❯ \[ {6}\] 2 pts {2}Mentions leader election/);
    expect(getScreen()).not.toContain('overlap argument');

    events.keypress('p');
    events.keypress('x');
    expect(getScreen()).toMatch(/❯ \[missed\] {2}1 pt {2}Handles split brain/);
    events.keypress('enter');
    await expect(answer).resolves.toEqual({ quorum: 'met', leader: 'partly', split: 'missed' });
    expect(getScreen()).toContain('met 1 · partly 1 · missed 1');
  });

  test('Enter with unmarked criteria says how many are left and jumps to the first', async () => {
    const { answer, events, getScreen } = await render(checklistInput, { message: 'Q', criteria });
    events.keypress('down');
    events.keypress('x');
    events.keypress('enter');
    expect(getScreen()).toContain('mark every criterion (2 left)');
    expect(getScreen()).toMatch(/❯ \[ {6}\] 3 pts/);

    events.keypress('m');
    events.keypress('enter');
    expect(getScreen()).toContain('mark every criterion (1 left)');
    events.keypress('p');
    events.keypress('enter');
    await expect(answer).resolves.toEqual({ quorum: 'met', leader: 'missed', split: 'partly' });
  });

  test('left and right cycle the mark of the current criterion', async () => {
    const { answer, events, getScreen } = await render(checklistInput, { message: 'Q', criteria });
    events.keypress('right');
    expect(getScreen()).toMatch(/❯ \[met {3}\]/);
    events.keypress('right');
    expect(getScreen()).toMatch(/❯ \[partly\]/);
    events.keypress('left');
    events.keypress('left');
    expect(getScreen()).toMatch(/❯ \[missed\]/);
    events.keypress('down');
    events.keypress('left');
    events.keypress('down');
    events.keypress('right');
    events.keypress('enter');
    await expect(answer).resolves.toEqual({ quorum: 'missed', leader: 'missed', split: 'met' });
  });
});

import { render } from '@inquirer/testing';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { checklistInput } from '../../src/ui/prompts/checklist.js';
import { pickInput, pickManyInput, pressEnterInput } from '../../src/ui/prompts/menus.js';
import { choiceInput } from '../../src/ui/prompts/choice.js';
import { indexForLetter, letterFor, wrapIndex } from '../../src/ui/prompts/format.js';

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
    expect(getScreen()).toContain('↑↓ move · m met · p partly · x missed (or ←→) · Enter: submit');

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

describe('Ctrl+D in menu-like prompts', () => {
  test('does nothing in a choice question: the prompt stays open and Enter still answers', async () => {
    const { answer, events, getScreen } = await render(choiceInput, { message: 'Consensus?', options: ['Raft', 'Paxos'], multiple: false });
    expect(getScreen()).toContain('Enter: submit');
    events.keypress(ctrl('d'));
    events.keypress(ctrl('d'));
    events.keypress('down');
    expect(getScreen()).toMatch(/❯ b\) Paxos/);
    events.keypress('enter');
    await expect(answer).resolves.toEqual({ picked: [1], via: 'answered' });
  });

  test('does nothing in the self-grade checklist', async () => {
    const { answer, events } = await render(checklistInput, { message: 'Grade', criteria: [{ id: 'a', criterion: 'Says a', points: 1 }] });
    events.keypress(ctrl('d'));
    events.keypress('m');
    events.keypress(ctrl('d'));
    events.keypress('enter');
    await expect(answer).resolves.toEqual({ a: 'met' });
  });
});

describe('the plain menus (pick one, pick many)', () => {
  const topics = [
    { name: 'caching', value: 'c', description: 'Caches and eviction' },
    { name: 'databases', value: 'd' },
    { name: 'queues', value: 'q' },
  ];

  test('pick one: ↑↓ wrap around, Enter resolves with the value, the description follows the cursor', async () => {
    const { answer, events, getScreen } = await render(pickInput<string>, { message: 'Topic?', options: topics });
    expect(getScreen()).toContain('❯ caching');
    expect(getScreen()).toContain('Caches and eviction');
    events.keypress('up');
    expect(getScreen()).toContain('❯ queues');
    expect(getScreen()).not.toContain('Caches and eviction');
    events.keypress('down');
    events.keypress('down');
    events.keypress('enter');
    await expect(answer).resolves.toBe('d');
    expect(getScreen()).toContain('Topic? databases');
  });

  test('pick many: Space ticks and unticks at the cursor; Enter resolves with the ticked values in list order', async () => {
    const { answer, events, getScreen } = await render(pickManyInput<string>, { message: 'Topics?', options: topics });
    events.keypress('up');
    events.keypress('space');
    events.keypress('down');
    events.keypress('space');
    events.keypress('down');
    events.keypress('space');
    events.keypress('space');
    expect(getScreen()).toMatch(/◉ caching\n.*◯ databases\n.*◉ queues/);
    events.keypress('enter');
    await expect(answer).resolves.toEqual(['c', 'q']);
    expect(getScreen()).toContain('Topics? caching, queues');
  });
});

test('press Enter: the help line shows, arrows and Ctrl+D do nothing, Enter resolves and leaves the message', async () => {
  const { answer, events, getScreen } = await render(pressEnterInput, { message: 'Ready?' });
  expect(getScreen()).toContain('Enter: continue · Ctrl+C: quit');
  events.keypress('down');
  events.keypress({ name: 'd', ctrl: true });
  let settled = false;
  void answer.then(() => (settled = true));
  await new Promise((resolve) => setTimeout(resolve, 20));
  expect(settled).toBe(false);
  events.keypress('enter');
  await expect(answer).resolves.toBeUndefined();
  expect(getScreen()).toContain('Ready?');
  expect(getScreen()).not.toContain('Enter: continue');
});

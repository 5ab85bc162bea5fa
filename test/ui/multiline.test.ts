import { EventEmitter } from 'node:events';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { PromptInterrupt } from '../../src/errors.js';
import { multilineInput, type MultilineConfig } from '../../src/ui/prompts/multiline.js';
import { plainStyle } from '../../src/ui/style.js';

/** A terminal stand-in: raw-mode switches and everything written are recorded. */
function fakeTerminal(columns = 80, rows = 24) {
  const input = Object.assign(new PassThrough(), { isTTY: true, rawModes: [] as boolean[] });
  Object.assign(input, { setRawMode: (mode: boolean) => input.rawModes.push(mode) });
  const output = Object.assign(new EventEmitter(), { columns, rows, written: '', write: (chunk: string) => ((output.written += chunk), true) });
  return { input, output };
}

function open(config: Partial<MultilineConfig> = {}, terminal = fakeTerminal(), signal?: AbortSignal) {
  const answer = multilineInput({ message: 'Explain CAP', ...config }, { input: terminal.input, output: terminal.output, signal, style: plainStyle });
  return { answer, terminal, type: (text: string) => terminal.input.write(text) };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

afterEach(() => {
  vi.useRealTimers();
});

describe('the answer prompt', () => {
  test('types, pastes and submits; the terminal is put back (main screen, cooked mode)', async () => {
    const { answer, terminal, type } = open();
    type('first line\r');
    type('\u001b[200~pasted\r\nlines\u001b[201~');
    type('\u0004');
    await expect(answer).resolves.toEqual({ text: 'first line\npasted\nlines', via: 'typed' });
    expect(terminal.input.rawModes).toEqual([true, false]);
    expect(terminal.output.written).toContain('\u001b[?1049h');
    expect(terminal.output.written.lastIndexOf('\u001b[?1049l')).toBeGreaterThan(terminal.output.written.lastIndexOf('\u001b[?1049h'));
    expect(terminal.output.written).toContain('│ pasted');
  });

  test('a 20,000-character paste is one change: onChange hears it once, the frame is drawn once', async () => {
    const changes: string[] = [];
    const { answer, terminal, type } = open({ initial: 'x'.repeat(10_000), onChange: (text) => changes.push(text) });
    const before = terminal.output.written.length;
    type(`\u001b[200~${'y'.repeat(20_000)}\u001b[201~`);
    await tick();
    expect(changes).toHaveLength(1);
    expect(changes[0]).toHaveLength(30_000);
    // One frame of at most 24 rows, not a copy of the text.
    expect(terminal.output.written.length - before).toBeLessThan(24 * 200);
    type('\u0004');
    expect((await answer).text).toHaveLength(30_000);
  });

  test('starts from a draft with the cursor at its end', async () => {
    const { answer, type } = open({ initial: 'draft\nmore' });
    type(' text\u0004');
    expect((await answer).text).toBe('draft\nmore text');
  });

  test('Ctrl+C rejects with the draft, after putting the terminal back', async () => {
    const changes: string[] = [];
    const { answer, terminal, type } = open({ onChange: (text) => changes.push(text) });
    type('half typed\u0003');
    await expect(answer).rejects.toMatchObject({ name: 'PromptInterrupt', reason: 'SIGINT', draft: 'half typed' });
    // onChange heard the text typed in the same read as Ctrl+C, so the caller can save it.
    expect(changes.at(-1)).toBe('half typed');
    expect(terminal.input.rawModes.at(-1)).toBe(false);
  });

  test('an aborted signal (SIGTERM) rejects with that signal', async () => {
    const controller = new AbortController();
    const { answer, type } = open({}, fakeTerminal(), controller.signal);
    type('abc');
    await tick();
    controller.abort('SIGTERM');
    const error = await answer.catch((failure: unknown) => failure);
    expect(error).toBeInstanceOf(PromptInterrupt);
    expect(error).toMatchObject({ reason: 'SIGTERM', draft: 'abc' });
  });

  test('stdin ending (the terminal window closed) counts as SIGHUP, with the draft', async () => {
    const { answer, terminal, type } = open();
    type('typed before the window closed');
    await tick();
    terminal.input.end();
    await expect(answer).rejects.toMatchObject({ name: 'PromptInterrupt', reason: 'SIGHUP', draft: 'typed before the window closed' });
  });

  test('while the editor runs nothing is written and raw mode is off; the clock keeps counting', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    let headerCalls = 0;
    let finishEditor: (text: string) => void = () => undefined;
    const terminal = fakeTerminal();
    let writtenWhenOpened = -1;
    let rawWhenOpened: boolean | undefined;
    const { answer, type } = open(
      {
        header: () => `calls ${++headerCalls}`,
        editor: () => {
          writtenWhenOpened = terminal.output.written.length;
          rawWhenOpened = terminal.input.rawModes.at(-1);
          return { done: new Promise((resolve) => (finishEditor = resolve)), abort: () => undefined };
        },
      },
      terminal,
    );
    type('from the prompt\u0005');
    await tick();
    const calls = headerCalls;
    vi.advanceTimersByTime(5000);
    expect(terminal.output.written.length).toBe(writtenWhenOpened);
    expect(rawWhenOpened).toBe(false);
    expect(headerCalls).toBe(calls);
    finishEditor('from the editor\n\n');
    await tick();
    await tick();
    expect(terminal.input.rawModes.at(-1)).toBe(true);
    type('\u0004');
    await expect(answer).resolves.toEqual({ text: 'from the editor', via: 'editor' });
  });

  test('a signal while the editor runs ends the editor and keeps what it wrote as the draft, with the terminal restored', async () => {
    const controller = new AbortController();
    const terminal = fakeTerminal();
    let aborted = 0;
    const { answer, type } = open(
      { editor: () => ({ done: new Promise<string>(() => undefined), abort: () => (aborted++, 'before the editor\nwritten in the editor\n') }) },
      terminal,
      controller.signal,
    );
    type('before the editor\u0005');
    await tick();
    const before = terminal.output.written.length;
    controller.abort('SIGTERM');
    await expect(answer).rejects.toMatchObject({ name: 'PromptInterrupt', reason: 'SIGTERM', draft: 'before the editor\nwritten in the editor' });
    expect(aborted).toBe(1);
    expect(terminal.input.rawModes.at(-1)).toBe(false);
    expect(terminal.output.written.slice(before)).toContain('\u001b[?1049l');
  });

  test('a signal while the editor runs, before it wrote anything: the draft is the text from before', async () => {
    const controller = new AbortController();
    const terminal = fakeTerminal();
    const { answer, type } = open({ editor: () => ({ done: new Promise<string>(() => undefined), abort: () => undefined }) }, terminal, controller.signal);
    type('kept\u0005');
    await tick();
    controller.abort('SIGHUP');
    await expect(answer).rejects.toMatchObject({ reason: 'SIGHUP', draft: 'kept' });
  });

  test('the deadline submits what is typed and says so at once', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    let expired = false;
    const { answer, terminal, type } = open({ deadline: () => expired });
    type('so far');
    await tick();
    expired = true;
    vi.advanceTimersByTime(1000);
    await expect(answer).resolves.toEqual({ text: 'so far', via: 'timeout' });
    expect(terminal.output.written).toContain("Time's up");
  });

  test('a resize redraws the whole screen at once, without a key', async () => {
    const { answer, terminal, type } = open({ header: () => 'HEADER' });
    await tick();
    const before = terminal.output.written.length;
    terminal.output.columns = 40;
    terminal.output.emit('resize');
    const redraw = terminal.output.written.slice(before);
    expect(redraw).toContain('\u001b[2J');
    expect(redraw).toContain('HEADER');
    type('\u0004');
    await answer;
  });

  test('idle ticks rewrite only the rows that changed', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    let second = 0;
    const { answer, terminal, type } = open({ header: () => `clock ${second}`, initial: 'long answer '.repeat(200) });
    await tick();
    const before = terminal.output.written.length;
    second = 1;
    vi.advanceTimersByTime(1000);
    const tickOutput = terminal.output.written.slice(before);
    expect(tickOutput).toContain('clock 1');
    expect(tickOutput).not.toContain('long answer');
    type('\u0004');
    await answer;
  });
});

import { StringDecoder } from 'node:string_decoder';

/**
 * What arrives on a raw-mode terminal, turned into edits. A run of printable
 * characters in one read is one `text` event (so a terminal without bracketed
 * paste still inserts a paste in one edit), a bracketed paste (`ESC[200~` …
 * `ESC[201~`, xterm's ctlseqs "Bracketed Paste Mode") is one `paste` event
 * however many reads it spans, and everything else is a named key.
 */
export type KeyEvent = { kind: 'text'; text: string } | { kind: 'paste'; text: string } | { kind: 'key'; name: KeyName };

export type KeyName =
  | 'enter'
  | 'backspace'
  | 'delete'
  | 'left'
  | 'right'
  | 'up'
  | 'down'
  | 'home'
  | 'end'
  | 'pageup'
  | 'pagedown'
  | 'word-left'
  | 'word-right'
  | 'delete-word'
  | 'delete-line-start'
  | 'ctrl-c'
  | 'ctrl-d'
  | 'ctrl-e'
  | 'ctrl-l'
  | 'ctrl-q';

const PASTE_START = '\u001b[200~';
const PASTE_END = '\u001b[201~';

const CONTROL_KEYS: Readonly<Record<string, KeyName>> = {
  '\r': 'enter',
  '\n': 'enter',
  '\u007f': 'backspace',
  '\b': 'backspace',
  '\u0003': 'ctrl-c',
  '\u0004': 'ctrl-d',
  '\u0005': 'ctrl-e',
  '\u0001': 'home',
  '\u0002': 'left',
  '\u0006': 'right',
  '\u000c': 'ctrl-l',
  // Raw mode turns off IXON (libuv clears it), so Ctrl+Q reaches us instead of resuming output.
  '\u0011': 'ctrl-q',
  '\u000e': 'down',
  '\u0010': 'up',
  '\u0015': 'delete-line-start',
  '\u0017': 'delete-word',
};

// Final byte (and parameter) of CSI and SS3 sequences for the keys we handle.
const SEQUENCE_KEYS: Readonly<Record<string, KeyName>> = {
  A: 'up',
  B: 'down',
  C: 'right',
  D: 'left',
  H: 'home',
  F: 'end',
  '1~': 'home',
  '7~': 'home',
  '4~': 'end',
  '8~': 'end',
  '3~': 'delete',
  '5~': 'pageup',
  '6~': 'pagedown',
  '1;5C': 'word-right',
  '1;5D': 'word-left',
  '1;3C': 'word-right',
  '1;3D': 'word-left',
};

// CSI (ESC [ params final), SS3 (ESC O final), or ESC + one character (Alt+key).
const ESCAPE = /^\u001b(?:\[([0-9;?<=>]*)([\u0020-\u002f]*[\u0040-\u007e])|O([\u0040-\u007e])|([\s\S]))/;

const MAX_PENDING = 4096;
const INCOMPLETE = /^\u001b(?:\[[0-9;?<=>]*[\u0020-\u002f]*|O)?$/;

/** Stateful: keeps an unfinished paste or escape sequence until the next read completes it. */
export class KeyReader {
  private readonly decoder = new StringDecoder('utf8');
  private pending = '';
  private paste: string[] | null = null;

  /** Events in `chunk` (bytes or text from the terminal). */
  feed(chunk: Buffer | string): KeyEvent[] {
    const events: KeyEvent[] = [];
    let input = this.pending + (typeof chunk === 'string' ? chunk : this.decoder.write(chunk));
    this.pending = '';
    while (input !== '') {
      if (this.paste) {
        // The end marker may be split across reads: keep its possible start for next time.
        const end = input.indexOf(PASTE_END);
        if (end === -1) {
          const keep = partialSuffix(input, PASTE_END);
          this.paste.push(input.slice(0, input.length - keep));
          this.pending = input.slice(input.length - keep);
          return events;
        }
        this.paste.push(input.slice(0, end));
        events.push({ kind: 'paste', text: this.paste.join('') });
        this.paste = null;
        input = input.slice(end + PASTE_END.length);
        continue;
      }
      const escape = input.indexOf('\u001b');
      const plainEnd = escape === -1 ? input.length : escape;
      if (plainEnd > 0) {
        pushPlain(input.slice(0, plainEnd), events);
        input = input.slice(plainEnd);
        continue;
      }
      if (input.startsWith(PASTE_START)) {
        this.paste = [];
        input = input.slice(PASTE_START.length);
        continue;
      }
      // Control strings (OSC, DCS, APC, PM, SOS: terminal replies, never keys) go whole.
      if (/^\u001b[\]P_^X]/.test(input)) {
        const end = /\u0007|\u001b\\/.exec(input);
        if (!end) {
          // Cut by the read: wait for the rest, but never hold more than a reply could be.
          if (input.length < MAX_PENDING) this.pending = input;
          return events;
        }
        input = input.slice(end.index + end[0].length);
        continue;
      }
      // A lone ESC or a sequence cut by the read: wait for the rest.
      if (INCOMPLETE.test(input)) {
        this.pending = input;
        return events;
      }
      const match = ESCAPE.exec(input);
      if (!match) return events;
      const name = match[1] !== undefined ? SEQUENCE_KEYS[`${match[1]}${match[2]}`] ?? SEQUENCE_KEYS[match[2]!] : match[3] !== undefined ? SEQUENCE_KEYS[match[3]] : altKey(match[4]!);
      if (name) events.push({ kind: 'key', name });
      // Esc pressed on its own, then a letter: the letter was typed (vim habits), not Alt+letter.
      else if (match[4] !== undefined && match[4] >= ' ' && match[4] !== '\u007f') pushPlain(match[4], events);
      input = input.slice(match[0].length);
    }
    return events;
  }
}

function altKey(character: string): KeyName | undefined {
  if (character === '\u007f' || character === '\b') return 'delete-word';
  if (character === 'b') return 'word-left';
  if (character === 'f') return 'word-right';
  return undefined;
}

/** Splits plain input into text runs and control keys; CR LF from a paste is one Enter. */
function pushPlain(plain: string, events: KeyEvent[]): void {
  let run = '';
  for (let index = 0; index < plain.length; index += 1) {
    const character = plain[index]!;
    const code = character.charCodeAt(0);
    if (code >= 0x20 && code !== 0x7f && !(code >= 0x80 && code < 0xa0)) {
      run += character;
      continue;
    }
    if (character === '\t') {
      run += character;
      continue;
    }
    if (run !== '') events.push({ kind: 'text', text: run });
    run = '';
    if (character === '\r' && plain[index + 1] === '\n') index += 1;
    const name = CONTROL_KEYS[character];
    if (name) events.push({ kind: 'key', name });
  }
  if (run !== '') events.push({ kind: 'text', text: run });
}

/** How many characters at the end of `text` could begin `marker`. */
function partialSuffix(text: string, marker: string): number {
  for (let length = Math.min(marker.length - 1, text.length); length > 0; length -= 1) {
    if (marker.startsWith(text.slice(text.length - length))) return length;
  }
  return 0;
}

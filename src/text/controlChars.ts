/**
 * The one sanitiser for text we did not write (topic files, answers, model
 * replies, server error messages, imported files) before it reaches a terminal.
 * An escape sequence could retitle the terminal (OSC 0/2), write the clipboard
 * (OSC 52), hide a link (OSC 8), clear the screen (CSI 2J) or switch to the
 * alternate screen (CSI ?1049h), so whole sequences are removed, not just their
 * ESC byte: CSI, OSC, DCS, SOS, PM and APC strings (7-bit and C1 forms, ended by
 * BEL or ST, or unterminated to the end of the text), two-byte ESC sequences,
 * then every remaining C0 and C1 control except tab and line feed, and the
 * bidirectional embedding, override and isolate characters (U+202A–U+202E,
 * U+2066–U+2069): they reorder what follows on the line, so text can show one
 * thing and say another ("Trojan Source", CVE-2021-42574). Zero-width joiners
 * and variation selectors stay: emoji are built from them.
 * Sequence grammar: ECMA-48 §5.4 (CSI), §8.3.89 (OSC), §5.6 (control strings);
 * bidi controls: Unicode UAX #9 §2.
 */
const SEQUENCE = new RegExp(
  [
    // CSI: parameters, intermediates, final byte (a missing final is dropped with the rest).
    '(?:\\u001b\\[|\\u009b)[\\u0030-\\u003f]*[\\u0020-\\u002f]*[\\u0040-\\u007e]?',
    // Control strings: OSC, DCS, SOS, PM, APC up to BEL or ST, or to the end of the text.
    '(?:\\u001b[\\]PX^_]|[\\u0090\\u0098\\u009d-\\u009f])[\\s\\S]*?(?:\\u0007|\\u001b\\\\|\\u009c|$)',
    // Other escape sequences: ESC, intermediates, final (ESC c, ESC ( B, ESC 7, …).
    '\\u001b[\\u0020-\\u002f]*[\\u0030-\\u007e]?',
  ].join('|'),
  'g',
);
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** `text` without escape sequences, control characters or bidi overrides/isolates; `\n` and `\t` stay, `\r\n` becomes `\n`. */
export function stripControl(text: string): string {
  // Every sequence starts with ESC or a C1 control, both in CONTROL: clean text (nearly all of it) is returned as is.
  if (!ANY_CONTROL.test(text)) return text;
  return text.replace(SEQUENCE, '').replace(CONTROL, '');
}
const ANY_CONTROL = new RegExp(CONTROL.source);

/** True when `text` holds anything stripControl would remove (lint warns about it in topic files). */
export function hasControl(text: string): boolean {
  return stripControl(text) !== text;
}

/** A copy of a JSON-like value with every string passed through stripControl. */
export function stripControlDeep<T>(value: T): T {
  if (typeof value === 'string') return stripControl(value) as T;
  if (Array.isArray(value)) return value.map((item) => stripControlDeep(item)) as T;
  if (value !== null && typeof value === 'object') {
    // A plain loop, not Object.entries/fromEntries: importing 50,000 sessions summarises each one through here.
    const source = value as Record<string, unknown>;
    const copy: Record<string, unknown> = {};
    for (const key of Object.keys(source)) {
      const item = stripControlDeep(source[key]);
      // An own "__proto__" key (JSON.parse makes one) stays data, never the prototype.
      if (key === '__proto__') Object.defineProperty(copy, key, { value: item, writable: true, enumerable: true, configurable: true });
      else copy[key] = item;
    }
    return copy as T;
  }
  return value;
}

const SHOWN_CONTROL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
const NAMED_ESCAPES: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * A path or file name fit for a message: every control character, line feed and tab
 * included, is shown escaped — `\n`, `\r`, `\t`, `\xHH` for other C0/C1 controls and
 * DEL (ESC is `\x1b`), `\uHHHH` for bidi controls — so the name stays on one line and
 * no escape sequence reaches the terminal, yet the reader sees the name had one.
 * A backslash is left as is, so escaping twice changes nothing.
 */
export function escapeControl(text: string): string {
  if (!new RegExp(SHOWN_CONTROL.source).test(text)) return text;
  return text.replace(SHOWN_CONTROL, (char) => {
    const code = char.charCodeAt(0);
    return NAMED_ESCAPES[char] ?? (code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`);
  });
}

import { isUtf8 } from 'node:buffer';

/**
 * Byte offset of the first malformed UTF-8 sequence, or -1. TextDecoder's fatal
 * mode says only *that* the input is invalid; a located error needs *where*.
 */
export function findInvalidUtf8(bytes: Uint8Array): number {
  let index = 0;
  while (index < bytes.length) {
    const lead = bytes[index]!;
    if (lead < 0x80) {
      index += 1;
      continue;
    }
    let length: number;
    let min: number;
    if (lead >= 0xc2 && lead <= 0xdf) [length, min] = [2, 0x80];
    else if (lead >= 0xe0 && lead <= 0xef) [length, min] = [3, 0x800];
    else if (lead >= 0xf0 && lead <= 0xf4) [length, min] = [4, 0x10000];
    else return index;
    if (index + length > bytes.length) return index;
    let codePoint = lead & (0xff >> (length + 1));
    for (let k = 1; k < length; k += 1) {
      const next = bytes[index + k]!;
      if ((next & 0xc0) !== 0x80) return index;
      codePoint = (codePoint << 6) | (next & 0x3f);
    }
    if (codePoint < min || codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff)) return index;
    index += length;
  }
  return -1;
}

/** Line and column (1-based, column counted in characters) of a byte offset in valid-prefix UTF-8; lines end as normalizeLineBreaks says. */
export function bytePosition(bytes: Uint8Array, offset: number): { line: number; col: number } {
  const prefix = normalizeLineBreaks(new TextDecoder().decode(bytes.subarray(0, offset)));
  const lastNewline = prefix.lastIndexOf('\n');
  const line = prefix.split('\n').length;
  return { line, col: [...prefix.slice(lastNewline + 1)].length + 1 };
}

/**
 * YAML 1.2 §5.4: a line break is CR LF, CR or LF, and each is read as one LF;
 * a CR is never content. `yaml` counts the CR of a CR LF as a character of the
 * line (so a 1023-character key after a CR LF line passed its 1024 limit) and
 * does not break lines at a lone CR. Normalising first gives a CR LF or CR file
 * the value and verdict of its LF twin; line numbers stay exact (one break is
 * one break) and so do columns (a CR LF's CR ends its line). Costs one scan
 * when the text holds no CR.
 */
export function normalizeLineBreaks(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}

/**
 * The text of a file, or a located problem at its first malformed byte. The
 * native check is ~20x faster; the JS scanner runs only to locate a bad byte.
 * A byte-order mark is dropped, and line breaks are normalised to LF
 * (normalizeLineBreaks), as YAML reads them. Latin-1 or Windows-1252 files land here too:
 * they are reported, never read as U+FFFD.
 */
export function decodeUtf8(bytes: Uint8Array): { text: string } | { line: number; col: number; message: string } {
  const invalidAt = isUtf8(bytes) ? -1 : findInvalidUtf8(bytes);
  if (invalidAt === -1) return { text: normalizeLineBreaks(new TextDecoder().decode(bytes)) };
  const { line, col } = bytePosition(bytes, invalidAt);
  return { line, col, message: `file is not valid UTF-8 (byte 0x${bytes[invalidAt]!.toString(16).padStart(2, '0')} at offset ${invalidAt}); save it as UTF-8` };
}

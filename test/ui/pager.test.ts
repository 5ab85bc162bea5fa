import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { pagerCommand, writePaged } from '../../src/ui/pager.js';

const LONG = Array.from({ length: 100 }, (_, index) => `line ${index}`).join('\n') + '\n';

function stream(isTTY: boolean) {
  let written = '';
  return { stream: { isTTY, rows: 24, write: (chunk: string) => (written += chunk) }, written: () => written };
}

describe('long output goes through a pager, as git does', () => {
  test.each([
    [{}, 'less -FRX'],
    [{ PAGER: 'more' }, 'more'],
    [{ PAGER: 'more', COACH_PAGER: 'less -S' }, 'less -S'],
    [{ PAGER: '' }, null],
    [{ PAGER: 'cat' }, null],
  ])('%j chooses %s', (env, expected) => {
    expect(pagerCommand(env)).toBe(expected);
  });

  test('not a terminal: written straight out, never paged', async () => {
    const out = stream(false);
    await writePaged(LONG, { stdout: out.stream, env: { PAGER: 'false' }, json: false });
    expect(out.written()).toBe(LONG);
  });

  test('shorter than the screen: written straight out', async () => {
    const out = stream(true);
    await writePaged('short\n', { stdout: out.stream, env: { PAGER: 'false' }, json: false });
    expect(out.written()).toBe('short\n');
  });

  test('a terminal and a long text: the pager gets all of it, and nothing is written twice', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'coach-pager-')), 'paged.txt');
    const out = stream(true);
    await writePaged(LONG, { stdout: out.stream, env: { PAGER: `cat > '${file}'`, PATH: process.env.PATH }, json: false });
    expect(readFileSync(file, 'utf8')).toBe(LONG);
    expect(out.written()).toBe('');
  });

  test('a pager that cannot start: the text is written instead', async () => {
    const out = stream(true);
    await writePaged(LONG, { stdout: out.stream, env: { PAGER: 'no-such-pager-here', PATH: process.env.PATH }, json: false });
    expect(out.written()).toBe(LONG);
  });
});

import { describe, expect, test } from 'vitest';
import { escapeControl } from '../../src/text/controlChars.js';
import { displayPath } from '../../src/topics/files.js';
import { formatProblem } from '../../src/topics/problems.js';

describe('escapeControl: a path or file name stays one visible line', () => {
  test('line feed, carriage return, tab, ESC, BEL, DEL, C1 and bidi controls are shown escaped', () => {
    expect(escapeControl('n\nl\r\t.yaml')).toBe('n\\nl\\r\\t.yaml');
    expect(escapeControl('x\u001b]0;T\u0007.json')).toBe('x\\x1b]0;T\\x07.json');
    expect(escapeControl('a\u007f\u009b\u202eb')).toBe('a\\x7f\\x9b\\u202eb');
  });

  test('clean names (non-ASCII and backslashes included) are unchanged, and escaping twice changes nothing', () => {
    for (const name of ['topics/caching.yaml', 'café ✓ 日本.yaml', 'a\\nb.json']) expect(escapeControl(name)).toBe(name);
    const once = escapeControl('d/\u001b[2Jx\ny');
    expect(escapeControl(once)).toBe(once);
  });

  test('displayPath and formatProblem escape the name they show', () => {
    expect(displayPath('/w/d/n\nl.yaml', '/w')).toBe('d/n\\nl.yaml');
    expect(displayPath('/elsewhere/\u001b]0;T\u0007', '/w')).toBe('/elsewhere/\\x1b]0;T\\x07');
    const line = formatProblem({ file: 'd/n\nl.yaml', line: 1, col: 1, message: 'title: required field is missing' });
    expect(line).toBe('d/n\\nl.yaml:1:1  title: required field is missing');
  });
});

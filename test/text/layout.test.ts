import { describe, expect, test } from 'vitest';
import { blocks, displayWidth, firstSentence, hang, reflow, truncate, wrapLines, wrapText } from '../../src/text/layout.js';

describe('reflow joins soft line breaks and keeps structure', () => {
  test.each([
    ['soft breaks inside a paragraph are joined', 'Handles 200,000 increments/s at\npeak, shown on\neach video page.', 'Handles 200,000 increments/s at peak, shown on each video page.'],
    ['a blank line separates paragraphs', 'One\ntwo.\n\nThree\nfour.', 'One two.\n\nThree four.'],
    ['several blank lines become one', 'One.\n\n\n\nTwo.', 'One.\n\nTwo.'],
    ['list items stay, their continuation lines join the item', 'Steps:\n- write the\n  database\n- delete the key\n1. first\n   point\n2) second', 'Steps:\n- write the database\n- delete the key\n1. first point\n2) second'],
    ['nested list items keep their indentation', '- outer\n  - inner\n    wraps here', '- outer\n  - inner wraps here'],
    ['fenced blocks are verbatim', 'Run:\n```\nSET k v\n  NX PX 30000\n```\nthen\nwait.', 'Run:\n```\nSET k v\n  NX PX 30000\n```\nthen wait.'],
    ['tilde fences too', '~~~\na\n b\n~~~', '~~~\na\n b\n~~~'],
    ['indented blocks are verbatim', 'Example:\n\n    GET /a\n    GET /b\n\nDone\nnow.', 'Example:\n\n    GET /a\n    GET /b\n\nDone now.'],
    ['headings and table rows stand alone', '# Title\ntext\nmore\n| a | b |\n| 1 | 2 |', '# Title\ntext more\n| a | b |\n| 1 | 2 |'],
    ['CRLF and CR line endings', 'a\r\nb\rc', 'a b c'],
    ['leading and trailing blank lines go', '\n\n  \nText.\n\n', 'Text.'],
  ])('%s', (_name, source, expected) => {
    expect(reflow(source)).toBe(expected);
  });

  test('blocks name what each run of lines is', () => {
    expect(blocks('p\nq\n\n- i\n\n    code').map((block) => block.kind)).toEqual(['paragraph', 'blank', 'item', 'blank', 'verbatim']);
  });
});

describe('wrapping by display width', () => {
  test.each([
    ['plain prose', 'the quick brown fox jumps over the lazy dog', 15, ['the quick brown', 'fox jumps over', 'the lazy dog']],
    ['a word longer than the line is the only one broken', 'a supercalifragilistic word', 10, ['a', 'supercalif', 'ragilistic', 'word']],
    ['list items hang', '- one two three four five six', 14, ['- one two', '  three four', '  five six']],
    ['numbered items hang under their text', '10. alpha beta gamma', 12, ['10. alpha', '    beta', '    gamma']],
    ['CJK counts two columns', '漢字漢字 漢字漢字 漢字', 10, ['漢字漢字', '漢字漢字', '漢字']],
    ['emoji counts two columns', '🙂🙂🙂 🙂🙂', 7, ['🙂🙂🙂', '🙂🙂']],
    ['verbatim lines that fit are untouched', '```\n  x  y\n```', 20, ['```', '  x  y', '```']],
  ])('%s', (_name, text, width, expected) => {
    const lines = wrapText(text, width);
    expect(lines).toEqual(expected);
    for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(width);
  });

  test('no line is wider than the width and no word is broken on real topic prose', () => {
    const prose = 'Counting views\nfor a viral video at 200,000 increments/s at\npeak, shown on\neach video page within a few seconds.\n\n- shard the counter\n  across N keys\n- sum on read';
    for (const width of [20, 37, 60, 80]) {
      const lines = wrapText(prose, width);
      for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(width);
      const words = prose.split(/\s+/).filter((word) => !['-'].includes(word));
      const outWords = lines.join(' ').split(/\s+/);
      for (const word of words) expect(outWords).toContain(word);
    }
  });

  test('hang indents continuation lines to the visible prefix width, even with colour codes', () => {
    const lines = hang('\u001b[31m  ✔\u001b[39m a) ', 'random heap pages are slow to read', 20);
    expect(lines[0]!.startsWith('\u001b[31m  ✔\u001b[39m a) ')).toBe(true);
    for (const line of lines.slice(1)) expect(line.startsWith('       ')).toBe(true);
    expect(lines.join(' ')).toContain('heap');
    for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(20);
  });

  test('user text keeps its own line breaks', () => {
    expect(wrapLines('line one\nline two is long', 8)).toEqual(['line one', 'line two', 'is long']);
  });
});

describe('truncation', () => {
  test.each([
    ['short text is untouched', 'Caching', 10, 'Caching'],
    ['cut at a word boundary with an ellipsis', 'Distributed cache design overview', 20, 'Distributed cache…'],
    ['wide characters are measured as two', '漢字漢字漢字', 7, '漢字漢…'],
    ['width 1 is just the ellipsis', 'abc', 1, '…'],
  ])('%s', (_name, text, width, expected) => {
    expect(truncate(text, width)).toBe(expected);
    expect(displayWidth(truncate(text, width))).toBeLessThanOrEqual(width);
  });

  test('firstSentence gives a title from a prompt', () => {
    expect(firstSentence('Design a URL shortener\nlike bit.ly. It must handle 100M links.', 60)).toBe('Design a URL shortener like bit.ly.');
  });
});

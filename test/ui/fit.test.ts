import fc from 'fast-check';
import stringWidth from 'string-width';
import { expect, test } from 'vitest';
import { fitMenu } from '../../src/ui/prompts/fit.js';

const dim = (text: string) => text;

test('a menu screen never has more rows than the terminal less one, nor a row as wide as it, and shows the focused item', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 2, max: 120 }),
      fc.integer({ min: 2, max: 60 }),
      fc.array(fc.string({ unit: fc.constantFrom('a', 'b', ' ', '界', '👩‍💻', '\n'), maxLength: 300 }), { minLength: 1, maxLength: 8 }),
      fc.nat(),
      (columns, rows, items, pick) => {
        const focus = pick % items.length;
        const labelled = items.map((item, index) => `ITEM${index} ${item}`);
        const { content, bottom } = fitMenu({ header: 'Question 1/1 · header', message: 'Q '.repeat(200), items: labelled, focus, bottom: ['hint'] }, { columns, rows }, dim);
        const lines = [...content.split('\n'), ...(bottom === '' ? [] : bottom.split('\n'))];
        expect(lines.length).toBeLessThanOrEqual(Math.max(1, rows - 1));
        for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(Math.max(2, columns - 1));
        if (rows >= 6 && columns >= 20) {
          expect(lines[0]).toContain('Question');
          expect(content).toContain(`ITEM${focus}`);
        }
      },
    ),
    { numRuns: 300 },
  );
});

test('an unknown size is not the prompt’s business: fitMenu is given 80×24 by sizeOf', async () => {
  const { sizeOf } = await import('../../src/ui/prompts/fit.js');
  expect(sizeOf({ columns: 0, rows: 0 })).toEqual({ columns: 80, rows: 24 });
  expect(sizeOf({})).toEqual({ columns: 80, rows: 24 });
});

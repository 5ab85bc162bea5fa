import { describe, expect, test } from 'vitest';
import { displayWidth } from '../../src/text/layout.js';
import { renderTable, type Column } from '../../src/ui/table.js';

interface Row {
  id: string;
  title: string;
  n: number;
  source: string;
}

const rows: Row[] = [
  { id: 'caching', title: 'Caching Strategies for read-heavy services at scale', n: 11, source: 'bundled' },
  { id: 'cjk', title: '分散キャッシュの設計と運用について', n: 3, source: '/home/me/topics/cjk.yaml' },
  { id: 'emoji', title: 'Rate limits 🚦🚦 and queues 📨', n: 7, source: 'bundled' },
];
const columns: Column<Row>[] = [
  { header: 'ID', cell: (row) => row.id },
  { header: 'TITLE', cell: (row) => row.title, shrink: true },
  { header: 'N', cell: (row) => String(row.n), align: 'right' },
  { header: 'SOURCE', cell: (row) => row.source, shrink: true, optional: true },
];

describe('tables fit the width', () => {
  test.each([120, 80, 60, 40])('every line within %i columns, ids and numbers whole', (width) => {
    const lines = renderTable(rows, columns, undefined, width).trimEnd().split('\n');
    for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(width);
    for (const row of rows) expect(lines.some((line) => line.startsWith(row.id) && line.includes(` ${row.n}`))).toBe(true);
  });

  test('a wide enough table is untouched', () => {
    const out = renderTable(rows, columns, undefined, 200);
    for (const row of rows) expect(out).toContain(row.title);
    expect(out).not.toContain('…');
  });

  test('the widest free-text column is cut first, with an ellipsis', () => {
    const out = renderTable(rows, columns, undefined, 80);
    expect(out).toContain('…');
    expect(out).toContain('bundled');
    expect(out.split('\n')[0]).toMatch(/^ID\s+TITLE\s+N\s+SOURCE$/);
  });

  test('optional columns go before free text becomes unreadable', () => {
    const out = renderTable(rows, columns, undefined, 50);
    expect(out.split('\n')[0]).toMatch(/^ID\s+TITLE\s+N$/);
  });

  test('columns align by display width with CJK and emoji', () => {
    // N is right-aligned and last: every line ends in the same display column when widths are measured right.
    const lines = renderTable(rows, columns.slice(0, 3), undefined, 200).trimEnd().split('\n');
    const nAt = lines.map((line) => displayWidth(line));
    expect(new Set(nAt).size).toBe(1);
  });
});

test('cells holding escape sequences or control characters are drawn without them, and still line up', () => {
  const rows = [
    { id: 'a\u001b[2Jb', title: 'clean' },
    { id: 'cd', title: 'x\u001b]0;pwned\u0007y\u202ez' },
  ];
  const out = renderTable(rows, [
    { header: 'ID', cell: (row) => row.id },
    { header: 'TITLE', cell: (row) => row.title },
  ]);
  expect(out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
  expect(out.split('\n').slice(0, 3)).toEqual(['ID  TITLE', 'ab  clean', 'cd  xyz']);
});

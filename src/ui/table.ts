/**
 * A plain column table. Cells are measured unstyled and styled after padding, so
 * colour codes never break the alignment.
 */
export interface Column<Row> {
  header: string;
  cell: (row: Row) => string;
  align?: 'left' | 'right';
  style?: (padded: string, row: Row) => string;
}

export function renderTable<Row>(rows: readonly Row[], columns: readonly Column<Row>[], headerStyle: (text: string) => string = (text) => text): string {
  const cells = rows.map((row) => columns.map((column) => column.cell(row)));
  const widths = columns.map((column, index) => Math.max(column.header.length, ...cells.map((row) => displayWidth(row[index]!))));
  const pad = (text: string, index: number) => {
    const fill = ' '.repeat(widths[index]! - displayWidth(text));
    return columns[index]!.align === 'right' ? fill + text : text + fill;
  };
  const header = columns.map((column, index) => headerStyle(pad(column.header, index))).join('  ');
  const lines = cells.map((row, rowIndex) =>
    row
      .map((text, index) => {
        const padded = pad(text, index);
        const style = columns[index]!.style;
        return style ? style(padded, rows[rowIndex]!) : padded;
      })
      .join('  ')
      .trimEnd(),
  );
  return [header.trimEnd(), ...lines].join('\n') + '\n';
}

function displayWidth(text: string): number {
  return [...text].length;
}

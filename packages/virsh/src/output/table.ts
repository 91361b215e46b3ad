/**
 * virsh 9's vshTable: every cell is " " + text padded to its column's widest cell,
 * columns joined by two spaces, the last column unpadded; the dash line is
 * the sum of (width + 3) over the columns.
 */
export function formatTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, col) => Math.max(h.length, ...rows.map((r) => (r[col] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, col) => (col === cells.length - 1 ? ` ${cell}` : ` ${cell.padEnd(widths[col] ?? 0)}`))
      .join('  ');
  const dashes = '-'.repeat(widths.reduce((sum, w) => sum + w + 3, 0));
  return [line(header), dashes, ...rows.map(line)].map((l) => `${l}\n`).join('');
}

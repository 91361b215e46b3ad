/**
 * virsh 9's vshTable: every cell is " " + text padded to its column's widest cell,
 * columns joined by two spaces, the last column unpadded; the dash line is the sum
 * of (width + 3) over the columns. `quiet` leaves out the header and the dashes.
 */
export function formatTable(header: string[], rawRows: string[][], quiet = false): string {
  const rows = rawRows.map((row) => row.map(safeCell));
  // Quiet mode prints no header, so the header does not widen the columns either.
  const widths = header.map((h, col) => rows.reduce((w, r) => Math.max(w, (r[col] ?? '').length), quiet ? 0 : h.length));
  const last = header.length - 1;
  const line = (cells: string[]) => {
    let text = '';
    for (let col = 0; col < cells.length; col++) {
      const cell = cells[col] as string;
      text += col === last ? ` ${cell}` : ` ${cell.padEnd(widths[col] ?? 0)}  `;
    }
    return `${text}\n`;
  };
  let out = '';
  if (!quiet) out += line(header) + '-'.repeat(widths.reduce((sum, w) => sum + w + 3, 0)) + '\n';
  for (const row of rows) out += line(row);
  return out;
}

/** vshTableSafeEncode: a control character in a cell is written as `\\xHH`, so one row stays one line. */
function safeCell(text: string): string {
  return text.replace(/[\x00-\x1f\x7f]/g, (ch) => `\\x${ch.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

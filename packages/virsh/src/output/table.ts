/**
 * virsh 9's vshTable: every cell is " " + text padded to its column's widest cell,
 * columns joined by two spaces, the last column unpadded; the dash line is the sum
 * of (width + 3) over the columns. `quiet` leaves out the header and the dashes.
 */
export function formatTable(header: string[], rawRows: string[][], quiet = false): string {
  // Plain loops: a script may print thousands of small tables, and closures per cell cost more than the text.
  const rows: string[][] = [];
  for (const row of rawRows) {
    const cells: string[] = [];
    for (const cell of row) cells.push(safeCell(cell));
    rows.push(cells);
  }
  // Quiet mode prints no header, so the header does not widen the columns either.
  const widths: number[] = [];
  for (let col = 0; col < header.length; col++) {
    let width = quiet ? 0 : (header[col] as string).length;
    for (const row of rows) width = Math.max(width, (row[col] ?? '').length);
    widths.push(width);
  }
  let out = '';
  if (!quiet) {
    out += tableLine(header, widths);
    let dashes = 0;
    for (const width of widths) dashes += width + 3;
    out += `${'-'.repeat(dashes)}\n`;
  }
  for (const row of rows) out += tableLine(row, widths);
  return out;
}

/** One row: each cell after a space, padded but the last, columns two spaces apart. */
function tableLine(cells: string[], widths: number[]): string {
  const last = widths.length - 1;
  let text = '';
  for (let col = 0; col < cells.length; col++) {
    const cell = cells[col] as string;
    text += col === last ? ` ${cell}` : ` ${cell.padEnd(widths[col] ?? 0)}  `;
  }
  return `${text}\n`;
}

const CONTROL_CHARACTER = /[\x00-\x1f\x7f]/;

/** vshTableSafeEncode: a control character in a cell is written as `\\xHH`, so one row stays one line. */
function safeCell(text: string): string {
  if (!CONTROL_CHARACTER.test(text)) return text;
  return text.replace(/[\x00-\x1f\x7f]/g, (ch) => `\\x${ch.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

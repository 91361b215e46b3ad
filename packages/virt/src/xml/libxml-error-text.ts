/** Where libxml2's cursor stood when it failed, and the part of the input its buffer held. */
export interface LibxmlCursor {
  /** 1-based line libxml2 reports. */
  line: number;
  /** String index of the cursor. */
  offset: number;
  /** String index where libxml2's input buffer starts (0 unless it shrank while reading a file). */
  base?: number;
  /** String index where the buffer's data ends (the input's end, unless a file is read in chunks). */
  bufferEnd?: number;
}

/**
 * libvirt's catchXMLError text for a libxml2 error: `<url>:<line>: <message>`, then the line the
 * cursor is on (trailing line ends skipped; "(null)" when empty; cut at the buffer's start, and at
 * its end or a NUL) and a pointer of dashes (tabs kept) up to the cursor.
 */
export function formatLibxmlError(url: string, message: string, cursor: LibxmlCursor, text: string): string {
  const base = cursor.base ?? 0;
  const nul = text.indexOf('\0', base);
  const end = Math.min(cursor.bufferEnd ?? text.length, nul < 0 ? text.length : nul);
  const isLineEnd = (at: number) => text[at] === '\n' || text[at] === '\r';
  let cur = cursor.offset;
  while (cur > base && isLineEnd(cur)) cur--;
  while (cur > base && !isLineEnd(cur)) cur--;
  if (isLineEnd(cur)) cur++;
  let lineEnd = cur;
  while (lineEnd < end && !isLineEnd(lineEnd)) lineEnd++;
  // libvirt prints the C NULL of an empty context buffer as "(null)".
  const context = lineEnd > cur ? text.slice(cur, lineEnd) : '(null)';

  let lineStart = cursor.offset;
  while (lineStart > base && !isLineEnd(lineStart)) lineStart--;
  if (isLineEnd(lineStart)) lineStart++;
  const pointer = text.slice(lineStart, Math.max(lineStart, cursor.offset)).replace(/[^\t]/g, '-');
  return `${url}:${cursor.line}: ${message}\n${context}\n${pointer}^`;
}

import type { LibxmlCursor } from './libxml-error-text.js';

/** libxml2 2.9 reads a file MINLEN (4000) bytes at a time, and keeps LINE_LEN (80) bytes behind its cursor. */
const READ_SIZE = 4000;
const KEPT_BEHIND = 80;

/**
 * Where libxml2 2.9 stands when a text run read from a file passes its `limit` (XML_MAX_TEXT_LENGTH):
 * the text reaches the SAX handler chunk by chunk, each ending where the data read so far ends (a
 * multiple of 4000 bytes) or where the run ends; the first chunk that takes the text node past the
 * limit is refused ("xmlSAX2Characters: huge text node"), which stops the parse with the cursor at
 * that chunk's start and the line counted to its end, and libxml2 then reports "Extra content at
 * the end of the document" there. Exact for a run of ASCII text without `]` or CR (libxml2 hands
 * other characters over in smaller pieces). `passedAt` is where the run passes the limit.
 */
export function hugeTextCursor(text: string, passedAt: number, limit: number): LibxmlCursor {
  const runStart = passedAt - limit;
  const lt = text.indexOf('<', passedAt);
  const amp = text.indexOf('&', passedAt);
  const runEnd = Math.min(lt < 0 ? text.length : lt, amp < 0 ? text.length : amp);
  const startByte = Buffer.byteLength(text.slice(0, runStart));
  const atByte = (byte: number) => runStart + (byte - startByte);
  const endByte = startByte + (runEnd - runStart);
  const chunkEnd = Math.min(endByte, (Math.floor((startByte + limit) / READ_SIZE) + 1) * READ_SIZE);
  const chunkStart = Math.floor((chunkEnd - 1) / READ_SIZE) * READ_SIZE;
  let line = 1;
  const lineEnd = atByte(chunkEnd);
  for (let at = text.indexOf('\n'); at >= 0 && at < lineEnd; at = text.indexOf('\n', at + 1)) line++;
  const offset = atByte(chunkStart);
  return { line, offset, base: Math.max(0, offset - KEPT_BEHIND), bufferEnd: atByte(chunkStart + READ_SIZE) };
}

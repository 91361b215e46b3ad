import { decodeXmlBytes } from '@libvirt-ts/xml-format';
import { readFilePrefix } from './bounded-read.js';
import { systemError, testError } from './test-errors.js';

/** The test driver's save-file layout: this magic (with its NUL, 15 bytes), u32 LE length, domain XML. */
export const TEST_SAVE_MAGIC = 'TestGuestMagic\0';
const MAGIC_BYTES = new TextEncoder().encode(TEST_SAVE_MAGIC);
/** libvirt refuses save files whose XML is longer than this. */
export const MAX_SAVED_XML = 8192;

/** The bytes of a save file holding `xml`. */
export function encodeSaveImage(xml: string): Uint8Array {
  const body = new TextEncoder().encode(xml);
  const out = new Uint8Array(MAGIC_BYTES.length + 4 + body.length);
  out.set(MAGIC_BYTES, 0);
  new DataView(out.buffer).setUint32(MAGIC_BYTES.length, body.length, true);
  out.set(body, MAGIC_BYTES.length + 4);
  return out;
}

/**
 * The domain XML of a save file, with libvirt 9's errors for a bad one: a short header, a wrong
 * magic, a short or out-of-range length, a short body (a short read is a system error with
 * errno 0, which libvirt prints as ": Success"). `path` is only for the messages.
 */
export function decodeSaveImage(bytes: Uint8Array, path: string): string {
  if (bytes.length < MAGIC_BYTES.length) throw systemError(`incomplete save header in '${path}'`);
  if (!MAGIC_BYTES.every((b, i) => bytes[i] === b)) throw testError('INTERNAL_ERROR', 'mismatched header magic');
  if (bytes.length < MAGIC_BYTES.length + 4) throw systemError(`failed to read metadata length in '${path}'`);
  const length = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(MAGIC_BYTES.length, true);
  if (length < 1 || length > MAX_SAVED_XML) throw testError('INTERNAL_ERROR', 'length of metadata out of range');
  const start = MAGIC_BYTES.length + 4;
  if (bytes.length < start + length) throw systemError(`incomplete metadata in '${path}'`);
  return decodeXmlBytes(bytes.subarray(start, start + length));
}


/**
 * The domain XML of the save file at `path`: its header, then at most the XML the header
 * announces (never more than MAX_SAVED_XML bytes), as libvirt reads it.
 */
export async function readSaveImage(path: string): Promise<string> {
  const headerBytes = MAGIC_BYTES.length + 4;
  let bytes: Uint8Array;
  try {
    bytes = await readFilePrefix(path, headerBytes + MAX_SAVED_XML);
  } catch (error) {
    const err = error as NodeJS.ErrnoException & { stage?: string };
    // A directory opens in C; its first read fails, so libvirt reports the header.
    throw systemError(err.stage === 'read' ? `incomplete save header in '${path}'` : `cannot read domain image '${path}'`, err);
  }
  return decodeSaveImage(bytes, path);
}

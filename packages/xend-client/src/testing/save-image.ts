import { parseSexpr, printSexpr, type SExpr } from '@libvirt-ts/sexpr';

/**
 * The file `op=save` writes, laid out as xend's XendCheckpoint: the signature
 * "LinuxGuestRecord", the config's length as a big-endian 32-bit integer, the `(vm ...)`
 * config, then the guest's memory (here a short marker standing in for the pages).
 */
const SIGNATURE = 'LinuxGuestRecord';
const MEMORY_MARKER = '\nfake-xend memory image\n';

export function encodeSaveImage(config: SExpr): Uint8Array {
  const text = Buffer.from(printSexpr(config), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(text.length);
  return Buffer.concat([Buffer.from(SIGNATURE, 'latin1'), length, text, Buffer.from(MEMORY_MARKER, 'latin1')]);
}

/** The config kept in a save image; throws an Error worded as xend's when the file is not one. */
export function decodeSaveImage(bytes: Uint8Array): SExpr {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const signature = buffer.subarray(0, SIGNATURE.length).toString('latin1');
  if (signature !== SIGNATURE) throw new Error(`not a valid guest state file: found '${signature}'`);
  const start = SIGNATURE.length + 4;
  if (buffer.length < start) throw new Error('not a valid guest state file: truncated header');
  const length = buffer.readUInt32BE(SIGNATURE.length);
  if (buffer.length < start + length) throw new Error('not a valid guest state file: truncated config');
  return parseSexpr(buffer.subarray(start, start + length).toString('utf8'));
}

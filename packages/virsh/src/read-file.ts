import { closeSync, openSync, readSync } from 'node:fs';
import { decodeXmlBytes } from '@libvirt-ts/xml-format';
import { VirshError } from './errors.js';

/** strerror() texts for the errors a user meets reading a file. */
const ERRNO_TEXT: Record<string, string> = {
  ENOENT: 'No such file or directory',
  EACCES: 'Permission denied',
  EPERM: 'Operation not permitted',
  EISDIR: 'Is a directory',
  ENOTDIR: 'Not a directory',
  ELOOP: 'Too many levels of symbolic links',
  ENAMETOOLONG: 'File name too long',
  EMFILE: 'Too many open files',
  EIO: 'Input/output error',
};

export function errnoText(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  return (code && ERRNO_TEXT[code]) ?? (err instanceof Error ? err.message : String(err));
}

/** virsh's VSH_MAX_XML_FILE: larger files are refused. */
const MAX_XML_FILE = 10 * 1024 * 1024;

/**
 * Reads an XML file as libvirt's virFileReadAll, with its error texts: at most one byte past the
 * limit is read, so a device such as /dev/zero or a huge file costs no more than that. Bytes that
 * are not UTF-8 are kept (decodeXmlBytes), for the XML parser to refuse with libxml2's words.
 */
export function readXmlFile(path: string): string {
  let data: Uint8Array;
  try {
    data = readPrefix(path, MAX_XML_FILE + 1);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const verb = code === 'EISDIR' ? 'read' : 'open';
    throw new VirshError({ code: 'COMMAND_FAILED', lines: [`Failed to ${verb} file '${path}': ${errnoText(err)}`], cause: err });
  }
  if (data.length > MAX_XML_FILE) {
    // virFileReadAll fails with EOVERFLOW past the limit.
    throw new VirshError({ code: 'COMMAND_FAILED', lines: [`Failed to read file '${path}': Value too large for defined data type`] });
  }
  return decodeXmlBytes(data);
}

/** Up to `limit` bytes from the start of `path`, fewer only at its end. */
function readPrefix(path: string, limit: number): Uint8Array {
  const fd = openSync(path, 'r');
  try {
    const buffer = new Uint8Array(limit);
    let filled = 0;
    for (let read = -1; read !== 0 && filled < limit; filled += read) read = readSync(fd, buffer, filled, limit - filled, null);
    return buffer.subarray(0, filled);
  } finally {
    closeSync(fd);
  }
}

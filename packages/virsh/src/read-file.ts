import { readFileSync } from 'node:fs';
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

/** Reads an XML file as libvirt's virFileReadAll, with its error texts. */
export function readXmlFile(path: string): string {
  let data: Buffer;
  try {
    data = readFileSync(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const verb = code === 'EISDIR' ? 'read' : 'open';
    throw new VirshError('COMMAND_FAILED', [`Failed to ${verb} file '${path}': ${errnoText(err)}`], { cause: err });
  }
  if (data.length > MAX_XML_FILE) {
    // virFileReadAll fails with EOVERFLOW past the limit.
    throw new VirshError('COMMAND_FAILED', [`Failed to read file '${path}': Value too large for defined data type`]);
  }
  return data.toString('utf8');
}

import type { ErrorCodeName } from '../../errors/error-codes.js';
import { VirtError } from '../../errors/virt-error.js';

/** A test-driver error (layer TEST) with libvirt 9's template and this detail. */
export function testError(code: ErrorCodeName, detail: string, cause?: unknown): VirtError {
  return new VirtError({ code, domain: 'TEST', info: detail, cause });
}

/** A test-driver error whose whole text is `message` (libvirt's virReportInvalidArg / system errors). */
export function testErrorText(code: ErrorCodeName, message: string, cause?: unknown): VirtError {
  return new VirtError({ code, domain: 'TEST', message, cause });
}

/** virCheckFlags: `flags` may only use the bits of `allowed`, else libvirt's INVALID_ARG for `fn` (virReportInvalidArg: no "invalid argument:" before it). */
export function checkFlags(flags: number, allowed: number, fn: string): void {
  const unsupported = flags & ~allowed;
  if (unsupported !== 0) throw testErrorText('INVALID_ARG', `unsupported flags (0x${unsupported.toString(16)}) in function ${fn}`);
}

/** virDomainObjCheckActive: `Requested operation is not valid: domain is not running`, from libvirt's conf code (layer DOMAIN, as libvirtd 9 reports it). */
export function notRunning(): VirtError {
  return new VirtError({ code: 'OPERATION_INVALID', domain: 'DOMAIN', info: 'domain is not running' });
}

/** virReportSystemError: `<what>: <strerror>`, as libvirt words errno (0 is "Success"). */
export function systemError(what: string, error?: NodeJS.ErrnoException): VirtError {
  return testErrorText('SYSTEM_ERROR', `${what}: ${strerror(error)}`, error);
}

const STRERROR: Record<string, string> = {
  ENOENT: 'No such file or directory',
  EACCES: 'Permission denied',
  EISDIR: 'Is a directory',
  ENOTDIR: 'Not a directory',
  EEXIST: 'File exists',
  ENOSPC: 'No space left on device',
  EROFS: 'Read-only file system',
  EPERM: 'Operation not permitted',
  EIO: 'Input/output error',
  ENAMETOOLONG: 'File name too long',
  ELOOP: 'Too many levels of symbolic links',
};

/** glibc's strerror text for a Node fs error; "Success" when there is none (a short read). */
function strerror(error: NodeJS.ErrnoException | undefined): string {
  if (!error) return 'Success';
  return (error.code && STRERROR[error.code]) ?? error.message;
}

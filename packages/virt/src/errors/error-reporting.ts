import { handleName } from '../domain.js';
import { type ErrorDomainName, ErrorLevel } from './error-domains.js';
import type { VirtError } from './virt-error.js';

/** virErrorFunc: called with every error as it is raised. */
export type ErrorFunc = (error: VirtError) => void;

/** What a connection holds for error reporting: its own handler and last-error record. */
export interface ErrorScope {
  errorHandler: ErrorFunc | null;
  lastError: VirtError | null;
}

const globalScope: ErrorScope = { errorHandler: null, lastError: null };

/** virSetErrorFunc: the global handler; null restores the default (printing to stderr). */
export function setErrorFunc(handler: ErrorFunc | null): void {
  globalScope.errorHandler = handler;
}

/** virGetLastError: the most recent error raised anywhere in this process, or null. */
export function getLastError(): VirtError | null {
  return globalScope.lastError;
}

/** virResetLastError. */
export function resetLastError(): void {
  globalScope.lastError = null;
}

/**
 * libvirt's __virRaiseError: records `error` and calls the handler that applies.
 * - The error is stored as the global last error and, when a connection is involved, as that
 *   connection's last error too (0.1.3 stored it in only one place; later libvirt stores both, and
 *   virGetLastError is what callers read).
 * - Handler precedence: the connection's handler, else the global one, else the default printer.
 */
export function reportError(error: VirtError, connScope?: ErrorScope): void {
  globalScope.lastError = error;
  if (connScope) connScope.lastError = error;
  const handler = connScope?.errorHandler ?? globalScope.errorHandler ?? defaultErrorFunc;
  handler(error);
}

/** virDefaultErrorFunc: prints the error on stderr. */
export function defaultErrorFunc(error: VirtError): void {
  process.stderr.write(formatDefaultError(error));
}

/** The prefix virDefaultErrorFunc prints for each layer (0.1.3's words; later layers' names added). */
const DOMAIN_PREFIX: Partial<Record<ErrorDomainName, string>> = {
  XEN: 'Xen ',
  XEND: 'Xen Daemon ',
  XENSTORE: 'Xen Store ',
  DOM: 'Domain ',
  RPC: 'XML-RPC ',
  TEST: 'Test ',
  REMOTE: 'Remote ',
};

const LEVEL_WORD: Record<ErrorLevel, string> = { [ErrorLevel.NONE]: '', [ErrorLevel.WARNING]: 'warning', [ErrorLevel.ERROR]: 'error' };

/**
 * The line virDefaultErrorFunc writes: `libvir: <layer prefix><level> <domain name>: <message>\n`,
 * e.g. `libvir: Xen Daemon error : POST operation failed: ...`. The domain name is shown unless the
 * error is INVALID_DOMAIN; no newline is added when the message already ends with one.
 */
export function formatDefaultError(error: VirtError): string {
  const prefix = DOMAIN_PREFIX[error.domain] ?? '';
  const objectName = error.dom !== undefined && error.code !== 'INVALID_DOMAIN' ? handleName(error.dom) : '';
  const line = `libvir: ${prefix}${LEVEL_WORD[error.level]} ${objectName}: ${error.message}`;
  return line.endsWith('\n') ? line : `${line}\n`;
}

import type { XendErrorCode } from '../errors/xend-error.js';

/** DNS failures: the host does not resolve (libvirt's VIR_ERR_UNKNOWN_HOST). */
const UNKNOWN_HOST_ERRNOS = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EAI_FAIL']);

/**
 * What a socket or HTTP-parser error on a request means: before the connection was made it is
 * a connect failure (or an unknown host); after, an HTTP parser error (`HPE_*`) means the
 * answer is not HTTP, and anything else is the connection lost, which libvirt reported as the
 * GET or POST failing.
 */
export function classifySocketError(
  cause: NodeJS.ErrnoException,
  connected: boolean,
  method: 'GET' | 'POST',
): { code: XendErrorCode; message: string } {
  const errno = cause.code ?? '';
  const detail = errno || cause.message;
  if (!connected) {
    const code = UNKNOWN_HOST_ERRNOS.has(errno) ? 'UNKNOWN_HOST' : 'CONNECT_FAILED';
    return { code, message: `cannot connect to xend (${detail})` };
  }
  if (errno.startsWith('HPE_')) return { code: 'HTTP_ERROR', message: `the answer is not HTTP (${errno})` };
  return {
    code: method === 'GET' ? 'GET_FAILED' : 'POST_FAILED',
    message: `connection lost before the answer (${detail})`,
  };
}

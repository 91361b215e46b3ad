import http from 'node:http';
import type { Socket } from 'node:net';
import { XendError } from '../errors/xend-error.js';
import { describeRequest, encodeForm, type XendHttpRequest, type XendHttpResponse } from '../protocol/http-exchange.js';
import { classifySocketError } from './classify-socket-error.js';
import { describeEndpoint, type XendEndpoint } from './endpoint.js';

export interface SendOptions {
  /** Whole-request deadline (connect, send, full answer). */
  readonly timeoutMs: number;
  readonly signal?: AbortSignal | undefined;
  /** Answers longer than this are refused (HTTP_ERROR) rather than buffered without end. */
  readonly maxResponseBytes: number;
}

/**
 * Sends one request on its own connection and reads the whole answer, whatever its framing
 * (Content-Length, chunked, or read-to-close), as xend serves one request per connection.
 * Every failure is a XendError; nothing outlives the returned promise.
 */
export function sendRequest(
  endpoint: XendEndpoint,
  request: XendHttpRequest,
  options: SendOptions,
): Promise<XendHttpResponse> {
  const where = describeEndpoint(endpoint);
  const what = describeRequest(request);
  const failedCode = request.method === 'GET' ? 'GET_FAILED' : 'POST_FAILED';
  const error = (code: XendError['code'], message: string, extra: { status?: number; cause?: unknown } = {}) =>
    new XendError({ code, message: `${what} on ${where}: ${message}`, endpoint: where, request: what, ...extra });

  if (options.signal?.aborted) {
    return Promise.reject(error('ABORTED', 'aborted before sending', { cause: options.signal.reason }));
  }

  return new Promise<XendHttpResponse>((resolve, reject) => {
    const body = request.method === 'POST' ? Buffer.from(encodeForm(request.form ?? []), 'utf8') : undefined;
    const headers: Record<string, string> = {
      Host: endpoint.kind === 'tcp' ? `${where.slice('http://'.length)}` : 'localhost:8000',
      'Accept-Encoding': 'identity',
      'Content-Type': 'application/x-www-form-urlencoded',
    };
    if (body !== undefined) headers['Content-Length'] = String(body.length);

    let connected = false;
    let settled = false;
    const target =
      endpoint.kind === 'unix' ? { socketPath: endpoint.socketPath } : { host: endpoint.host, port: endpoint.port };
    let outgoing: http.ClientRequest;
    try {
      outgoing = http.request({ ...target, method: request.method, path: request.path, headers, agent: false });
    } catch (cause) {
      // node refuses some options outright (a port out of range, a path with raw spaces).
      reject(error('INVALID_ARG', `cannot send this request: ${(cause as Error).message}`, { cause }));
      return;
    }

    const finish = (outcome: { response: XendHttpResponse } | { failure: XendError }) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      if ('failure' in outcome) {
        outgoing.destroy();
        reject(outcome.failure);
      } else {
        resolve(outcome.response);
      }
    };
    const onAbort = () => finish({ failure: error('ABORTED', 'aborted', { cause: options.signal?.reason }) });
    options.signal?.addEventListener('abort', onAbort, { once: true });
    const timer = setTimeout(
      () => finish({ failure: error('TIMEOUT', `no complete answer within ${options.timeoutMs} ms`) }),
      options.timeoutMs,
    );

    outgoing.on('socket', (socket: Socket) => {
      if (endpoint.kind === 'tcp') socket.setNoDelay(true);
      if (!socket.connecting) connected = true;
      else socket.once('connect', () => (connected = true));
    });

    outgoing.on('error', (cause: NodeJS.ErrnoException) => {
      const { code, message } = classifySocketError(cause, connected, request.method);
      finish({ failure: error(code, message, { cause }) });
    });

    outgoing.on('response', (incoming) => {
      const status = incoming.statusCode ?? 0;
      const chunks: Buffer[] = [];
      let received = 0;
      incoming.on('data', (chunk: Buffer) => {
        received += chunk.length;
        if (received > options.maxResponseBytes) {
          finish({ failure: error('HTTP_ERROR', `answer longer than ${options.maxResponseBytes} bytes`, { status }) });
          return;
        }
        chunks.push(chunk);
      });
      const lost = (cause?: unknown) =>
        finish({ failure: error(failedCode, `connection lost in the middle of the answer (HTTP ${status})`, { status, cause }) });
      incoming.on('error', lost);
      incoming.on('close', () => {
        if (!incoming.complete) lost();
      });
      incoming.on('end', () => {
        if (!incoming.complete) return lost();
        finish({ response: { status, body: Buffer.concat(chunks).toString('utf8') } });
      });
    });

    outgoing.end(body);
  });
}

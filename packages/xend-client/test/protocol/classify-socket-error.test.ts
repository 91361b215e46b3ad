import { describe, expect, it } from 'vitest';
import { classifySocketError } from '../../src/transport/classify-socket-error.js';

const errno = (code: string | undefined, message = 'failure') => Object.assign(new Error(message), { code });

describe('classifySocketError', () => {
  it.each(['ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EAI_FAIL'])('%s before connecting is UNKNOWN_HOST', (code) => {
    expect(classifySocketError(errno(code), false, 'GET')).toEqual({
      code: 'UNKNOWN_HOST',
      message: `cannot connect to xend (${code})`,
    });
  });

  it.each(['ECONNREFUSED', 'ENOENT', 'EACCES', 'ETIMEDOUT'])('%s before connecting is CONNECT_FAILED', (code) => {
    expect(classifySocketError(errno(code), false, 'POST').code).toBe('CONNECT_FAILED');
  });

  it('names the error message when there is no errno', () => {
    expect(classifySocketError(errno(undefined, 'socket hang up'), true, 'GET')).toEqual({
      code: 'GET_FAILED',
      message: 'connection lost before the answer (socket hang up)',
    });
  });

  it('is HTTP_ERROR for a parser error and GET_FAILED / POST_FAILED for a lost connection', () => {
    expect(classifySocketError(errno('HPE_INVALID_CONSTANT'), true, 'GET').code).toBe('HTTP_ERROR');
    expect(classifySocketError(errno('ECONNRESET'), true, 'GET').code).toBe('GET_FAILED');
    expect(classifySocketError(errno('EPIPE'), true, 'POST').code).toBe('POST_FAILED');
  });
});

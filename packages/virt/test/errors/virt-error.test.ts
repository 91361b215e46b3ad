import { describe, expect, it } from 'vitest';
import { errorCodeName, errorDomainName, errorMessage, toVirtError, VirtError } from '../../src/driver-author.js';

describe('VirtError', () => {
  it('builds messages from libvirt 9 templates', () => {
    expect(errorMessage('OPERATION_INVALID', 'domain is not running')).toBe('Requested operation is not valid: domain is not running');
    expect(errorMessage('NO_SUPPORT')).toBe('this function is not supported by the connection driver');
    expect(errorMessage('DOM_EXIST', 'x')).toBe('domain x exists already');
    expect(errorMessage('SYSTEM_ERROR', '100% $& odd')).toBe('100% $& odd');
    const error = new VirtError({ code: 'INTERNAL_ERROR', domain: 'XEND', info: 'boom', int1: 3 });
    expect([error.message, error.str1, error.int1, error.domainNumber, error.codeNumber]).toEqual(['internal error: boom', 'boom', 3, 2, 1]);
  });

  it('is recognised across copies by its Symbol.for marker', () => {
    const error = new VirtError({ code: 'INTERNAL_ERROR', domain: 'NONE', message: 'x' });
    expect(VirtError.isInstance(error)).toBe(true);
    expect(VirtError.isInstance({ [Symbol.for('libvirt-ts.VirtError')]: true })).toBe(true);
    expect(VirtError.isInstance(new Error('x'))).toBe(false);
    expect(error).toBeInstanceOf(Error);
  });

  it('wraps package errors into their layer, keeping libvirt codes and the cause', () => {
    const xend = Object.assign(new Error('POST failed'), { [Symbol.for('libvirt-ts.XendError')]: true, code: 'POST_FAILED' });
    const wrapped = toVirtError(xend);
    expect([wrapped.code, wrapped.domain, wrapped.message, wrapped.cause]).toEqual(['POST_FAILED', 'XEND', 'POST operation failed: POST failed', xend]);
    const store = Object.assign(new Error('EACCES'), { [Symbol.for('libvirt-ts.XenstoreError')]: true, code: 'EACCES' });
    expect([toVirtError(store).code, toVirtError(store).domain]).toEqual(['OPERATION_DENIED', 'XENSTORE']);
    const plain = toVirtError(new TypeError('bad'));
    expect([plain.code, plain.domain, plain.message]).toEqual(['INTERNAL_ERROR', 'NONE', 'internal error: bad']);
  });

  it('maps numbers back to names', () => {
    expect(errorCodeName(55)).toBe('OPERATION_INVALID');
    expect(errorCodeName(999)).toBeUndefined();
    expect(errorDomainName(12)).toBe('TEST');
  });
});

import { HypercallError } from '@libvirt-ts/hypercall';
import { SexprError } from '@libvirt-ts/sexpr';
import { XendError } from '@libvirt-ts/xend-client';
import { XenstoreError } from '@libvirt-ts/xenstore';
import { XmlFormatError } from '@libvirt-ts/xml-format';
import { describe, expect, it } from 'vitest';
import { toVirtError } from '../../src/errors/to-virt-error.js';
import { VirtError } from '../../src/errors/virt-error.js';

describe("Xen packages' errors as VirtError", () => {
  it.each([
    [new XendError({ code: 'CONNECT_FAILED', message: 'connect ENOENT', endpoint: 'unix:/x' }), 'NO_CONNECT', 'XEND'],
    [new XendError({ code: 'NO_DOMAIN', message: '404', status: 404 }), 'NO_DOMAIN', 'XEND'],
    [new XendError({ code: 'POST_FAILED', message: 'bad', xendMessage: 'Invalid memory: 0' }), 'POST_FAILED', 'XEND'],
    [new XendError({ code: 'GET_FAILED', message: 'bad' }), 'GET_FAILED', 'XEND'],
    [new XendError({ code: 'HTTP_ERROR', message: 'teapot', status: 418 }), 'HTTP_ERROR', 'XEND'],
    [new XendError({ code: 'TIMEOUT', message: 'slow' }), 'OPERATION_TIMEOUT', 'XEND'],
    [new XendError({ code: 'PARSE_ERROR', message: 'junk', cause: new SexprError({ code: 'UNBALANCED', message: 'unbalanced' }) }), 'INTERNAL_ERROR', 'SEXPR'],
    [new XenstoreError({ code: 'EACCES', message: 'permission denied', path: '/local' }), 'OPERATION_DENIED', 'XENSTORE'],
    [new XenstoreError({ code: 'EROFS', message: 'read-only' }), 'OPERATION_DENIED', 'XENSTORE'],
    [new XenstoreError({ code: 'ENOENT', message: 'no such node', path: '/x' }), 'OPERATION_FAILED', 'XENSTORE'],
    [new HypercallError({ code: 'NO_XEN', message: 'no privcmd' }), 'NO_XEN', 'XEN'],
    [new HypercallError({ code: 'ESRCH', message: 'no domain 9', domain: 9 }), 'NO_DOMAIN', 'XEN'],
    [new HypercallError({ code: 'EPERM', message: 'not root' }), 'OPERATION_DENIED', 'XEN'],
    [new HypercallError({ code: 'ERRNO', message: 'EIO' }), 'XEN_CALL', 'XEN'],
    [new XmlFormatError({ code: 'NO_NAME', reason: 'MISSING_ELEMENT', detail: 'missing name' }), 'NO_NAME', 'XML'],
    [new XmlFormatError({ code: 'XML_ERROR', reason: 'TAG_MISMATCH', detail: 'not well-formed', line: 1, column: 5 }), 'XML_ERROR', 'XML'],
    [new SexprError({ code: 'SYNTAX', message: 'stray byte' }), 'INTERNAL_ERROR', 'SEXPR'],
  ])('%s -> %s in %s, keeping it as cause', (error, code, domain) => {
    const virt = toVirtError(error, 'XEN');
    expect(VirtError.isInstance(virt)).toBe(true);
    expect([virt.code, virt.domain]).toEqual([code, domain]);
    expect(virt.cause).toBe(error);
  });

  it("quotes xend's own words and the HTTP status in the message", () => {
    const post = toVirtError(new XendError({ code: 'POST_FAILED', message: 'x', xendMessage: 'Invalid memory: 0' }), 'XEND');
    expect(post.message).toBe('POST operation failed: Invalid memory: 0');
    const http = toVirtError(new XendError({ code: 'HTTP_ERROR', message: 'x', status: 418 }), 'XEND');
    expect(http.message).toBe('got unknown HTTP error code 418');
  });

  it('passes a VirtError through and wraps anything else in the driver domain', () => {
    const own = new VirtError({ code: 'NO_DOMAIN', domain: 'XEND', info: 'x' });
    expect(toVirtError(own, 'XEN')).toBe(own);
    const plain = toVirtError(new Error('boom'), 'XENSTORE');
    expect([plain.code, plain.domain, plain.message]).toEqual(['INTERNAL_ERROR', 'XENSTORE', 'internal error: boom']);
  });
});

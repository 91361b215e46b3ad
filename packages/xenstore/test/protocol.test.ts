import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  encodeMessage,
  FrameDecoder,
  formatPermission,
  HEADER_SIZE,
  isXsErrnoName,
  nulTerminated,
  PAYLOAD_MAX,
  parsePermission,
  pathProblem,
  readHeader,
  splitNulTerminated,
  XenstoreError,
  XS_ERRNO,
  XsType,
  type XsMessage,
  xsTypeName,
} from '../src/index.js';

const XEN_4_17_TYPES = [
  ['CONTROL', 0], ['DIRECTORY', 1], ['READ', 2], ['GET_PERMS', 3], ['WATCH', 4], ['UNWATCH', 5],
  ['TRANSACTION_START', 6], ['TRANSACTION_END', 7], ['INTRODUCE', 8], ['RELEASE', 9], ['GET_DOMAIN_PATH', 10],
  ['WRITE', 11], ['MKDIR', 12], ['RM', 13], ['SET_PERMS', 14], ['WATCH_EVENT', 15], ['ERROR', 16],
  ['IS_DOMAIN_INTRODUCED', 17], ['RESUME', 18], ['SET_TARGET', 19], ['RESET_WATCHES', 21], ['DIRECTORY_PART', 22],
] as const;

/** One example request or reply per message type, with the payload the wire carries. */
const EXAMPLES: XsMessage[] = [
  { type: XsType.CONTROL, reqId: 1, txId: 0, payload: nulTerminated(['quota']) },
  { type: XsType.DIRECTORY, reqId: 2, txId: 0, payload: nulTerminated(['0', '5']) },
  { type: XsType.READ, reqId: 3, txId: 9, payload: new TextEncoder().encode('Domain-0') },
  { type: XsType.GET_PERMS, reqId: 4, txId: 0, payload: nulTerminated(['n0', 'r5']) },
  { type: XsType.WATCH, reqId: 5, txId: 0, payload: nulTerminated(['/local', 'tok', '2']) },
  { type: XsType.UNWATCH, reqId: 6, txId: 0, payload: nulTerminated(['/local', 'tok']) },
  { type: XsType.TRANSACTION_START, reqId: 7, txId: 0, payload: nulTerminated(['']) },
  { type: XsType.TRANSACTION_END, reqId: 8, txId: 3, payload: nulTerminated(['T']) },
  { type: XsType.INTRODUCE, reqId: 9, txId: 0, payload: nulTerminated(['5', '4660', '7']) },
  { type: XsType.RELEASE, reqId: 10, txId: 0, payload: nulTerminated(['5']) },
  { type: XsType.GET_DOMAIN_PATH, reqId: 11, txId: 0, payload: nulTerminated(['/local/domain/5']) },
  { type: XsType.WRITE, reqId: 12, txId: 0, payload: new Uint8Array([...nulTerminated(['/a']), 0x76]) },
  { type: XsType.MKDIR, reqId: 13, txId: 0, payload: nulTerminated(['/a']) },
  { type: XsType.RM, reqId: 14, txId: 0, payload: nulTerminated(['/a']) },
  { type: XsType.SET_PERMS, reqId: 15, txId: 0, payload: nulTerminated(['/a', 'b5']) },
  { type: XsType.WATCH_EVENT, reqId: 0, txId: 0, payload: nulTerminated(['/local/x', 'tok']) },
  { type: XsType.ERROR, reqId: 17, txId: 0, payload: nulTerminated(['ENOENT']) },
  { type: XsType.IS_DOMAIN_INTRODUCED, reqId: 18, txId: 0, payload: nulTerminated(['T']) },
  { type: XsType.RESUME, reqId: 19, txId: 0, payload: nulTerminated(['5']) },
  { type: XsType.SET_TARGET, reqId: 20, txId: 0, payload: nulTerminated(['5', '6']) },
  { type: XsType.RESET_WATCHES, reqId: 21, txId: 0, payload: nulTerminated(['']) },
  { type: XsType.DIRECTORY_PART, reqId: 22, txId: 0, payload: nulTerminated(['12', 'a', 'b', '']) },
  { type: XsType.READ, reqId: 0xffffffff, txId: 0xfffffffe, payload: new Uint8Array(PAYLOAD_MAX).fill(0x61) },
  { type: XsType.READ, reqId: 23, txId: 0, payload: new Uint8Array(0) },
];

describe('message types', () => {
  it.each(XEN_4_17_TYPES)('%s is %i', (name, value) => {
    expect(XsType[name]).toBe(value);
    expect(xsTypeName(value)).toBe(name);
  });

  it('names the types Xen added after 4.17 and nothing at 20', () => {
    expect([23, 24, 25, 26].map(xsTypeName)).toEqual(['GET_FEATURE', 'SET_FEATURE', 'GET_QUOTA', 'SET_QUOTA']);
    expect(xsTypeName(20)).toBeUndefined();
  });
});

describe('header and encoder', () => {
  it('encodes xenstore-read /local/domain/0/name as the C client does (37 bytes)', () => {
    const frame = encodeMessage({ type: XsType.READ, reqId: 0, txId: 0, payload: nulTerminated(['/local/domain/0/name']) });
    expect(Buffer.from(frame).toString('hex')).toBe(
      '02000000000000000000000015000000' + Buffer.from('/local/domain/0/name\0').toString('hex'),
    );
  });

  it('encodes the ENOENT error reply byte for byte', () => {
    const frame = encodeMessage({ type: XsType.ERROR, reqId: 0, txId: 0, payload: nulTerminated(['ENOENT']) });
    expect(Buffer.from(frame).toString('hex')).toBe('10000000000000000000000007000000454e4f454e5400');
  });

  it('reads the four little-endian fields back', () => {
    const frame = encodeMessage({ type: 22, reqId: 0x01020304, txId: 0xa0b0c0d0, payload: new Uint8Array(3) });
    expect(readHeader(frame)).toEqual({ type: 22, reqId: 0x01020304, txId: 0xa0b0c0d0, len: 3 });
  });

  it('refuses a payload over 4096 bytes', () => {
    expect(() => encodeMessage({ type: 2, reqId: 0, txId: 0, payload: new Uint8Array(PAYLOAD_MAX + 1) })).toThrow(RangeError);
  });
});

describe('FrameDecoder', () => {
  const stream = new Uint8Array(Buffer.concat(EXAMPLES.map((message) => encodeMessage(message))));

  it.each(EXAMPLES.map((message) => [xsTypeName(message.type), message] as const))('decodes %s split at every byte offset', (_, message) => {
    const frame = encodeMessage(message);
    const failures: number[] = [];
    for (let cut = 0; cut <= frame.length; cut++) {
      const decoder = new FrameDecoder();
      const decoded = [...decoder.push(frame.subarray(0, cut)), ...decoder.push(frame.subarray(cut))];
      // Comparing the re-encoded bytes keeps 4,000 cuts of a 4 KiB frame fast.
      const same = decoded.length === 1 && Buffer.from(encodeMessage(decoded[0]!)).equals(frame) && decoder.bufferedBytes === 0;
      if (!same) failures.push(cut);
    }
    expect(failures).toEqual([]);
  });

  it('decodes every example fed one byte at a time', () => {
    const decoder = new FrameDecoder();
    const decoded: XsMessage[] = [];
    for (const byte of stream) decoded.push(...decoder.push(new Uint8Array([byte])));
    expect(decoded).toEqual(EXAMPLES);
  });

  it('decodes any frames cut into any chunks (property)', () => {
    const message = fc.record({
      type: fc.integer({ min: 0, max: 0xffff }),
      reqId: fc.nat({ max: 0xffffffff }),
      txId: fc.nat({ max: 0xffffffff }),
      payload: fc.uint8Array({ maxLength: 300 }),
    });
    fc.assert(
      fc.property(fc.array(message, { maxLength: 8 }), fc.array(fc.nat({ max: 400 }), { maxLength: 10 }), (messages, cuts) => {
        const bytes = Buffer.concat(messages.map((m) => encodeMessage(m)));
        const points = [...new Set(cuts.map((cut) => cut % (bytes.length + 1)))].sort((a, b) => a - b);
        const decoder = new FrameDecoder();
        const decoded: XsMessage[] = [];
        let start = 0;
        for (const point of [...points, bytes.length]) {
          decoded.push(...decoder.push(bytes.subarray(start, point)));
          start = point;
        }
        expect(decoded).toEqual(messages);
      }),
      { seed: 6, numRuns: 300 },
    );
  });

  it('throws E2BIG for a header announcing more than 4096 bytes, and stays failed', () => {
    const header = new Uint8Array(HEADER_SIZE);
    new DataView(header.buffer).setUint32(12, PAYLOAD_MAX + 1, true);
    const decoder = new FrameDecoder();
    expect(() => decoder.push(header)).toThrow(expect.objectContaining({ code: 'E2BIG' }));
    expect(() => decoder.push(new Uint8Array(1))).toThrow(XenstoreError);
  });
});

describe('payload strings, errors, paths, permissions', () => {
  it('splits NUL-terminated strings, keeping an unterminated tail only when asked', () => {
    const payload = new Uint8Array([...nulTerminated(['/a']), 0x76, 0x77]);
    expect(splitNulTerminated(payload).map((part) => Buffer.from(part).toString())).toEqual(['/a']);
    expect(splitNulTerminated(payload, 'keep').map((part) => Buffer.from(part).toString())).toEqual(['/a', 'vw']);
    expect(splitNulTerminated(new Uint8Array(0))).toEqual([]);
  });

  it('knows every xsd_errors name with its Linux errno, and EQUOTA', () => {
    expect(Object.keys(XS_ERRNO)).toEqual([
      'EINVAL', 'EACCES', 'EEXIST', 'EISDIR', 'ENOENT', 'ENOMEM', 'ENOSPC', 'EIO', 'ENOTEMPTY', 'ENOSYS',
      'EROFS', 'EBUSY', 'EAGAIN', 'EISCONN', 'E2BIG', 'EPERM', 'EQUOTA',
    ]);
    expect(XS_ERRNO.ENOENT).toBe(2);
    expect(XS_ERRNO.EAGAIN).toBe(11);
    expect(isXsErrnoName('ENOENT')).toBe(true);
    expect(isXsErrnoName('toString')).toBe(false);
  });

  it('XenstoreError carries code, errno, path and operation and survives isInstance', () => {
    const error = new XenstoreError({ code: 'EACCES', message: 'denied', path: '/x', type: XsType.WRITE });
    expect(error.message).toBe('EACCES: denied (WRITE /x)');
    expect([error.code, error.errno, error.path, error.operation]).toEqual(['EACCES', 13, '/x', 'WRITE']);
    expect(XenstoreError.isInstance(error)).toBe(true);
    expect(XenstoreError.isInstance(new Error('x'))).toBe(false);
  });

  it.each([
    ['/', undefined],
    ['/local/domain/0/name', undefined],
    ['device/vbd', undefined],
    ['@releaseDomain', undefined],
    ['', 'empty path'],
    ['/a//b', 'path has an empty component (//)'],
    ['/a/', 'path ends with /'],
    ['/a b', 'path has characters other than A-Z a-z 0-9 - / _ @'],
    [`/${'a'.repeat(3072)}`, 'path longer than 3072 characters'],
    ['a'.repeat(2049), 'path longer than 2048 characters'],
  ])('path %j: %s', (path, problem) => {
    expect(pathProblem(path)).toBe(problem);
  });

  it('parses and formats permissions (property), refusing anything else', () => {
    fc.assert(
      fc.property(fc.constantFrom('r', 'w', 'b', 'n' as const), fc.integer({ min: 0, max: 65535 }), (access, domid) => {
        const text = `${access}${domid}`;
        expect(formatPermission(parsePermission(text)!)).toBe(text);
      }),
      { seed: 6 },
    );
    for (const bad of ['', 'x1', 'r', 'r-1', 'r65536', 'rr1', 'b1 ']) expect(parsePermission(bad)).toBeUndefined();
  });
});

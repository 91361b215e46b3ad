import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  ErrorCode,
  ErrorDomain,
  ErrorLevel,
  getLastError,
  open,
  resetLastError,
  setErrorFunc,
  type VirtError,
} from '../../src/index.js';
import { formatDefaultError } from '../../src/errors/error-reporting.js';

afterEach(() => {
  setErrorFunc(null);
  resetLastError();
  vi.restoreAllMocks();
});

async function failLookup(conn: Awaited<ReturnType<typeof open>>): Promise<VirtError> {
  return conn.lookupByName('nosuch').then(
    () => {
      throw new Error('lookup should fail');
    },
    (e: VirtError) => e,
  );
}

describe('error reporting (virterror)', () => {
  it('prints through the default handler in libvirt format when none is set', async () => {
    const writes: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      writes.push(String(chunk));
      return true;
    });
    const conn = await open('test:///default');
    await failLookup(conn);
    expect(writes).toEqual(['libvir: Test error : Domain not found\n']);
    await conn.close();
  });

  it('records the last error globally and per connection; resets clear them', async () => {
    setErrorFunc(() => {});
    const conn = await open('test:///default');
    expect(getLastError()).toBeNull();
    const error = await failLookup(conn);
    expect(getLastError()).toBe(error);
    expect(conn.getLastError()).toBe(error);
    expect(error.conn).toBe(conn);
    expect({ code: error.code, codeNumber: error.codeNumber, domain: error.domain, level: error.level }).toEqual({
      code: 'NO_DOMAIN',
      codeNumber: 42,
      domain: 'TEST',
      level: ErrorLevel.ERROR,
    });
    // A later success does not clear it (virGetLastError keeps the last failure).
    await conn.lookupByName('test');
    expect(getLastError()).toBe(error);
    conn.resetLastError();
    expect(conn.getLastError()).toBeNull();
    expect(getLastError()).toBe(error);
    resetLastError();
    expect(getLastError()).toBeNull();
    await conn.close();
  });

  it('calls the connection handler before the global one, and the global one otherwise', async () => {
    const global: VirtError[] = [];
    const local: VirtError[] = [];
    setErrorFunc((e) => global.push(e));
    const a = await open('test:///default');
    const b = await open('test:///default');
    a.setErrorFunc((e) => local.push(e));
    const fromA = await failLookup(a);
    const fromB = await failLookup(b);
    expect(local).toEqual([fromA]);
    expect(global).toEqual([fromB]);
    a.setErrorFunc(null);
    const again = await failLookup(a);
    expect(global).toEqual([fromB, again]);
    await Promise.all([a.close(), b.close()]);
  });

  it('reports open failures globally (there is no connection yet)', async () => {
    const seen: VirtError[] = [];
    setErrorFunc((e) => seen.push(e));
    await expect(open('bogus:///x')).rejects.toThrow('no connection driver available for bogus:///x');
    expect(seen.map((e) => [e.code, e.codeNumber])).toEqual([['NO_CONNECT', 5]]);
    expect(getLastError()?.conn).toBeUndefined();
  });

  it('formats like virDefaultErrorFunc: layer prefix, level word, domain name', async () => {
    setErrorFunc(() => {});
    const conn = await open('test:///default');
    const test = await conn.lookupByName('test');
    const error = await test.resume().catch((e: VirtError) => e);
    expect(error?.dom).toBe(test);
    expect(formatDefaultError(error as VirtError)).toBe("libvir: Test error test: internal error: domain 'test' not paused\n");
    await conn.close();
  });

  it('numbers codes and layers as libvirt does', () => {
    expect([ErrorCode.OK, ErrorCode.NO_SUPPORT, ErrorCode.DOM_EXIST, ErrorCode.OPERATION_DENIED]).toEqual([0, 3, 28, 29]);
    expect([ErrorCode.NO_DOMAIN, ErrorCode.OPERATION_INVALID, ErrorCode.XML_DETAIL, ErrorCode.MULTIPLE_DOMAINS]).toEqual([42, 55, 35, 110]);
    expect([ErrorDomain.NONE, ErrorDomain.XEND, ErrorDomain.PROXY, ErrorDomain.TEST, ErrorDomain.CH]).toEqual([0, 2, 8, 12, 72]);
  });
});

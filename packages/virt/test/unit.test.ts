import { describe, expect, it } from 'vitest';
import { decodeSaveImage, encodeSaveImage, MAX_SAVED_XML } from '../src/drivers/test/save-image.js';
import { diskNameToIndex } from '../src/drivers/test/test-post-parse.js';
import { formatUuid, isXenName, parseUri, parseUuid, VirtError } from '../src/driver-author.js';

describe('test save images', () => {
  it('round-trips the XML behind the magic and a little-endian length', () => {
    const image = encodeSaveImage('<domain/>\n');
    expect(Buffer.from(image.subarray(0, 15)).toString('latin1')).toBe('TestGuestMagic\0');
    expect(Buffer.from(image).readUInt32LE(15)).toBe(10);
    expect(decodeSaveImage(image, '/f')).toBe('<domain/>\n');
  });

  it('refuses truncated, foreign and oversized images with libvirt 9 text', () => {
    const image = encodeSaveImage('<domain/>');
    const message = (bytes: Uint8Array) => {
      try {
        decodeSaveImage(bytes, '/f');
      } catch (e) {
        return VirtError.isInstance(e) ? e.message : String(e);
      }
      return 'no error';
    };
    expect(message(image.subarray(0, 10))).toBe("incomplete save header in '/f': Success");
    expect(message(image.subarray(0, 17))).toBe("failed to read metadata length in '/f': Success");
    expect(message(image.subarray(0, 22))).toBe("incomplete metadata in '/f': Success");
    expect(message(new TextEncoder().encode('NotAGuestMagic\0xxxx'))).toBe('internal error: mismatched header magic');
    expect(message(encodeSaveImage('x'.repeat(MAX_SAVED_XML + 1)))).toBe('internal error: length of metadata out of range');
  });
});

describe('names and UUIDs', () => {
  it('parses URIs as libvirt', () => {
    expect(parseUri('test:///default')).toEqual({ scheme: 'test', host: '', port: undefined, path: '/default', query: '', canonical: 'test:///default' });
    expect(parseUri('http://localhost:8000/')).toMatchObject({ scheme: 'http', host: 'localhost', port: 8000 });
    expect(parseUri('test:///tmp/a%20b.xml')?.path).toBe('/tmp/a b.xml');
    expect(parseUri('/var/lib/xend/xend-socket')).toBeUndefined();
    expect(parseUri('xen')).toBeUndefined();
    // virURIFormat(virURIParse(name)): path and fragment decoded and escaped again, the query as written
    const canonical = (name: string) => parseUri(name)?.canonical;
    expect(canonical('test:///%64efault')).toBe('test:///default');
    expect(canonical('test:/default')).toBe('test:///default');
    expect(canonical('test:///a:b%20c?x=%41#%3a%20')).toBe('test:///a%3Ab%20c?x=%41#:%20');
    expect(canonical('TEST:///./default')).toBe('TEST:///./default');
    expect(parseUri('test:///./default')?.path).toBe('/./default');
    expect([isXenName(undefined), isXenName('Xen'), isXenName('xen:///'), isXenName('test:///default')]).toEqual([true, true, true, false]);
  });

  it('parses and formats UUIDs', () => {
    const bytes = parseUuid('EF86180145B911CB88E3AFBFE5370493');
    expect(bytes && formatUuid(bytes)).toBe('ef861801-45b9-11cb-88e3-afbfe5370493');
    expect(parseUuid('ef861801-45b9-11cb-88e3')).toBeUndefined();
  });

  it('numbers disks as virDiskNameToIndex', () => {
    expect(['hda', 'hdc', 'sdj', 'vdaa', 'xvdb', 'sda1', 'fd0', 'eth0'].map(diskNameToIndex)).toEqual([0, 2, 9, 26, 1, 0, -1, -1]);
  });
});

describe('getVersion (virGetVersion)', () => {
  it('knows the registered driver types and refuses others', async () => {
    const { getVersion, setErrorFunc } = await import('../src/index.js');
    setErrorFunc(() => {});
    expect(getVersion()).toEqual({ libVer: 9_000_000, typeVer: 9_000_000 });
    expect(getVersion('TEST').typeVer).toBe(9_000_000);
    expect(() => getVersion('QEMU')).toThrow('this function is not supported by the connection driver: QEMU');
    setErrorFunc(null);
  });
});

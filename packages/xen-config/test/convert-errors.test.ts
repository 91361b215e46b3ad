// Bad configs and domains: typed errors with libvirt's messages, never a crash or a silent default.
import { XmlFormatError } from '@libvirt-ts/xml-format';
import { describe, expect, it } from 'vitest';
import { domainXmlFromXenConfig, domainXmlToXenConfig, xenConfigToDomain, XenConfigError } from '../src/index.js';

const PV = 'name = "g"\nuuid = "c7a5fdb0-cdaf-9455-926a-d65c16db1809"\nkernel = "/boot/vmlinuz"\n';

describe('config -> domain refuses what libvirt refuses', () => {
  it.each([
    ['xen-xl', 'memory = 512\n', 'INTERNAL_ERROR', 'config value name was missing'],
    ['xen-xl', `${PV}memory = "lots"\n`, 'INTERNAL_ERROR', 'config value memory was malformed'],
    ['xen-xm', `${PV}memory = [ 1 ]\n`, 'INTERNAL_ERROR', 'config value memory was malformed'],
    ['xen-xl', `${PV}on_crash = "explode"\n`, 'INTERNAL_ERROR', 'unexpected value explode for on_crash'],
    ['xen-xl', 'name = "g"\nuuid = "not-a-uuid"\n', 'CONF_SYNTAX', 'not-a-uuid not parseable'],
    ['xen-xl', `${PV}type = "weird"\n`, 'CONFIG_UNSUPPORTED', 'type weird is not supported'],
    ['xen-xl', 'name = "g"\nkernel = 5\n', 'INTERNAL_ERROR', "memory conf: expected a string for 'kernel' parameter"],
    ['xen-xm', `${PV}builder = "hvm"\nkernel = "/l"\nserial = [ "pty", "pty" ]\n`, 'CONFIG_UNSUPPORTED', 'Multiple serial devices are not supported by xen-xm'],
    ['xen-xl', `${PV}vif = [ "mac=zz:16:3e:00:00:01" ]\n`, 'INTERNAL_ERROR', "malformed mac address 'zz:16:3e:00:00:01'"],
    ['xen-xl', `${PV}vif = [ "rate=fast" ]\n`, 'INTERNAL_ERROR', "Invalid rate 'fast' specified"],
    ['xen-xl', `${PV}cpuid = "host,tm=0"\n`, 'CONFIG_UNSUPPORTED', "xl setting 'cpuid' is not supported yet"],
    ['xen-xl', `${PV}pci = [ "junk" ]\n`, 'INTERNAL_ERROR', 'Malformed PCI address junk'],
    ['xen-xl', `${PV}disk = [ "/img,raw,xvda,rw,format=weird" ]\n`, 'CONFIG_UNSUPPORTED', 'disk image format not supported: weird'],
  ])('%s %j: %s %s', (format, text, code, reason) => {
    const error = capture(() => domainXmlFromXenConfig(format as 'xen-xl', text));
    expect(XenConfigError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code, reason });
  });

  it('reports syntax errors with the line and column', () => {
    expect(capture(() => xenConfigToDomain('xen-xl', 'name = "g"\nmemory = \n'))).toMatchObject({ code: 'CONF_SYNTAX', reason: 'expecting a value', line: 2, column: 10 });
  });

  it('refuses a format other than xen-xl and xen-xm', () => {
    expect(capture(() => domainXmlFromXenConfig('xen-sxpr' as 'xen-xl', PV))).toMatchObject({ code: 'INVALID_ARG', reason: 'unsupported config type xen-sxpr' });
  });

  it('gives a config without uuid a fresh random one, as libvirt', () => {
    const first = xenConfigToDomain('xen-xl', 'name = "g"\n').uuid;
    const second = xenConfigToDomain('xen-xl', 'name = "g"\n').uuid;
    expect(first).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(second).not.toBe(first);
  });
});

describe('domain -> config refuses what the format cannot say', () => {
  const hvm = (clock: string, extra = '') =>
    `<domain type='xen'><name>g</name><memory>1024</memory><os><type>hvm</type></os>${clock}<devices>${extra}</devices></domain>`;

  it('an HVM clock with adjustment reset', () => {
    expect(capture(() => domainXmlToXenConfig('xen-xl', hvm("<clock offset='utc' adjustment='reset'/>")))).toMatchObject({ code: 'CONFIG_UNSUPPORTED', reason: "unsupported clock adjustment='reset'" });
  });

  it('two serial ports in xm', () => {
    const serials = "<serial type='pty'><target port='0'/></serial><serial type='pty'><target port='1'/></serial>";
    expect(capture(() => domainXmlToXenConfig('xen-xm', hvm("<clock offset='utc'/>", serials)))).toMatchObject({ code: 'CONFIG_UNSUPPORTED', reason: 'Multiple serial devices are not supported by xen-xm' });
    expect(domainXmlToXenConfig('xen-xl', hvm("<clock offset='utc'/>", serials))).toContain('serial = [ "pty", "pty" ]\n');
  });

  it('a network disk other than rbd', () => {
    const disk = "<disk type='network' device='disk'><source protocol='nbd' name='x'><host name='h'/></source><target dev='xvda'/></disk>";
    expect(capture(() => domainXmlToXenConfig('xen-xl', hvm("<clock offset='utc'/>", disk)))).toMatchObject({ code: 'NO_SUPPORT', reason: "Unsupported network block protocol 'nbd'" });
  });

  it('malformed XML fails as XmlFormatError with its line and column', () => {
    const error = capture(() => domainXmlToXenConfig('xen-xl', '<domain type="xen">\n<name>g</nam>'));
    expect(XmlFormatError.isInstance(error)).toBe(true);
    expect((error as XmlFormatError).line).toBe(2);
  });
});

function capture(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

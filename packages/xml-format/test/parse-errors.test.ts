// Bad input: a typed XmlFormatError naming code, element path, line:column and value.
import { describe, expect, it } from 'vitest';
import { type ParseDomainXmlOptions, parseDomainXml, XmlFormatError } from '../src/index.js';

function parseError(xml: string, options?: ParseDomainXmlOptions): XmlFormatError {
  try {
    parseDomainXml(xml, options);
  } catch (error) {
    expect(XmlFormatError.isInstance(error)).toBe(true);
    return error as XmlFormatError;
  }
  throw new Error('expected parseDomainXml to throw');
}

// A minimal valid PV domain, one element per line so positions are easy to state.
const lines = [
  "<domain type='xen'>", //                         1
  '  <name>pv</name>', //                            2
  '  <memory>131072</memory>', //                    3
  '  <os>', //                                       4
  '    <type>linux</type>', //                       5
  '    <kernel>/boot/vmlinuz</kernel>', //           6
  '  </os>', //                                      7
  '  <devices>', //                                  8
  "    <disk type='file'>", //                       9
  "      <source file='/a.img'/>", //               10
  "      <target dev='xvda'/>", //                  11
  '    </disk>', //                                 12
  "    <disk type='file'>", //                      13
  "      <source file='/b.img'/>", //               14
  "      <target dev='xvdb'/>", //                  15
  '    </disk>', //                                 16
  '  </devices>', //                                17
  '</domain>', //                                   18
];
const valid = lines.join('\n');
const edit = (line: number, replacement: string): string => lines.map((text, index) => (index === line - 1 ? replacement : text)).join('\n');

describe('well-formedness', () => {
  it('accepts the base document', () => {
    expect(parseDomainXml(valid).devices.disks).toHaveLength(2);
  });

  it('reports a mismatched tag with its line and column', () => {
    const error = parseError(edit(5, '    <type>linux</tipe>'));
    expect(error).toMatchObject({ code: 'XML_ERROR', reason: 'TAG_MISMATCH', line: 5, column: 23 });
    expect(error.detail).toBe('Opening and ending tag mismatch: type line 5 and tipe');
  });

  it('rejects a root other than <domain>', () => {
    const error = parseError("<node><name>x</name></node>");
    expect(error).toMatchObject({ code: 'XML_ERROR', path: '/node', line: 1, column: 1 });
    expect(error.message).toContain('expected <domain>');
  });

  it('rejects text that is not XML, and an empty document', () => {
    expect(parseError('this is not xml at all').code).toBe('XML_ERROR');
    expect(parseError('').code).toBe('XML_ERROR');
  });

  it('refuses entity declarations: no billion laughs', () => {
    const laughs = [
      '<?xml version="1.0"?>',
      '<!DOCTYPE domain [',
      '  <!ENTITY lol "lol">',
      '  <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">',
      '  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">',
      ']>',
      '<domain><name>&lol3;</name></domain>',
    ].join('\n');
    const error = parseError(laughs);
    expect(error.code).toBe('XML_ERROR');
    expect(error.message).toContain('DOCTYPE');
  });

  it('refuses external entities: no XXE', () => {
    const xxe = "<!DOCTYPE domain [<!ENTITY secret SYSTEM 'file:///etc/passwd'>]><domain><name>&secret;</name></domain>";
    expect(parseError(xxe).message).toContain('DOCTYPE');
  });

  it('never expands an undeclared entity', () => {
    expect(parseError(edit(2, '  <name>&secret;</name>'))).toMatchObject({ code: 'XML_ERROR', line: 2 });
  });

  it('accepts a DOCTYPE without internal subset, and character references', () => {
    const config = parseDomainXml(`<!DOCTYPE domain>\n${edit(2, '  <name>a&amp;b&#x41;</name>')}`);
    expect(config.name).toBe('a&bA');
  });

  it('reads CDATA, skips comments and processing instructions, accepts a BOM and an XML declaration', () => {
    const xml = `\uFEFF<?xml version="1.0" encoding="UTF-8"?>\n${edit(2, '  <name>p<!-- c -->v<?pi x?></name>').replace('<kernel>/boot/vmlinuz</kernel>', '<kernel><![CDATA[/boot/a<b&c]]></kernel>')}`;
    const config = parseDomainXml(xml, { strict: true });
    expect(config.name).toBe('pv');
    expect(config.os.kernel).toBe('/boot/a<b&c');
  });

  it('bounds size and depth', () => {
    expect(parseError(valid, { maxLength: 100 }).message).toContain('over the limit of 100');
    const nested = (levels: number) => valid.replace('</domain>', `<a>${'<a>'.repeat(levels - 2)}${'</a>'.repeat(levels - 1)}</domain>`);
    // libxml2 refuses a start tag while 256 elements are open: 257 levels pass, 258 do not.
    expect(parseDomainXml(nested(257)).name).toBe('pv');
    expect(parseError(nested(258))).toMatchObject({ reason: 'TOO_DEEP', detail: 'Excessive depth in document: 256 use XML_PARSE_HUGE option' });
    expect(parseError(nested(10), { maxDepth: 5 }).detail).toBe('Excessive depth in document: 5 use XML_PARSE_HUGE option');
  });

  it('rejects limits that are not sensible integers', () => {
    expect(parseError(valid, { maxDepth: 1.5 })).toMatchObject({ code: 'INVALID_ARG', reason: 'BAD_ARGUMENT', value: '1.5' });
    expect(parseError(valid, { maxLength: 0 }).message).toContain('option maxLength must be a positive integer');
    expect(parseDomainXml(valid, { maxLength: Number.POSITIVE_INFINITY, maxTextLength: Number.POSITIVE_INFINITY }).name).toBe('pv');
  });

  it('rejects a non-string argument with INVALID_ARG', () => {
    expect(parseError(42 as unknown as string).code).toBe('INVALID_ARG');
  });
});

describe('domain content', () => {
  it('NO_NAME for a missing or empty name', () => {
    expect(parseError(edit(2, ''))).toMatchObject({ code: 'NO_NAME', path: '/domain' });
    expect(parseError(edit(2, '  <name> </name>'))).toMatchObject({ code: 'NO_NAME', path: '/domain/name', line: 2, column: 9 });
  });

  it('INVALID_ARG naming memory that is not a number', () => {
    const error = parseError(edit(3, '  <memory>lots</memory>'));
    expect(error).toMatchObject({ code: 'INVALID_ARG', path: '/domain/memory', line: 3, column: 11, value: 'lots' });
    expect(error.message).toBe("<memory> is not a valid size: 'lots' at /domain/memory (line 3:11)");
  });

  it('XML_ERROR for missing memory, INVALID_ARG for an unknown unit', () => {
    expect(parseError(edit(3, ''))).toMatchObject({ code: 'XML_ERROR', path: '/domain' });
    expect(parseError(edit(3, "  <memory unit='furlongs'>1</memory>"))).toMatchObject({
      code: 'INVALID_ARG',
      path: '/domain/memory/@unit',
      line: 3,
      column: 11,
      value: 'furlongs',
    });
  });

  it('INVALID_ARG for an unknown lifecycle action', () => {
    const error = parseError(edit(7, '  </os>\n  <on_crash>explode</on_crash>'));
    expect(error).toMatchObject({ code: 'INVALID_ARG', path: '/domain/on_crash', line: 8, value: 'explode' });
    expect(error.message).toContain('expected destroy, restart, preserve, rename-restart, coredump-destroy, coredump-restart');
  });

  it('INVALID_ARG for a malformed UUID or MAC', () => {
    expect(parseError(edit(2, '  <name>pv</name><uuid>1234</uuid>'))).toMatchObject({ code: 'INVALID_ARG', path: '/domain/uuid', value: '1234' });
    const mac = edit(16, "    </disk>\n    <interface type='bridge'><mac address='00:16:3e:zz:00:01'/></interface>");
    expect(parseError(mac)).toMatchObject({ code: 'INVALID_ARG', path: '/domain/devices/interface/mac/@address', line: 17, value: '00:16:3e:zz:00:01' });
  });

  it('NO_OS without <os> or bootloader; a bootloader stands in for it', () => {
    const withoutOs = lines.filter((_, index) => index < 3 || index > 6).join('\n');
    expect(parseError(withoutOs)).toMatchObject({ code: 'NO_OS', path: '/domain' });
    const bootloader = withoutOs.replace('<name>pv</name>', '<name>pv</name><bootloader>/usr/bin/pygrub</bootloader>');
    expect(parseDomainXml(bootloader).os).toEqual({ type: 'linux', bootDevices: [] });
  });

  it('NO_KERNEL for a PV guest without kernel or bootloader', () => {
    expect(parseError(edit(6, ''))).toMatchObject({ code: 'NO_KERNEL', path: '/domain/os', line: 4 });
  });

  it('OS_TYPE for an empty or unknown guest type', () => {
    expect(parseError(edit(5, '    <type></type>'))).toMatchObject({ code: 'OS_TYPE', path: '/domain/os/type' });
    expect(parseError(edit(5, '    <type>windows</type>'))).toMatchObject({ code: 'OS_TYPE', value: 'windows' });
  });

  it('NO_TARGET and NO_SOURCE name the disk, with its index among several', () => {
    const error = parseError(edit(15, "      <target bus='xen'/>"));
    expect(error).toMatchObject({ code: 'NO_TARGET', path: '/domain/devices/disk[2]/target', line: 15, column: 7, value: '/b.img' });
    expect(parseError(edit(14, ''))).toMatchObject({ code: 'NO_SOURCE', path: '/domain/devices/disk[2]', line: 13, column: 5 });
  });

  it('NO_SOURCE for a character device or hostdev that names no host side', () => {
    const serial = edit(16, "    </disk>\n    <serial type='tcp'><target port='0'/></serial>");
    expect(parseError(serial)).toMatchObject({ code: 'NO_SOURCE', path: '/domain/devices/serial', line: 17, column: 5 });
    const hostdev = edit(16, "    </disk>\n    <hostdev mode='subsystem' type='pci'><source/></hostdev>");
    expect(parseError(hostdev)).toMatchObject({ code: 'NO_SOURCE', path: '/domain/devices/hostdev' });
  });

  it("INVALID_ARG when graphics listen= disagrees with its first <listen>", () => {
    const graphics = edit(16, "    </disk>\n    <graphics type='vnc' listen='0.0.0.0'><listen type='address' address='127.0.0.1'/></graphics>");
    expect(parseError(graphics)).toMatchObject({ code: 'INVALID_ARG', path: '/domain/devices/graphics/@listen', value: '0.0.0.0' });
  });

  it('an empty cdrom needs no source', () => {
    const config = parseDomainXml(edit(13, "    <disk type='file' device='cdrom'>").replace("      <source file='/b.img'/>\n", ''));
    expect(config.devices.disks[1]).toEqual({ type: 'file', device: 'cdrom', target: { dev: 'xvdb' } });
  });

  it('INVALID_ARG for bad enumerations and numbers in attributes', () => {
    expect(parseError(edit(9, "    <disk type='floppy-ish'>"))).toMatchObject({ code: 'INVALID_ARG', path: '/domain/devices/disk[1]/@type', line: 9, column: 11 });
    expect(parseError(edit(1, "<domain type='xen' id='x'>"))).toMatchObject({ code: 'INVALID_ARG', path: '/domain/@id' });
    expect(parseError(edit(2, "  <name>pv</name><vcpu current='3'>2</vcpu>"))).toMatchObject({ code: 'INVALID_ARG', path: '/domain/vcpu/@current' });
    expect(parseError(edit(2, '  <name>pv</name><vcpu>0</vcpu>'))).toMatchObject({ code: 'INVALID_ARG', path: '/domain/vcpu' });
  });

  it("reads 0.1.x boot device names as device kinds, and rejects unknown ones", () => {
    const hvm = (boot: string) => valid.replace('<type>linux</type>', `<type>hvm</type><boot dev='${boot}'/>`);
    expect(parseDomainXml(hvm('hda')).os.bootDevices).toEqual(['hd']);
    expect(parseDomainXml(hvm('/dev/cdrom')).os.bootDevices).toEqual(['cdrom']);
    expect(parseError(hvm('usb'))).toMatchObject({ code: 'INVALID_ARG', path: '/domain/os/boot/@dev', value: 'usb' });
  });
});

describe('unknown content', () => {
  const extra = edit(11, "      <target dev='xvda' frobnicate='yes'/>\n      <iotune/>");

  it('is ignored by default, as libvirt does', () => {
    expect(parseDomainXml(extra)).toEqual(parseDomainXml(valid));
  });

  it('is reported in strict mode, attribute or element, in document order', () => {
    expect(parseError(extra, { strict: true })).toMatchObject({
      code: 'CONFIG_UNSUPPORTED',
      path: '/domain/devices/disk[1]/target/@frobnicate',
      line: 11,
      column: 26,
    });
    expect(parseError(edit(11, "      <target dev='xvda'/><iotune/>"), { strict: true })).toMatchObject({
      code: 'CONFIG_UNSUPPORTED',
      path: '/domain/devices/disk[1]/iotune',
    });
  });

  it('treats elements and values named like Object.prototype members as unknown', () => {
    const proto = edit(16, '    </disk>\n    <__proto__/><toString/><constructor/>');
    expect(parseDomainXml(proto)).toEqual(parseDomainXml(valid));
    expect(parseError(proto, { strict: true })).toMatchObject({ code: 'CONFIG_UNSUPPORTED', path: '/domain/devices/__proto__' });
    const hvm = valid.replace('<type>linux</type>', "<type>hvm</type><boot dev='__proto__'/>");
    expect(parseError(hvm)).toMatchObject({ code: 'INVALID_ARG', path: '/domain/os/boot/@dev' });
  });

  it('strict mode also catches a repeated single element', () => {
    expect(parseError(edit(2, '  <name>pv</name><name>again</name>'), { strict: true })).toMatchObject({ path: '/domain/name[2]' });
  });
});

describe('XmlFormatError', () => {
  it('is an Error, recognisable across package copies by its symbol', () => {
    const error = parseError('<x/>');
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('XmlFormatError');
    expect(XmlFormatError.isInstance(error)).toBe(true);
    expect(XmlFormatError.isInstance(new Error('x'))).toBe(false);
    expect(XmlFormatError.isInstance({ [Symbol.for('libvirt-ts.XmlFormatError')]: true })).toBe(true);
  });
});

describe('0.1.x-0.2.x leftovers, read as later libvirt reads them', () => {
  it("strips xend's ioemu: prefix and :disk suffix, and turns :cdrom into a cdrom", () => {
    const disks = parseDomainXml(
      edit(11, "      <target dev='ioemu:hda'/>").replace("<target dev='xvdb'/>", "<target dev='hdc:cdrom'/>"),
    ).devices.disks;
    expect(disks.map((disk) => [disk.target.dev, disk.device])).toEqual([
      ['hda', 'disk'],
      ['hdc', 'cdrom'],
    ]);
    expect(parseDomainXml(edit(11, "      <target dev='xvda:disk'/>")).devices.disks[0]!.target.dev).toBe('xvda');
  });

  it('ignores the slot-less <maxMemory> of 0.2.x test-driver files, reads the later one', () => {
    expect(parseDomainXml(edit(2, '  <name>pv</name><maxMemory>1524288</maxMemory>')).maxMemory).toBeUndefined();
    expect(parseDomainXml(edit(2, "  <name>pv</name><maxMemory slots='16' unit='GiB'>4</maxMemory>")).maxMemory).toEqual({
      size: 4194304,
      slots: 16,
    });
  });

  it('clamps currentMemory to memory, as libvirt does', () => {
    expect(parseDomainXml(edit(3, '  <memory>1024</memory><currentMemory>4096</currentMemory>')).currentMemory).toBe(1024);
  });

  it("reads a domain id of -1 (libvirt's inactive marker) as no id", () => {
    expect(parseDomainXml(edit(1, "<domain type='xen' id='-1'>")).id).toBeUndefined();
  });
});

// The writer: escaping, layout details, and models it refuses to write.
import { describe, expect, it } from 'vitest';
import { type DomainConfig, emptyDevices, formatDomainXml, parseDomainXml, XmlFormatError } from '../src/index.js';

const minimal: DomainConfig = {
  type: 'xen',
  name: 'pv',
  memory: 131072,
  currentMemory: 65536,
  vcpu: { count: 2, current: 1, placement: 'static', cpuset: '0-1' },
  os: { type: 'linux', kernel: '/boot/vmlinuz', bootDevices: [] },
  clock: { offset: 'utc', timers: [] },
  onPoweroff: 'destroy',
  onReboot: 'restart',
  onCrash: 'coredump-destroy',
  devices: emptyDevices(),
};

function formatError(config: DomainConfig): XmlFormatError {
  try {
    formatDomainXml(config);
  } catch (error) {
    expect(XmlFormatError.isInstance(error)).toBe(true);
    return error as XmlFormatError;
  }
  throw new Error('expected formatDomainXml to throw');
}

describe('formatDomainXml', () => {
  it("writes libvirt's layout for a minimal domain", () => {
    expect(formatDomainXml(minimal)).toBe(
      [
        "<domain type='xen'>",
        '  <name>pv</name>',
        "  <memory unit='KiB'>131072</memory>",
        "  <currentMemory unit='KiB'>65536</currentMemory>",
        "  <vcpu placement='static' cpuset='0-1' current='1'>2</vcpu>",
        '  <os>',
        '    <type>linux</type>',
        '    <kernel>/boot/vmlinuz</kernel>',
        '  </os>',
        "  <clock offset='utc'/>",
        '  <on_poweroff>destroy</on_poweroff>',
        '  <on_reboot>restart</on_reboot>',
        '  <on_crash>coredump-destroy</on_crash>',
        '  <devices>',
        '  </devices>',
        '</domain>',
        '',
      ].join('\n'),
    );
  });

  it('escapes every value it writes (0.1.3 escaped nothing)', () => {
    const config: DomainConfig = {
      ...minimal,
      name: `a&b<c>'d"`,
      os: { ...minimal.os, cmdline: ' root=/dev/xvda1 x="1"\r\n ' },
      devices: {
        ...minimal.devices,
        disks: [{ type: 'file', device: 'disk', source: { file: "/root/'\\some.img&\t\n" }, target: { dev: 'xvda' } }],
      },
    };
    const xml = formatDomainXml(config);
    expect(xml).toContain('<name>a&amp;b&lt;c&gt;&apos;d&quot;</name>');
    expect(xml).toContain('<cmdline> root=/dev/xvda1 x=&quot;1&quot;&#13;\n </cmdline>');
    expect(xml).toContain("<source file='/root/&apos;\\some.img&amp;&#9;&#10;'/>");
    expect(parseDomainXml(xml)).toEqual(config);
  });

  it('writes features as libvirt does: on as <x/>, off as state=off where the schema has it', () => {
    const xml = formatDomainXml({ ...minimal, features: { pae: true, acpi: true, apic: false, hap: false, pmu: true } });
    expect(xml).toContain('  <features>\n    <acpi/>\n    <pae/>\n    <hap state=\'off\'/>\n    <pmu/>\n  </features>\n');
  });

  it('refuses values XML cannot carry, naming the field', () => {
    expect(formatError({ ...minimal, name: 'bell\u0007' })).toMatchObject({ code: 'INVALID_ARG', value: 'bell\u0007' });
    expect(formatError({ ...minimal, memory: 1.5 }).message).toContain('memory must be an integer');
    const badPort = formatError({ ...minimal, devices: { ...minimal.devices, graphics: [{ type: 'vnc', port: Number.NaN, listens: [] }] } });
    expect(badPort.message).toContain('devices.graphics[0]: port must be an integer');
  });

  it('refuses a model missing a required field (for callers without type checking)', () => {
    const { name: _name, ...nameless } = minimal;
    expect(formatError(nameless as DomainConfig).message).toBe("domain: missing required field 'name'");
    const noDisks = { ...minimal, devices: { ...minimal.devices, disks: undefined } } as unknown as DomainConfig;
    expect(formatError(noDisks).message).toBe("devices: missing required field 'disks'");
    const noTarget = { ...minimal, devices: { ...minimal.devices, disks: [{ type: 'file', device: 'disk' }] } } as unknown as DomainConfig;
    expect(formatError(noTarget).message).toBe("devices.disks[0]: missing required field 'target.dev'");
  });

  it('refuses enumeration values the parser would not read back', () => {
    const badAction = { ...minimal, onCrash: 'explode' } as unknown as DomainConfig;
    expect(formatError(badAction)).toMatchObject({ code: 'INVALID_ARG', value: 'explode' });
    expect(formatError(badAction).message).toContain('onCrash must be one of destroy, restart');
    const badDisk = {
      ...minimal,
      devices: { ...minimal.devices, disks: [{ type: 'file', device: 'tape', target: { dev: 'xvda' } }] },
    } as unknown as DomainConfig;
    expect(formatError(badDisk).message).toMatch(/^devices\.disks\[0\]: device must be one of disk, cdrom/);
  });

  it('refuses a lone surrogate', () => {
    expect(formatError({ ...minimal, description: 'x\uD800y' }).code).toBe('INVALID_ARG');
  });
});

describe('<blkiotune>', () => {
  const domain = (blkiotune: string) => `<domain type='test'><name>b</name><memory>1024</memory><blkiotune>${blkiotune}</blkiotune><os><type>hvm</type></os></domain>`;
  const written = (blkiotune: string) => formatDomainXml(parseDomainXml(domain(blkiotune))).split('\n');

  it('reads every limit and writes only those set, in libvirt order', () => {
    const xml = written(
      '<device><path>/a</path><write_bytes_sec>18446744073709551615</write_bytes_sec><weight>7</weight><read_iops_sec>3</read_iops_sec></device><device><path>/b</path><weight>0</weight></device><weight>500</weight>',
    );
    const start = xml.indexOf('  <blkiotune>');
    expect(xml.slice(start, start + 9)).toEqual([
      '  <blkiotune>',
      '    <weight>500</weight>',
      '    <device>',
      '      <path>/a</path>',
      '      <weight>7</weight>',
      '      <read_iops_sec>3</read_iops_sec>',
      '      <write_bytes_sec>18446744073709551615</write_bytes_sec>',
      '    </device>',
      '  </blkiotune>',
    ]);
  });

  it('leaves out a <blkiotune> that sets nothing, and ignores a weight that is no number', () => {
    expect(written('<weight>x</weight><device><path>/a</path></device>').some((line) => line.includes('blkiotune'))).toBe(false);
  });

  it("refuses what libvirt 9 refuses, with libvirt's words", () => {
    const detail = (blkiotune: string) => {
      try {
        parseDomainXml(domain(blkiotune));
      } catch (error) {
        return (error as XmlFormatError).detail;
      }
      return undefined;
    };
    expect(detail('<device><weight>1</weight></device>')).toBe('missing per-device path');
    expect(detail('<device><path>/a</path><read_iops_sec>4294967296</read_iops_sec></device>')).toBe('could not parse read iops sec 4294967296');
    expect(detail('<device><path>/a</path></device><device><path>/a</path></device>')).toBe("duplicate blkio device path '/a'");
  });
});

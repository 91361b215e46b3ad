// libvirt's own corpus: everything parses; formatter output comes back byte for byte.
import { describe, expect, it } from 'vitest';
import { formatDomainXml, parseDomainXml } from '../src/index.js';
import { allDomainFixtures, fixtures, NOT_FORMATTER_OUTPUT } from './fixtures.js';

describe('every corpus document parses, also in strict mode, and its canonical form is a fixed point', () => {
  for (const { name, text } of allDomainFixtures()) {
    it(name, () => {
      const config = parseDomainXml(text, { strict: true });
      const canonical = formatDomainXml(config);
      expect(parseDomainXml(canonical)).toEqual(config);
      expect(formatDomainXml(parseDomainXml(canonical))).toBe(canonical);
    });
  }
});

// sexpr2xmldata/*.xml and xmconfigdata/*.xml are libvirt ~5.5's formatter output.
for (const folder of ['sexpr2xmldata', 'xmconfigdata']) {
  describe(`write(parse(file)) reproduces ${folder} byte for byte`, () => {
    for (const { name, text } of fixtures(folder)) {
      const exception = NOT_FORMATTER_OUTPUT[name];
      if (exception === undefined) {
        it(name, () => {
          expect(formatDomainXml(parseDomainXml(text))).toBe(text);
        });
      } else {
        it(`${name} is a listed exception (${exception}) and indeed differs`, () => {
          expect(formatDomainXml(parseDomainXml(text))).not.toBe(text);
        });
      }
    }
  });
}

describe('the 0.1.3 release examples', () => {
  it('guava.xml parses as a PV guest with libvirt defaults filled in', () => {
    const [guava] = fixtures('v0.1.3').filter((fixture) => fixture.name.endsWith('guava.xml'));
    const config = parseDomainXml(guava!.text);
    expect(config).toMatchObject({
      type: 'xen',
      name: 'guava',
      memory: 262144,
      currentMemory: 262144,
      vcpu: { count: 1, placement: 'static' },
      os: { type: 'linux', kernel: '/var/xen/boot/vmlinuz-2.6.15-1.33_FC5guest', bootDevices: [] },
      onPoweroff: 'destroy',
      onReboot: 'restart',
      onCrash: 'destroy',
    });
    expect(config.devices.disks).toEqual([
      { type: 'file', device: 'disk', source: { file: '/var/xen/guava' }, target: { dev: 'xvda' } },
    ]);
    expect(config.devices.interfaces).toEqual([
      { type: 'bridge', source: { bridge: 'xenbr0' }, mac: '00:16:3e:78:a2:42', script: '/etc/xen/scripts/vif-bridge', ips: [] },
    ]);
  });

  it('papaya.xml is written back in the canonical layout', () => {
    const [papaya] = fixtures('v0.1.3').filter((fixture) => fixture.name.endsWith('papaya.xml'));
    expect(formatDomainXml(parseDomainXml(papaya!.text))).toBe(
      [
        "<domain type='xen'>",
        '  <name>papaya</name>',
        "  <memory unit='KiB'>262144</memory>",
        "  <currentMemory unit='KiB'>262144</currentMemory>",
        "  <vcpu placement='static'>1</vcpu>",
        '  <os>',
        '    <type>linux</type>',
        '    <kernel>/var/xen/boot/vmlinuz-2.6.15-1.33_FC5guest</kernel>',
        '    <initrd>/var/xen/boot/initrd-2.6.15-1.33_FC5guest.img</initrd>',
        '    <cmdline>ro root=/dev/VolGroup00/LogVol00 rhgb quiet single</cmdline>',
        '  </os>',
        "  <clock offset='utc'/>",
        '  <on_poweroff>destroy</on_poweroff>',
        '  <on_reboot>restart</on_reboot>',
        '  <on_crash>destroy</on_crash>',
        '  <devices>',
        "    <disk type='file' device='disk'>",
        "      <source file='/var/xen/papaya'/>",
        "      <target dev='xvda'/>",
        '    </disk>',
        "    <disk type='block' device='disk'>",
        "      <source dev='/dev/mapper/vg00-lv02'/>",
        "      <target dev='sda1'/>",
        '    </disk>',
        "    <interface type='bridge'>",
        "      <mac address='00:16:3e:78:a2:0c'/>",
        "      <source bridge='xenbr0'/>",
        "      <script path='/etc/xen/scripts/vif-bridge'/>",
        '    </interface>',
        '  </devices>',
        '</domain>',
        '',
      ].join('\n'),
    );
  });
});

// virsh 9's test driver documents: the model carries all of `dumpxml test`.
import { describe, expect, it } from 'vitest';
import { formatDomainXml, parseDomainXml } from '../src/index.js';
import { fixtureText } from './fixtures.js';

describe("virsh 9 'dumpxml test' on test:///default", () => {
  // virsh prints one extra newline after every command.
  const dumpxml = fixtureText('peer-virsh/dumpxml-test-default.stdout').replace(/\n$/, '');

  it('is reproduced byte for byte from its parsed model', () => {
    expect(formatDomainXml(parseDomainXml(dumpxml))).toBe(dumpxml);
  });

  it('parses into the values virsh shows', () => {
    const config = parseDomainXml(dumpxml, { strict: true });
    expect(config).toMatchObject({
      type: 'test',
      id: 1,
      name: 'test',
      uuid: '6695eb01-f6a4-8304-79aa-97f2502e193f',
      memory: 8388608,
      currentMemory: 2097152,
      vcpu: { count: 2, placement: 'static' },
      os: { type: 'hvm', arch: 'i686', bootDevices: ['hd'] },
      clock: { offset: 'utc', timers: [] },
    });
    expect(config.devices.disks[0]).toEqual({
      type: 'file',
      device: 'disk',
      source: { file: '/guest/diskimage1' },
      target: { dev: 'vda', bus: 'virtio' },
      address: { type: 'pci', domain: 0, bus: 1, slot: 0, function: 0 },
    });
    expect(config.devices.interfaces[0]).toEqual({
      type: 'network',
      mac: 'aa:bb:cc:dd:ee:ff',
      source: { network: 'default' },
      target: 'testnet0',
      ips: [],
      address: { type: 'pci', domain: 0, bus: 0, slot: 1, function: 0 },
    });
    expect(config.devices.memballoon).toEqual({
      model: 'virtio',
      address: { type: 'pci', domain: 0, bus: 0, slot: 2, function: 0 },
    });
  });

  it('is the same document as the peer input dumpxml-test-default.xml', () => {
    expect(parseDomainXml(fixtureText('peer-virsh/dumpxml-test-default.xml'))).toEqual(parseDomainXml(dumpxml));
  });
});

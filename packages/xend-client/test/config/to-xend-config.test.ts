import { all, find, lookupInt, lookupString, printSexpr, toArray } from '@libvirt-ts/sexpr';
import { type DomainConfig, parseDomainXml } from '@libvirt-ts/xml-format';
import { describe, expect, it } from 'vitest';
import { toXendConfig } from '../../src/index.js';
import { catchXendError } from './catch-xend-error.js';

const PV_XML = `<domain type='xen'>
  <name>t1</name>
  <uuid>4dea22b3-1d52-d8f3-2516-782e98ab3fa0</uuid>
  <memory>131072</memory>
  <vcpu>1</vcpu>
  <os><type>linux</type><kernel>/boot/vmlinuz</kernel></os>
  <devices>
    <disk type='file'><source file='/x.img'/><target dev='sda1'/></disk>
    <interface type='bridge'><source bridge='xenbr0'/></interface>
  </devices>
</domain>`;

const HVM_XML = `<domain type='xen'>
  <name>h1</name>
  <memory>262144</memory>
  <os><type>hvm</type><loader>/usr/lib/xen/boot/hvmloader</loader><boot dev='cdrom'/><boot dev='hd'/></os>
  <devices><emulator>/usr/lib/xen/bin/qemu-dm</emulator></devices>
</domain>`;

function pv(change: (domain: DomainConfig) => void = () => {}): DomainConfig {
  const domain = parseDomainXml(PV_XML);
  change(domain);
  return domain;
}

describe('toXendConfig', () => {
  it('writes the spec example (follows later libvirt: localtime, default vif script)', () => {
    const vm = toXendConfig(pv());
    expect(lookupString(vm, 'vm/name')).toBe('t1');
    expect(lookupInt(vm, 'vm/memory')).toBe(128);
    expect(toArray(find(vm, 'vm/image')!)).toEqual(['image', ['linux', ['kernel', '/boot/vmlinuz'], ['localtime', '0']]]);
    const devices = (toArray(vm) as unknown[]).filter((entry) => Array.isArray(entry) && entry[0] === 'device');
    expect(devices[0]).toEqual(['device', ['vbd', ['dev', 'sda1'], ['uname', 'file:/x.img'], ['mode', 'w']]]);
    expect((devices[1] as unknown[][])[1]!.slice(2)).toEqual([
      ['bridge', 'xenbr0'],
      ['script', 'vif-bridge'],
    ]);
  });

  it('keeps small memory sizes instead of forcing 128 MiB as 0.1.3 did', () => {
    const vm = toXendConfig(pv((domain) => Object.assign(domain, { memory: 32768, currentMemory: 16384 })));
    expect(lookupInt(vm, 'vm/memory')).toBe(16);
    expect(lookupInt(vm, 'vm/maxmem')).toBe(32);
  });

  it('generates a Xen MAC for an interface without one, and a UUID for a domain without one', () => {
    const vm = toXendConfig(pv((domain) => delete domain.uuid));
    const vif = all(vm, 'device').find((device) => find(device, 'device/vif') !== undefined)!;
    expect(lookupString(vif, 'device/vif/mac')).toMatch(/^00:16:3e:[0-7][0-9a-f]:[0-9a-f]{2}:[0-9a-f]{2}$/);
    expect(lookupString(vm, 'vm/uuid')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });

  it('maps HVM boot devices to xend letters and turns PAE on by default', () => {
    const vm = toXendConfig(parseDomainXml(HVM_XML));
    expect(lookupString(vm, 'vm/image/hvm/boot')).toBe('dc');
    expect(lookupString(vm, 'vm/image/hvm/pae')).toBe('1');
    expect(lookupString(vm, 'vm/image/hvm/serial')).toBe('none');
    expect(lookupString(vm, 'vm/image/hvm/device_model')).toBe('/usr/lib/xen/bin/qemu-dm');
  });

  it('normalises the cpuset and writes vcpu_avail for vcpus offline at boot', () => {
    const vm = toXendConfig(pv((domain) => Object.assign(domain.vcpu, { count: 4, current: 3, cpuset: '0-5,^2,^4,8' })));
    expect(lookupString(vm, 'vm/cpus')).toBe('0-1,3,5,8');
    expect(lookupString(vm, 'vm/vcpu_avail')).toBe('7');
  });

  it('writes the old PV framebuffer keys in the image for Xen 3.0.3 and a vfb device after', () => {
    const withVnc = pv((domain) => domain.devices.graphics.push({ type: 'vnc', port: 5901, listens: [] }));
    const old = toXendConfig(withVnc, { xendConfigVersion: 2 });
    expect(lookupString(old, 'vm/image/linux/vnc')).toBe('1');
    expect(lookupString(old, 'vm/image/linux/vncdisplay')).toBe('1');
    expect(find(old, 'vm/localtime')).toBeUndefined();
    const recent = toXendConfig(withVnc);
    expect(lookupString(recent, 'vm/image/linux/vnc')).toBeUndefined();
    expect(printSexpr(recent)).toContain('(device (vkbd)) (device (vfb (type vnc) (vncunused 0) (vncdisplay 1)))');
  });

  it.each([
    ['an HVM guest without a loader', 'INVALID_ARG', (d: DomainConfig) => Object.assign(d.os, { type: 'hvm' })],
    ['a disk without a source', 'INVALID_ARG', (d: DomainConfig) => delete d.devices.disks[0]!.source],
    ['a malformed cpuset', 'INVALID_ARG', (d: DomainConfig) => Object.assign(d.vcpu, { cpuset: '1-x' })],
    ['a libvirt network', 'NO_SUPPORT', (d: DomainConfig) => Object.assign(d.devices.interfaces[0]!, { type: 'network' })],
    ['two IPs on a vif', 'NO_SUPPORT', (d: DomainConfig) => d.devices.interfaces[0]!.ips.push({ address: '192.0.2.1' }, { address: '192.0.2.2' })],
    ['spice graphics', 'NO_SUPPORT', (d: DomainConfig) => d.devices.graphics.push({ type: 'spice', listens: [] })],
    ['a timezone clock', 'NO_SUPPORT', (d: DomainConfig) => Object.assign(d.clock, { offset: 'timezone' })],
    ['a network disk', 'NO_SUPPORT', (d: DomainConfig) => Object.assign(d.devices.disks[0]!, { type: 'network' })],
    [
      'a managed PCI device',
      'NO_SUPPORT',
      (d: DomainConfig) =>
        d.devices.hostdevs.push({ mode: 'subsystem', type: 'pci', managed: true, source: { domain: 0, bus: 0, slot: 1, function: 0 } }),
    ],
  ] as const)('refuses %s with %s', (_what, code, change) => {
    const error = catchXendError(() => toXendConfig(pv(change)));
    expect(error.code).toBe(code);
    expect(error.message.length).toBeGreaterThan(20);
  });
});

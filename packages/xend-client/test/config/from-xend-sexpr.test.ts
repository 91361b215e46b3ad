import { fromArray, parseSexpr, type SexprArray } from '@libvirt-ts/sexpr';
import { describe, expect, it } from 'vitest';
import { fromXendSexpr } from '../../src/index.js';
import { catchXendError } from './catch-xend-error.js';

const PV = `(domain (domid 7) (name pv1) (uuid 4dea22b3-1d52-d8f3-2516-782e98ab3fa0) (memory 256) (maxmem 512)
  (vcpus 2) (image (linux (kernel /boot/vmlinuz)))
  (device (vif (mac 0:16:3E:a:b:c) (bridge xenbr0) (rate 8Mb/s)))
  (device (vfb (type vnc) (vncdisplay 3) (vnclisten 127.0.0.1))))`;

/** A minimal domain; `entries` come first, so they win over the defaults after them. */
function domainWith(...entries: SexprArray[]) {
  return fromArray(['domain', ...entries, ['name', 'x'], ['uuid', '4dea22b3-1d52-d8f3-2516-782e98ab3fa0'], ['vcpus', 1]]);
}

describe('fromXendSexpr', () => {
  it('reads memory in MiB as KiB, current capped at the maximum', () => {
    const domain = fromXendSexpr(parseSexpr(PV));
    expect([domain.memory, domain.currentMemory, domain.id]).toEqual([524288, 262144, 7]);
    expect(domain.vcpu).toEqual({ count: 2, placement: 'static' });
  });

  it('normalises the MAC, turns the vif rate into KiB/s and names the vif after the domain id', () => {
    const [net] = fromXendSexpr(parseSexpr(PV)).devices.interfaces;
    expect(net).toMatchObject({ mac: '00:16:3e:0a:0b:0c', target: 'vif7.0', bandwidth: { outbound: { average: 1024 } } });
  });

  it('uses the xenstore console tty and VNC port when given', () => {
    const domain = fromXendSexpr(parseSexpr(PV), { tty: '/dev/pts/4', vncPort: 5911 });
    expect(domain.devices.consoles).toEqual([
      { type: 'pty', tty: '/dev/pts/4', sources: [{ path: '/dev/pts/4' }], target: { type: 'xen', port: 0 } },
    ]);
    expect(domain.devices.graphics[0]).toMatchObject({ type: 'vnc', port: 5911, autoport: false });
    expect(fromXendSexpr(parseSexpr(PV)).devices.graphics[0]).toMatchObject({ port: 5903, autoport: false });
  });

  it('counts the vcpus vcpu_avail marks online', () => {
    const domain = fromXendSexpr(domainWith(['vcpus', 4], ['vcpu_avail', 5], ['bootloader', '/usr/bin/pygrub']));
    expect(domain.vcpu.current).toBe(2);
    expect(domain.bootloader).toBe('/usr/bin/pygrub');
  });

  it("skips Domain-0's image and console", () => {
    const domain = fromXendSexpr(domainWith(['domid', 0], ['image', ['linux', ['kernel', '/boot/xen-kernel']]]));
    expect(domain.os).toEqual({ type: 'linux', bootDevices: [] });
    expect(domain.devices.consoles).toEqual([]);
  });

  it('reads HVM boot order, features, clock and serial ports', () => {
    const domain = fromXendSexpr(
      domainWith([
        'image',
        ['hvm', ['kernel', '/usr/lib/xen/boot/hvmloader'], ['boot', 'dcn'], ['apic', 1], ['localtime', 1], ['rtc_timeoffset', 3600], ['serial', ['none', 'pty']]],
      ]),
    );
    expect(domain.os.bootDevices).toEqual(['cdrom', 'hd', 'network']);
    expect(domain.features).toEqual({ apic: true });
    expect(domain.clock).toEqual({ offset: 'variable', adjustment: 3600, basis: 'localtime', timers: [] });
    expect(domain.devices.serials).toEqual([{ type: 'pty', sources: [], target: { port: 1 } }]);
    expect(domain.devices.consoles[0]?.target).toEqual({ type: 'serial', port: 1 });
  });

  it('reads every USB input device of an HVM image', () => {
    const domain = fromXendSexpr(
      domainWith(['image', ['hvm', ['kernel', '/l'], ['usb', 1], ['usbdevice', 'tablet'], ['usbdevice', 'keyboard'], ['usbdevice', 'disk:/x']]]),
    );
    expect(domain.devices.inputs).toEqual([
      { type: 'tablet', bus: 'usb' },
      { type: 'keyboard', bus: 'usb' },
      { type: 'mouse', bus: 'ps2' },
      { type: 'keyboard', bus: 'ps2' },
    ]);
  });

  it.each([
    ['no (domain ...) list', fromArray(['vm', ['name', 'x']]), /expected a \(domain/],
    ['a missing name', fromArray(['domain', ['uuid', '4dea22b3-1d52-d8f3-2516-782e98ab3fa0']]), /missing name/],
    ['a missing uuid', fromArray(['domain', ['name', 'x']]), /missing uuid/],
    ['a malformed uuid', fromArray(['domain', ['name', 'x'], ['uuid', 'abc']]), /expected a UUID/],
    ['no vcpus', fromArray(['domain', ['name', 'x'], ['uuid', '4dea22b3-1d52-d8f3-2516-782e98ab3fa0']]), /at least one vcpu/],
    ['a PV guest with neither kernel nor bootloader', domainWith(['image', ['linux', ['args', 'x']]]), /missing kernel & bootloader/],
    ['an unknown lifecycle action', domainWith(['on_crash', 'explode']), /unknown lifecycle type 'explode'/],
    ['a vbd without dev', domainWith(['device', ['vbd', ['uname', 'file:/x']]]), /has no dev/],
    ['a uname without driver', domainWith(['device', ['vbd', ['dev', 'xvda'], ['uname', '/x']]]), /missing driver name/],
    ['a bad MAC', domainWith(['device', ['vif', ['mac', 'zz:00']]]), /malformed mac address/],
    ['a bad vif rate', domainWith(['device', ['vif', ['rate', 'fast']]]), /invalid vif rate/],
    ['an unknown sound card', domainWith(['image', ['hvm', ['kernel', '/l'], ['soundhw', 'gus']]]), /unknown sound model 'gus'/],
    ['an unknown serial type', domainWith(['image', ['hvm', ['kernel', '/l'], ['serial', 'carrier-pigeon:x']]]), /unknown character device type/],
    ['an untyped vfb', domainWith(['device', ['vfb', ['vncunused', 1]]]), /unknown graphics type/],
    ['a non-numeric domid', domainWith(['domid', 'seven']), /expected an integer/],
  ])('refuses %s with PARSE_ERROR', (_what, sexpr, message) => {
    const error = catchXendError(() => fromXendSexpr(sexpr));
    expect(error.code).toBe('PARSE_ERROR');
    expect(error.message).toMatch(message);
  });
});

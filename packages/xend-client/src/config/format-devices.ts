import type { SexprArray } from '@libvirt-ts/sexpr';
import type { DiskConfig, GraphicsConfig, HostdevConfig, InterfaceConfig } from '@libvirt-ts/xml-format';
import { invalidDomainConfig, unsupportedByXend } from './config-errors.js';
import {
  DEFAULT_VIF_SCRIPT,
  type XendConfigVersion,
  XEND_CONFIG_VERSION_3_0_2,
  XEND_CONFIG_VERSION_3_0_3,
  XEND_CONFIG_VERSION_3_1_0,
} from './xend-config-options.js';

// The `(device ...)` entries of a `(vm ...)` config, one function per kind of device.

/** The disk name without libvirt 0.1.x's `ioemu:` prefix. */
export function diskTargetName(disk: DiskConfig): string {
  return disk.target.dev.startsWith('ioemu:') ? disk.target.dev.slice('ioemu:'.length) : disk.target.dev;
}

function diskUname(disk: DiskConfig, source: string): string {
  const driver = disk.driver?.name;
  if (driver === 'tap' || driver === 'tap2') {
    const format = disk.driver?.type;
    const imageType = format === undefined || format === 'raw' || format === 'aio' ? 'aio' : format;
    return `${driver}:${imageType}:${source}`;
  }
  if (driver !== undefined) return `${driver}:${source}`;
  if (disk.type === 'file') return `file:${source}`;
  if (disk.type === 'block') return source.startsWith('/') ? `phy:${source}` : `phy:/dev/${source}`;
  throw unsupportedByXend(`a disk of type '${disk.type}' (${disk.target.dev})`);
}

/** `(vbd (dev 'hda:disk') (uname 'file:/x.img') (mode 'w'))`, or `tap`/`tap2` for blktap. */
export function formatDisk(disk: DiskConfig, hvm: boolean, version: XendConfigVersion): SexprArray {
  const driver = disk.driver?.name;
  const kind = driver === 'tap' || driver === 'tap2' ? driver : 'vbd';
  const name = diskTargetName(disk);
  const cdrom = disk.device === 'cdrom';
  let dev: string;
  if (hvm && version >= XEND_CONFIG_VERSION_3_0_3) dev = `${name}:${cdrom ? 'cdrom' : 'disk'}`;
  else if (hvm) dev = `ioemu:${name}`;
  else dev = cdrom ? `${name}:cdrom` : name;
  const entries: SexprArray[] = [kind, ['dev', dev]];
  const source = disk.source?.file ?? disk.source?.dev;
  if (source !== undefined) entries.push(['uname', diskUname(disk, source)]);
  else if (!cdrom) throw invalidDomainConfig(`<disk> ${disk.target.dev} has no <source>`);
  entries.push(['mode', disk.readonly ? 'r' : disk.shareable ? 'w!' : 'w']);
  return entries;
}

/** `(vif (mac ...) (bridge ...) (script ...) ...)` */
export function formatInterface(net: InterfaceConfig, hvm: boolean, version: XendConfigVersion): SexprArray {
  if (net.type !== 'bridge' && net.type !== 'ethernet') {
    throw unsupportedByXend(`an <interface type='${net.type}'> (only bridge and ethernet, as xend has no networks)`);
  }
  const entries: SexprArray[] = ['vif', ['mac', net.mac ?? randomXenMac()]];
  const average = net.bandwidth?.outbound?.average;
  if (average) entries.push(['rate', `${average}KB/s`]);
  if (net.type === 'bridge') {
    if (net.source?.bridge !== undefined) entries.push(['bridge', net.source.bridge]);
    entries.push(['script', net.script ?? DEFAULT_VIF_SCRIPT]);
  } else {
    // The host device of a routed vif (libvirt 0.1.x-0.2.x wrote it; xend accepts it).
    if (net.source?.dev !== undefined) entries.push(['dev', net.source.dev]);
    if (net.script !== undefined) entries.push(['script', net.script]);
  }
  if (net.ips.length > 1) throw unsupportedByXend('more than one <ip> on an interface');
  const ip = net.ips[0];
  if (ip !== undefined) entries.push(['ip', ip.address]);
  if (net.target !== undefined && !net.target.startsWith('vif')) entries.push(['vifname', net.target]);
  if (hvm && version <= XEND_CONFIG_VERSION_3_0_3 && net.model === undefined) {
    // Before Xen 3.1 an HVM guest's vif is emulated by qemu-dm unless told otherwise.
    entries.push(['type', 'ioemu']);
  } else if (hvm && net.model === 'netfront') {
    entries.push(['type', 'netfront']);
  } else if (net.model !== undefined) {
    entries.push(['model', net.model]);
  }
  return entries;
}

/** A MAC address in Xen's 00:16:3e range, for an interface that names none (as libvirt does). */
function randomXenMac(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(3));
  bytes[0] = bytes[0]! & 0x7f;
  return ['00', '16', '3e', ...[...bytes].map((byte) => byte.toString(16).padStart(2, '0'))].join(':');
}

/** `(device (pci (dev (domain 0x0000) (bus 0x00) (slot 0x1b) (func 0x0)) ...))`: one entry for all. */
export function formatPciDevices(hostdevs: readonly HostdevConfig[]): SexprArray | undefined {
  if (hostdevs.length === 0) return undefined;
  const hex = (value: number, digits: number) => `0x${value.toString(16).padStart(digits, '0')}`;
  return [
    'pci',
    ...hostdevs.map((hostdev): SexprArray => {
      if (hostdev.managed) throw unsupportedByXend('managed PCI devices (<hostdev managed=\'yes\'>)');
      const { domain, bus, slot, function: func } = hostdev.source;
      return ['dev', ['domain', hex(domain, 4)], ['bus', hex(bus, 2)], ['slot', hex(slot, 2)], ['func', hex(func, 1)]];
    }),
  ];
}

/**
 * The graphics settings: `(vnc 1)`-style inside the image (old) or inside `(vfb ...)` (new).
 * Xen 3.0.2 had no `vncdisplay`; before Xen 3.1 `vncunused` was only written to ask for one.
 */
export function formatGraphicsSettings(graphics: GraphicsConfig, version: XendConfigVersion): SexprArray[] {
  if (graphics.type === 'sdl') {
    const entries: SexprArray[] = [];
    if (graphics.display !== undefined) entries.push(['display', graphics.display]);
    if (graphics.xauth !== undefined) entries.push(['xauthority', graphics.xauth]);
    return entries;
  }
  if (graphics.type !== 'vnc') throw unsupportedByXend(`<graphics type='${graphics.type}'> (only vnc and sdl)`);
  const entries: SexprArray[] = [];
  if (graphics.autoport || graphics.port === undefined || graphics.port === -1) {
    entries.push(['vncunused', 1]);
  } else {
    if (version >= XEND_CONFIG_VERSION_3_1_0) entries.push(['vncunused', 0]);
    if (version > XEND_CONFIG_VERSION_3_0_2) entries.push(['vncdisplay', graphics.port - 5900]);
  }
  const listen = graphics.listens[0]?.address;
  if (listen !== undefined) entries.push(['vnclisten', listen]);
  if (graphics.passwd !== undefined) entries.push(['vncpasswd', graphics.passwd]);
  if (graphics.keymap !== undefined) entries.push(['keymap', graphics.keymap]);
  return entries;
}

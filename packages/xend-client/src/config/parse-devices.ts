import { all, headOf, lookup, type SExpr, type SexprList } from '@libvirt-ts/sexpr';
import type {
  BandwidthLimit,
  DiskConfig,
  GraphicsConfig,
  HostdevConfig,
  InterfaceConfig,
  SoundConfig,
} from '@libvirt-ts/xml-format';
import { badXendSexpr } from './config-errors.js';
import { diskBus, diskIndex } from './disk-order.js';
import { textAt } from './sexpr-reader.js';
import { DEFAULT_VIF_SCRIPT } from './xend-config-options.js';

// The devices of a `(domain ...)` sexpr, one function per kind (libvirt's xenParseSxpr*).

const DISK_KINDS = ['vbd', 'tap', 'tap2'] as const;

/** The `(vbd ...)`, `(tap ...)` or `(tap2 ...)` inside a `(device ...)`, if it is a disk. */
function diskEntry(device: SexprList): SexprList | undefined {
  const inner = device.items[1];
  const kind = headOf(inner);
  return DISK_KINDS.some((known) => known === kind) ? (inner as SexprList) : undefined;
}

/** `file:/x` -> driver `file`; `tap:qcow:/x` -> driver `tap`, format `qcow`. */
function parseUname(uname: string, kind: string): { driver: string; format?: string; path: string } {
  const colon = uname.indexOf(':');
  if (colon === -1) throw badXendSexpr(`cannot parse vbd uname '${uname}': missing driver name`);
  const driver = kind === 'tap2' && uname.startsWith('tap:') ? 'tap2' : uname.slice(0, colon);
  const rest = uname.slice(colon + 1);
  if (driver !== 'tap' && driver !== 'tap2') return { driver, path: rest };
  const second = rest.indexOf(':');
  if (second === -1) throw badXendSexpr(`cannot parse vbd uname '${uname}': missing driver type`);
  const imageType = rest.slice(0, second);
  return { driver, format: imageType === 'aio' ? 'raw' : imageType, path: rest.slice(second + 1) };
}

/** Xen 3.0.2 kept an HVM guest's cdrom in the image as `(cdrom path)`: it is the hdc cdrom. */
function xen302ImageCdrom(domain: SExpr): DiskConfig | undefined {
  const path = textAt(domain, 'domain/image/hvm/cdrom');
  if (path === undefined || path === '') return undefined;
  return {
    type: 'file',
    device: 'cdrom',
    driver: { type: 'raw' },
    source: { file: path },
    target: { dev: 'hdc', bus: 'ide' },
    readonly: true,
    address: { type: 'drive', controller: 0, bus: 1, target: 0, unit: 0 },
  };
}

/**
 * The disks, in sexpr order except that a `(bootable 1)` disk moves to the front; with
 * `xen302` (xendConfigVersion 1) an image `(cdrom path)` becomes the hdc cdrom.
 */
export function parseDisks(domain: SExpr, hvm: boolean, xen302 = false): DiskConfig[] {
  const disks: DiskConfig[] = [];
  for (const device of all(domain, 'device')) {
    const entry = diskEntry(device);
    if (entry === undefined) continue;
    const kind = headOf(entry)!;
    let dev = textAt(entry, `${kind}/dev`);
    const uname = textAt(entry, `${kind}/uname`);
    const mode = textAt(entry, `${kind}/mode`) ?? '';
    if (dev === undefined) throw badXendSexpr(`domain information incomplete, ${kind} has no dev`);
    if (uname === undefined && !(hvm && dev.endsWith(':cdrom'))) {
      throw badXendSexpr(`domain information incomplete, ${kind} ${dev} has no uname`);
    }
    if (dev.startsWith('ioemu:')) dev = dev.slice('ioemu:'.length);
    let diskDevice: DiskConfig['device'] = 'disk';
    const suffix = dev.lastIndexOf(':');
    if (suffix !== -1) {
      if (dev.slice(suffix) === ':cdrom') diskDevice = 'cdrom';
      dev = dev.slice(0, suffix);
    }
    const disk: DiskConfig = { type: 'file', device: diskDevice, target: { dev } };
    if (uname !== undefined) {
      const { driver, format, path } = parseUname(uname, kind);
      disk.type = driver === 'phy' ? 'block' : 'file';
      disk.driver = { name: driver, type: format ?? 'raw' };
      disk.source = disk.type === 'block' ? { dev: path } : { file: path };
    } else {
      disk.driver = { type: 'raw' };
    }
    const bus = diskBus(disk) ?? 'ide';
    disk.target.bus = bus;
    if (mode.includes('r')) disk.readonly = true;
    if (mode.includes('!')) disk.shareable = true;
    if (hvm && bus === 'ide') {
      const index = diskIndex(dev);
      disk.address = { type: 'drive', controller: 0, bus: Math.floor(index / 2), target: 0, unit: index % 2 };
    }
    if (textAt(entry, `${kind}/bootable`) === '1') disks.unshift(disk);
    else disks.push(disk);
  }
  const imageCdrom = hvm && xen302 ? xen302ImageCdrom(domain) : undefined;
  if (imageCdrom !== undefined && !disks.some((disk) => disk.target.dev === 'hdc')) disks.push(imageCdrom);
  return disks;
}

/** `10240KB/s`, `1MB/s`, `8Mb/s@50ms` -> KiB per second (libvirt's xenParseSxprVifRate). */
export function parseVifRate(rate: string): number {
  const match = /^([0-9]+)([GMK]?)([Bb])\/s(?:@.*)?$/.exec(rate);
  if (match === null) throw badXendSexpr(`invalid vif rate '${rate}'`);
  const scale = match[2] === 'G' ? 1024 * 1024 : match[2] === 'M' ? 1024 : 1;
  const kilobytes = Number(match[1]) * scale;
  return match[3] === 'b' ? Math.floor(kilobytes / 8) : kilobytes;
}

export function parseInterfaces(domain: SExpr, id: number | undefined): InterfaceConfig[] {
  const interfaces: InterfaceConfig[] = [];
  for (const device of all(domain, 'device')) {
    const vif = device.items[1];
    if (headOf(vif) !== 'vif') continue;
    const script = textAt(vif!, 'vif/script');
    const bridge = textAt(vif!, 'vif/bridge');
    const model = textAt(vif!, 'vif/model');
    const type = textAt(vif!, 'vif/type');
    const bridged = bridge !== undefined || script === DEFAULT_VIF_SCRIPT;
    const net: InterfaceConfig = { type: bridged ? 'bridge' : 'ethernet', ips: [] };
    const mac = textAt(vif!, 'vif/mac');
    if (mac !== undefined) {
      if (!/^[0-9a-fA-F]{1,2}(:[0-9a-fA-F]{1,2}){5}$/.test(mac)) throw badXendSexpr(`malformed mac address '${mac}'`);
      net.mac = mac
        .split(':')
        .map((byte) => byte.padStart(2, '0').toLowerCase())
        .join(':');
    }
    if (bridged && bridge !== undefined) net.source = { bridge };
    const ip = textAt(vif!, 'vif/ip');
    // libvirt parses the address, and so knows and writes its family.
    if (ip !== undefined) net.ips.push({ address: ip, family: ip.includes(':') ? 'ipv6' : 'ipv4' });
    if (script !== undefined) net.script = script;
    const vifname = textAt(vif!, 'vif/vifname');
    if (vifname !== undefined) net.target = vifname;
    else if (id !== undefined) net.target = `vif${id}.${interfaces.length}`;
    if (model !== undefined) net.model = model;
    else if (type === 'netfront') net.model = 'netfront';
    const rate = textAt(vif!, 'vif/rate');
    if (rate !== undefined) {
      const outbound: BandwidthLimit = { average: parseVifRate(rate) };
      net.bandwidth = { outbound };
    }
    interfaces.push(net);
  }
  return interfaces;
}

/** The PCI devices: one `(device (pci (dev ...) (dev ...)))` holds them all. */
export function parsePciDevices(domain: SExpr): HostdevConfig[] {
  const pci = all(domain, 'device')
    .map((device) => device.items[1])
    .find((inner) => headOf(inner) === 'pci') as SexprList | undefined;
  if (pci === undefined) return [];
  const number = (dev: SExpr, field: string): number => {
    const text = textAt(dev, `dev/${field}`);
    if (text === undefined) throw badXendSexpr(`missing PCI ${field}`);
    const value = /^0x[0-9a-f]+$/i.test(text) ? Number.parseInt(text, 16) : /^[0-9]+$/.test(text) ? Number(text) : Number.NaN;
    if (Number.isNaN(value)) throw badXendSexpr(`cannot parse PCI ${field} '${text}'`);
    return value;
  };
  return pci.items
    .filter((item) => headOf(item) === 'dev')
    .map((dev) => ({
      mode: 'subsystem',
      type: 'pci',
      managed: false,
      driver: 'xen',
      source: { domain: number(dev, 'domain'), bus: number(dev, 'bus'), slot: number(dev, 'slot'), function: number(dev, 'func') },
    }));
}

/** VNC settings shared by `(vfb ...)` and the old image-level keys (`prefix` is their parent path). */
function vncGraphics(node: SExpr, prefix: string, vncPort: number, useDisplay: boolean): GraphicsConfig {
  let port = vncPort;
  if (useDisplay && port === -1) {
    const display = textAt(node, `${prefix}/vncdisplay`);
    if (display !== undefined && /^[0-9]+$/.test(display)) port = Number(display);
  }
  const autoport = textAt(node, `${prefix}/vncunused`) === '1' || port === -1;
  if (useDisplay && port >= 0 && port < 5900) port += 5900;
  const graphics: GraphicsConfig = { type: 'vnc', port, autoport, listens: [] };
  const address = textAt(node, `${prefix}/vnclisten`);
  graphics.listens.push(address === undefined ? { type: 'address' } : { type: 'address', address });
  const passwd = textAt(node, `${prefix}/vncpasswd`);
  if (passwd !== undefined) graphics.passwd = passwd;
  const keymap = textAt(node, `${prefix}/keymap`);
  if (keymap !== undefined) graphics.keymap = keymap;
  return graphics;
}

function sdlGraphics(node: SExpr, prefix: string): GraphicsConfig {
  const graphics: GraphicsConfig = { type: 'sdl', listens: [] };
  const display = textAt(node, `${prefix}/display`);
  if (display !== undefined) graphics.display = display;
  const xauth = textAt(node, `${prefix}/xauthority`);
  if (xauth !== undefined) graphics.xauth = xauth;
  return graphics;
}

/**
 * The graphics: a `(device (vfb ...))` (Xen 3.0.4+ PV, 3.0.5+ HVM), else the `(vnc 1)` /
 * `(sdl 1)` keys of the image (older xend, and HVM).
 */
export function parseGraphics(domain: SExpr, hvm: boolean, vncPort: number): GraphicsConfig[] {
  for (const device of all(domain, 'device')) {
    const vfb = device.items[1];
    if (headOf(vfb) !== 'vfb') continue;
    const type = textAt(vfb!, 'vfb/type') ?? (lookup(vfb!, 'vfb/vnc') ? 'vnc' : lookup(vfb!, 'vfb/sdl') ? 'sdl' : 'unknown');
    if (type === 'sdl') return [sdlGraphics(vfb!, 'vfb')];
    if (type !== 'vnc') throw badXendSexpr(`unknown graphics type '${type}'`);
    return [vncGraphics(vfb!, 'vfb', vncPort, true)];
  }
  const image = `domain/image/${hvm ? 'hvm' : 'linux'}`;
  if (textAt(domain, `${image}/vnc`)?.startsWith('1')) return [vncGraphics(domain, image, vncPort, false)];
  if (textAt(domain, `${image}/sdl`)?.startsWith('1')) return [sdlGraphics(domain, image)];
  return [];
}

const SOUND_MODELS: readonly SoundConfig['model'][] = ['sb16', 'es1370', 'pcspk', 'ac97', 'ich6', 'ich9', 'usb'];

/** `(soundhw 'sb16,es1370')`; `all` means the two models Xen's qemu had (sb16 and es1370). */
export function parseSounds(soundhw: string): SoundConfig[] {
  if (soundhw === 'all') return [{ model: 'sb16' }, { model: 'es1370' }];
  return soundhw.split(',').map((name) => {
    const model = SOUND_MODELS.find((known) => known === name);
    if (model === undefined) throw badXendSexpr(`unknown sound model '${name}'`);
    return { model };
  });
}

/** How many vcpus `(vcpu_avail N)` marks online (its bits set). */
export function countAvailableVcpus(domain: SExpr): number {
  const text = textAt(domain, 'domain/vcpu_avail');
  if (text === undefined || !/^[0-9]+$/.test(text)) return 0;
  let bits = BigInt(text);
  let count = 0;
  while (bits > 0n) {
    count += Number(bits & 1n);
    bits >>= 1n;
  }
  return count;
}


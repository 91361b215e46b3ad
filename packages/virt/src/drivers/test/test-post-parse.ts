import { type ControllerType, type DiskBus, type DiskConfig, type DomainConfig, formatUuid, type InterfaceConfig } from '@libvirt-ts/xml-format';
import { cloneDef } from './clone-def.js';

/**
 * What libvirt 9's test driver and its generic post-parse add to a parsed definition, so that
 * dumpxml shows what real virsh shows: a random UUID and MAC where missing, arch i686, a boot
 * device for HVM guests, no direct-boot fields where libvirt ignores them, disk buses from the target name, drive addresses and the controllers they
 * need, disks sorted by index, `testnetN` interface names, VNC autoport and a default video card.
 * libvirt parses every definition a user hands it as inactive (create and restore too), so runtime
 * values (a console's tty, a VNC port chosen by autoport) are dropped. Returns a new config;
 * `random` supplies bytes (tests pass a seeded one).
 */
export function applyTestDefaults(input: DomainConfig, random: (n: number) => Uint8Array = randomBytes): DomainConfig {
  return completeTestDefaults(cloneDef(input), random);
}

/** applyTestDefaults on `def` itself, for a config nobody else holds (a fresh parse). Returns `def`. */
export function completeTestDefaults(def: DomainConfig, random: (n: number) => Uint8Array = randomBytes): DomainConfig {
  def.uuid ??= uuidFromBytes(random(16));
  def.os.arch ??= 'i686';
  if (def.os.type === 'hvm' && def.os.bootDevices.length === 0) def.os.bootDevices = ['hd'];
  if (def.os.loader && def.os.loader.type === undefined) def.os.loader.type = 'rom';
  if (def.os.type === 'linux' && def.type !== 'xen') dropDirectBoot(def);
  if (def.currentMemory > def.memory) def.currentMemory = def.memory;

  def.devices.disks = sortByIndex(def.devices.disks.map(withDiskDefaults));
  addImplicitControllers(def);
  for (const net of def.devices.interfaces) {
    net.mac ??= randomMac(random);
    for (const ip of net.ips) ip.family ??= ip.address.includes(':') ? 'ipv6' : 'ipv4';
  }
  assignInterfaceNames(def.devices.interfaces);
  for (const g of def.devices.graphics) {
    if (g.type !== 'vnc') continue;
    g.port ??= -1;
    g.autoport ??= g.port === -1;
    if (g.autoport) g.port = -1;
    if (g.listens.length === 0) g.listens = [{ type: 'address' }];
  }
  if (def.devices.graphics.length > 0 && def.devices.videos.length === 0) {
    def.devices.videos = [{ model: { type: def.os.type === 'hvm' ? 'cirrus' : 'xen' } }];
  }
  def.devices.videos.forEach((video, i) => {
    video.model.vram ??= VIDEO_RAM[video.model.type];
    video.model.heads ??= 1;
    if (i === 0) video.model.primary ??= true;
  });
  for (const input of def.devices.inputs) input.bus ??= defaultInputBus(def, input.type);
  addCharDeviceDefaults(def);
  return def;
}

/** libvirt's input bus when none is given: USB for an HVM tablet, PS/2 for other HVM input, Xen's for PV. */
function defaultInputBus(def: DomainConfig, type: string): 'usb' | 'ps2' | 'xen' {
  if (def.os.type !== 'hvm') return 'xen';
  return type === 'tablet' ? 'usb' : 'ps2';
}

/** virDomainVideoDefaultRAM (KiB) for the models that have one. */
const VIDEO_RAM: Partial<Record<string, number>> = { vga: 16384, cirrus: 16384, vmvga: 16384, xen: 4096, qxl: 65536 };

/**
 * Character devices as libvirt 9 completes them: no `tty` (a runtime value), the
 * raw protocol for TCP, a serial target for consoles, and (virDomainDefAddConsoleCompat) an HVM
 * guest's first serial port mirrored as its console, or its console as its first serial port.
 */
function addCharDeviceDefaults(def: DomainConfig): void {
  const { serials, consoles, parallels } = def.devices;
  for (const device of [...serials, ...consoles, ...parallels]) {
    delete device.tty;
    if (device.type === 'tcp') device.protocol ??= 'raw';
    // libvirt writes a UDP device's bind source before its connect source.
    if (device.type === 'udp') device.sources.sort((a, b) => Number(a.mode !== 'bind') - Number(b.mode !== 'bind'));
  }
  for (const console of consoles) console.target = { type: console.target?.type ?? 'serial', port: console.target?.port ?? 0 };
  if (def.os.type !== 'hvm') return;
  const first = serials[0];
  if (consoles.length === 0 && first) {
    consoles.push({ ...structuredClone(first), target: { type: 'serial', port: first.target?.port ?? 0 } });
  } else if (serials.length === 0 && consoles[0]?.target?.type === 'serial') {
    serials.push({ ...structuredClone(consoles[0]), target: { port: 0 } });
  }
}

/**
 * libvirt reads `<kernel>`, `<initrd>`, `<cmdline>` and `<root>` only for xen, hvm and uml guests, and
 * for the old 'linux' type only on Xen: a `type='test'` domain of os type linux loses them.
 */
function dropDirectBoot(def: DomainConfig): void {
  delete def.os.kernel;
  delete def.os.initrd;
  delete def.os.cmdline;
  delete def.os.root;
}

/** libvirt's target-name prefixes and the bus each implies (virDomainDiskDefAssignAddress order). */
const BUS_BY_PREFIX: ReadonlyArray<readonly [string, DiskBus]> = [
  ['hd', 'ide'],
  ['sd', 'scsi'],
  ['vd', 'virtio'],
  ['xvd', 'xen'],
  ['ub', 'usb'],
  ['fd', 'fdc'],
];

function withDiskDefaults(disk: DiskConfig): DiskConfig {
  const dev = disk.target.dev.replace(/^ioemu:/, '');
  // Xen's old "aio" image type is libvirt's "raw".
  if (disk.driver?.type === 'aio') disk = { ...disk, driver: { ...disk.driver, type: 'raw' } };
  // An empty drive (a cdrom without media) is a file disk to libvirt, whatever type it was given.
  if (disk.source === undefined) disk = { ...disk, type: 'file' };
  const bus = disk.target.bus ?? (disk.device === 'floppy' ? 'fdc' : (BUS_BY_PREFIX.find(([p]) => dev.startsWith(p))?.[1] ?? 'ide'));
  const out: DiskConfig = { ...disk, target: { ...disk.target, dev, bus } };
  const index = diskNameToIndex(dev);
  if (out.address === undefined && index >= 0) {
    const address = driveAddress(bus, index);
    if (address) out.address = address;
  }
  return out;
}

/** virDomainDiskDefAssignAddress: where a disk of this bus and index sits on its controller. */
function driveAddress(bus: DiskBus, index: number): DiskConfig['address'] {
  switch (bus) {
    case 'ide':
      return { type: 'drive', controller: Math.floor(index / 4), bus: Math.floor((index % 4) / 2), target: 0, unit: index % 2 };
    case 'scsi':
      return { type: 'drive', controller: Math.floor(index / 7), bus: 0, target: 0, unit: index % 7 };
    case 'fdc':
      return { type: 'drive', controller: Math.floor(index / 2), bus: 0, target: 0, unit: index % 2 };
    case 'sata':
      return { type: 'drive', controller: Math.floor(index / 6), bus: 0, target: 0, unit: index % 6 };
    default:
      return undefined;
  }
}

/** virDiskNameToIndex: "hda" → 0, "sdj" → 9, "vdaa" → 26, partitions ("sda1") ignored; -1 if not a disk name. */
export function diskNameToIndex(name: string): number {
  const match = /^(?:fd|hd|vd|sd|xvd|ubd)([a-z]+)\d*$/.exec(name);
  if (!match?.[1]) return -1;
  let index = 0;
  for (const letter of match[1]) index = index * 26 + (letter.charCodeAt(0) - 96);
  return index - 1;
}

/** libvirt keeps disks ordered by their index (a stable sort: equal indexes keep document order). */
function sortByIndex(disks: DiskConfig[]): DiskConfig[] {
  return disks
    .map((disk, position) => ({ disk, position, index: diskNameToIndex(disk.target.dev) }))
    .sort((a, b) => a.index - b.index || a.position - b.position)
    .map((entry) => entry.disk);
}

/** virDomainDefAddDiskControllers: a controller for every drive address in use, SCSI, FDC, IDE, SATA in turn. */
function addImplicitControllers(def: DomainConfig): void {
  const kinds: ReadonlyArray<readonly [DiskBus, ControllerType]> = [
    ['scsi', 'scsi'],
    ['fdc', 'fdc'],
    ['ide', 'ide'],
    ['sata', 'sata'],
  ];
  for (const [bus, type] of kinds) {
    let highest = -1;
    for (const disk of def.devices.disks) {
      if (disk.target.bus === bus && disk.address?.type === 'drive') highest = Math.max(highest, disk.address.controller);
    }
    for (let index = 0; index <= highest; index++) {
      if (!def.devices.controllers.some((c) => c.type === type && c.index === index)) def.devices.controllers.push({ type, index });
    }
  }
}

/** testDomainGenerateIfnames: each unnamed interface gets the lowest free `testnetN`. */
function assignInterfaceNames(interfaces: InterfaceConfig[]): void {
  for (const net of interfaces) {
    if (net.target !== undefined) continue;
    let n = 0;
    while (interfaces.some((other) => other.target === `testnet${n}`)) n++;
    net.target = `testnet${n}`;
  }
}

function randomBytes(n: number): Uint8Array {
  return globalThis.crypto.getRandomValues(new Uint8Array(n));
}

/** A random version-4 UUID string from 16 bytes. */
function uuidFromBytes(bytes: Uint8Array): string {
  const b = Uint8Array.from(bytes);
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  return formatUuid(b);
}

/** libvirt's generated MACs: the QEMU/KVM prefix 52:54:00 and three random bytes. */
function randomMac(random: (n: number) => Uint8Array): string {
  return ['52', '54', '00', ...Array.from(random(3), (x) => x.toString(16).padStart(2, '0'))].join(':');
}

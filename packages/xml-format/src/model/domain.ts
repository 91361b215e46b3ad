// The typed domain description: what `<domain>` XML says, as data.
//
// Conventions (shared by every model file):
// - A parsed config is complete: where libvirt fills a default while parsing
//   (disk device 'disk', lifecycle actions, clock offset 'utc', vcpu
//   placement 'static', currentMemory = memory...) the parser fills it too,
//   so the corresponding fields are required and the writer never invents
//   values. Optional fields are absent exactly when the XML lacks them.
// - Sizes are KiB as `number` (exact up to 2^53 KiB, i.e. 8 ZiB).
// - Enumerations are string unions of the values libvirt accepts.

import type { DomainDevices } from './devices.js';

/** Hypervisor type of `<domain type='…'>`. */
export const DOMAIN_TYPES = ['xen', 'test', 'kvm', 'qemu', 'kqemu', 'lxc', 'uml', 'openvz', 'vmware', 'hyperv'] as const;
export type DomainType = (typeof DOMAIN_TYPES)[number];

/**
 * What to do when the guest powers off / reboots / crashes
 * (`<on_poweroff>`, `<on_reboot>`, `<on_crash>`). The coredump actions are
 * only meaningful for `on_crash` (later libvirt).
 */
export const LIFECYCLE_ACTIONS = ['destroy', 'restart', 'preserve', 'rename-restart', 'coredump-destroy', 'coredump-restart'] as const;
export type LifecycleAction = (typeof LIFECYCLE_ACTIONS)[number];

export const VCPU_PLACEMENTS = ['static', 'auto'] as const;
export type VcpuPlacement = (typeof VCPU_PLACEMENTS)[number];

/** `<vcpu placement='…' cpuset='…' current='…'>count</vcpu>` */
export interface VcpuConfig {
  /** Maximum number of virtual CPUs (the element's text). At least 1. */
  count: number;
  /** Virtual CPUs online at boot (`current=`), when fewer than `count`. */
  current?: number;
  /** `placement=`; libvirt defaults it to 'static' and always writes it. */
  placement: VcpuPlacement;
  /** Physical CPUs the vcpus may run on (`cpuset=`, e.g. "1-4,^3,6"). */
  cpuset?: string;
}

/**
 * One IOThread of `<iothreadids>` (libvirt's virDomainIOThreadIDDef). `<iothreads>N</iothreads>` with
 * fewer ids than N gets the missing ones filled in by the parser, as libvirt does (lowest free ids
 * from 1, marked `autofill`); libvirt writes `<iothreadids>` only when some id was not filled in.
 */
export interface IOThreadIdConfig {
  /** `id=`: at least 1, unique in the domain. */
  id: number;
  /** Filled in from `<iothreads>`, not written in `<iothreadids>` (libvirt's autofill). */
  autofill: boolean;
  /** `<cputune><iothreadpin iothread='id' cpuset='…'>`: host CPUs this IOThread may run on, as virBitmapFormat writes them. */
  cpuset?: string;
}

/** `<cputune><vcpupin vcpu='…' cpuset='…'/>`: the host CPUs one vcpu may run on. */
export interface VcpuPinConfig {
  /** Below the domain's `<vcpu>` count (libvirt drops pins of vcpus it does not have). */
  vcpu: number;
  /** As virBitmapFormat writes it ("0-1,3"); never empty. */
  cpuset: string;
}

/**
 * `<cputune>`: where the domain's threads may run. The IOThreads' pins live on their
 * IOThreadIdConfig (libvirt keeps them there and writes them after the emulator's).
 */
export interface CputuneConfig {
  /** In vcpu order, as libvirt writes them; at most one per vcpu. */
  vcpupins: VcpuPinConfig[];
  /** `<emulatorpin cpuset='…'/>` */
  emulatorpin?: string;
}

/** One `<blkiotune><device>`: a host block device's I/O limits; 0 is "not set" (libvirt writes only the others). */
export interface BlkioDeviceConfig {
  /** `<path>`: the host device, unique within `<blkiotune>`. */
  path: string;
  /** `<weight>` */
  weight: number;
  /** `<read_iops_sec>` */
  readIopsSec: number;
  /** `<write_iops_sec>` */
  writeIopsSec: number;
  /** `<read_bytes_sec>`: up to 2^64-1, hence a bigint. */
  readBytesSec: bigint;
  /** `<write_bytes_sec>` */
  writeBytesSec: bigint;
}

/** `<blkiotune>`: the domain's block I/O weight (0: not set) and per-device limits, in document order. */
export interface BlkiotuneConfig {
  weight: number;
  devices: BlkioDeviceConfig[];
}

/**
 * `<maxMemory slots='…' unit='KiB'>`: the memory hotplug ceiling (later
 * libvirt). The 0.2.x test-driver files carry a `<maxMemory>` without slots
 * that no libvirt version read; the parser ignores that form.
 */
export interface MaxMemoryConfig {
  /** KiB */
  size: number;
  /** Hotplug memory slots. */
  slots: number;
}

/** Guest kind of `<os><type>`: 'linux' (0.1.x PV), 'xen' (later PV), 'hvm' (fully virtualised), 'xenpvh' (Xen PVH, libvirt 9). */
export const OS_TYPES = ['linux', 'xen', 'hvm', 'exe', 'uml', 'xenpvh'] as const;
export type OsType = (typeof OS_TYPES)[number];

/** `<boot dev='…'/>`; legacy spellings (hda, /dev/fd0, /dev/cdrom) are normalised by the parser. */
export const BOOT_DEVICES = ['fd', 'hd', 'cdrom', 'network'] as const;
export type BootDevice = (typeof BOOT_DEVICES)[number];

export const LOADER_TYPES = ['rom', 'pflash'] as const;
export type LoaderType = (typeof LOADER_TYPES)[number];

/** `<loader type='rom' readonly='yes'>path</loader>` (HVM firmware). */
export interface OsLoader {
  path: string;
  type?: LoaderType;
  readonly?: boolean;
}

export const ACPI_TABLE_TYPES = ['slic', 'msdm'] as const;
export type AcpiTableType = (typeof ACPI_TABLE_TYPES)[number];

export interface OsAcpiTable {
  type: AcpiTableType;
  path: string;
}

/** `<os>`: how the guest boots. */
export interface OsConfig {
  /** `<type>`: the parser defaults it to 'linux' (PV) when a bootloader replaces `<os>`. */
  type: OsType;
  /** `<type arch='…'>`, e.g. 'i686', 'x86_64'. */
  arch?: string;
  /** `<type machine='…'>`, e.g. 'xenpv', 'xenfv'. */
  machine?: string;
  loader?: OsLoader;
  /** PV kernel (or HVM direct kernel boot) path. */
  kernel?: string;
  initrd?: string;
  /** `<root>`: 0.1.x PV root device, passed to xend as `(root …)`. */
  root?: string;
  /** Kernel command line, verbatim (whitespace kept). */
  cmdline?: string;
  /** `<acpi><table type='slic'>path</table></acpi>`: ACPI tables handed to the guest (libvirt 9). */
  acpiTables?: OsAcpiTable[];
  /** `<boot dev>` elements in order (first = tried first); empty when none. */
  bootDevices: BootDevice[];
}

/**
 * `<features>`: each present feature maps to `true` (`<acpi/>`) or `false`
 * (`<hap state='off'/>`). Absent keys are not written.
 */
export interface DomainFeatures {
  acpi?: boolean;
  apic?: boolean;
  pae?: boolean;
  hap?: boolean;
  viridian?: boolean;
  privnet?: boolean;
  pvspinlock?: boolean;
  pmu?: boolean;
  vmport?: boolean;
  smm?: boolean;
  vmcoreinfo?: boolean;
  htm?: boolean;
  /** `<xen>`: Xen's own features (libvirt 9). */
  xen?: XenFeatures;
}

export const XEN_PASSTHROUGH_MODES = ['sync_pt', 'share_pt'] as const;
export type XenPassthroughMode = (typeof XEN_PASSTHROUGH_MODES)[number];

/** `<features><xen><e820_host state/><passthrough state mode/></xen>`. */
export interface XenFeatures {
  e820Host?: boolean;
  passthrough?: boolean;
  passthroughMode?: XenPassthroughMode;
}

/** Names of `DomainFeatures`, in libvirt's formatting order. */
export const DOMAIN_FEATURE_NAMES = [
  'acpi',
  'apic',
  'pae',
  'hap',
  'viridian',
  'privnet',
  'pvspinlock',
  'pmu',
  'vmport',
  'smm',
  'vmcoreinfo',
  'htm',
] as const satisfies readonly (keyof DomainFeatures)[];

export const TIMER_NAMES = ['platform', 'pit', 'rtc', 'hpet', 'tsc', 'kvmclock', 'hypervclock', 'armvtimer'] as const;
export type TimerName = (typeof TIMER_NAMES)[number];
export const TIMER_TICK_POLICIES = ['delay', 'catchup', 'merge', 'discard'] as const;
export type TimerTickPolicy = (typeof TIMER_TICK_POLICIES)[number];
export const TIMER_TRACKS = ['boot', 'guest', 'wall'] as const;
export type TimerTrack = (typeof TIMER_TRACKS)[number];
export const TIMER_MODES = ['auto', 'native', 'emulate', 'paravirt', 'smpsafe'] as const;
export type TimerMode = (typeof TIMER_MODES)[number];

/** `<timer name='hpet' present='yes'/>` inside `<clock>`. */
export interface ClockTimer {
  name: TimerName;
  present?: boolean;
  tickpolicy?: TimerTickPolicy;
  track?: TimerTrack;
  /** `mode=`: how the tsc timer runs (Xen's tsc_mode). */
  mode?: TimerMode;
}

export const CLOCK_OFFSETS = ['utc', 'localtime', 'timezone', 'variable', 'absolute'] as const;
export type ClockOffset = (typeof CLOCK_OFFSETS)[number];

export const CLOCK_BASES = ['utc', 'localtime'] as const;
export type ClockBasis = (typeof CLOCK_BASES)[number];

/** `<clock offset='…' adjustment='…' basis='…'>`; libvirt defaults the offset to 'utc'. */
export interface ClockConfig {
  offset: ClockOffset;
  /** Seconds of offset, or 'reset' (utc/localtime only). */
  adjustment?: number | 'reset';
  /** For offset 'variable'. */
  basis?: ClockBasis;
  /** For offset 'timezone' (`timezone=`). */
  timezone?: string;
  /** `<timer>` children in order; empty when none. */
  timers: ClockTimer[];
}

/** A whole `<domain>` document. */
export interface DomainConfig {
  /** `<domain type='…'>`; documents without it (0.1.x) parse as 'xen'. */
  type: DomainType;
  /** `<domain id='…'>`: the running domain's id; absent for inactive domains. */
  id?: number;
  name: string;
  /** Canonical form: 36 chars, lower-case, dashed (the parser accepts 32 hex digits too). */
  uuid?: string;
  /** `<title>`: one-line description (later libvirt). */
  title?: string;
  /** `<description>`: free text, verbatim. */
  description?: string;
  /** `<maxMemory>` */
  maxMemory?: MaxMemoryConfig;
  /** `<memory>`: maximum memory, KiB (any `unit=` is converted). */
  memory: number;
  /** `<currentMemory>`: memory at boot, KiB; the parser defaults it to `memory`. */
  currentMemory: number;
  /** `<blkiotune>`; absent when the document has none. */
  blkiotune?: BlkiotuneConfig;
  vcpu: VcpuConfig;
  /** `<iothreads>` / `<iothreadids>`: the IOThreads in libvirt's order (explicit ids first, then filled ones); absent when none. */
  iothreadIds?: IOThreadIdConfig[];
  /** `<cputune>`; absent when it pins nothing. */
  cputune?: CputuneConfig;
  /** `<bootloader>`: host program that extracts the kernel (pygrub); `<os>` may then be sparse. */
  bootloader?: string;
  /** `<bootloader_args>` */
  bootloaderArgs?: string;
  os: OsConfig;
  /** `<features>`; absent when the document has none. */
  features?: DomainFeatures;
  clock: ClockConfig;
  /** `<on_poweroff>`; libvirt's default is 'destroy'. */
  onPoweroff: LifecycleAction;
  /** `<on_reboot>`; libvirt's default is 'restart'. */
  onReboot: LifecycleAction;
  /** `<on_crash>`; libvirt's default is 'destroy'. */
  onCrash: LifecycleAction;
  devices: DomainDevices;
}

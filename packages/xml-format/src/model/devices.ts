// The `<devices>` section. Devices are grouped by kind, in the order
// libvirt's formatter writes the groups; within a group, document order.

/**
 * `<address type='pci' domain bus slot function/>` or
 * `<address type='drive' controller bus target unit/>`: where a device sits.
 * Numbers; the writer prints PCI fields in hex as libvirt does (0x0000, 0x01).
 */
export type DeviceAddress = PciAddress | DriveAddress;

export interface PciAddress {
  type: 'pci';
  domain: number;
  bus: number;
  slot: number;
  function: number;
}

export interface DriveAddress {
  type: 'drive';
  controller: number;
  bus: number;
  target: number;
  unit: number;
}

export const DISK_TYPES = ['file', 'block', 'network', 'dir', 'volume'] as const;
export type DiskType = (typeof DISK_TYPES)[number];
export const DISK_DEVICES = ['disk', 'cdrom', 'floppy', 'lun'] as const;
export type DiskDevice = (typeof DISK_DEVICES)[number];
export const DISK_BUSES = ['ide', 'scsi', 'virtio', 'xen', 'usb', 'sata', 'fdc', 'sd'] as const;
export type DiskBus = (typeof DISK_BUSES)[number];

/** `<source>` of a disk: `file=` for file disks, `dev=` for block disks, `protocol`/`name`/hosts for network disks. */
export interface DiskSource {
  file?: string;
  dev?: string;
  dir?: string;
  /** Network disks: 'nbd', 'iscsi', 'rbd', 'http'... */
  protocol?: string;
  /** Network disks: export / volume name. */
  name?: string;
  /** Network disks: `<host name port/>` children. */
  hosts?: { name: string; port?: number }[];
}

/** `<driver name='…' type='…'/>`: backend (file, phy, tap, tap2, qemu) and image format (raw, qcow, qcow2, aio, vhd). */
export interface DiskDriver {
  name?: string;
  type?: string;
  cache?: string;
}

/** `<disk>` */
export interface DiskConfig {
  /** `type=`; defaults to 'file' (0.1.x documents may omit it). */
  type: DiskType;
  /** `device=`; defaults to 'disk' (0.1.x did not read it). */
  device: DiskDevice;
  driver?: DiskDriver;
  /** Absent for an empty cdrom (libvirt allows that); other disks without a source fail with NO_SOURCE. */
  source?: DiskSource;
  /** `<backingStore/>`: present and empty means "no backing chain". */
  backingStore?: 'none';
  /**
   * `<target dev='…' bus='…'/>`. The parser drops the xend-era decorations
   * as later libvirt does: `ioemu:hda` -> `hda`, `xvda:disk` -> `xvda`, and
   * `hdc:cdrom` -> `hdc` with device 'cdrom'.
   */
  target: { dev: string; bus?: DiskBus };
  readonly?: boolean;
  shareable?: boolean;
  address?: DeviceAddress;
}

export const CONTROLLER_TYPES = ['ide', 'fdc', 'scsi', 'sata', 'virtio-serial', 'ccid', 'usb', 'pci', 'xenbus'] as const;
export type ControllerType = (typeof CONTROLLER_TYPES)[number];

/** `<controller type='…' index='…' model='…'/>` */
export interface ControllerConfig {
  type: ControllerType;
  index: number;
  model?: string;
  /** USB controllers: `ports=` (libvirt 9's qusb1/qusb2 on Xen). */
  ports?: number;
  /** xenbus controllers: `maxGrantFrames=` and `maxEventChannels=` (libvirt 9). */
  maxGrantFrames?: number;
  maxEventChannels?: number;
  address?: DeviceAddress;
}

export const INTERFACE_TYPES = ['bridge', 'ethernet', 'network', 'user', 'direct'] as const;
export type InterfaceType = (typeof INTERFACE_TYPES)[number];

/** `<ip address='…' family='…' prefix='…'/>` of an interface. */
export interface InterfaceIp {
  address: string;
  family?: 'ipv4' | 'ipv6';
  prefix?: number;
}

/** `<inbound>`/`<outbound>` of `<bandwidth>`, KiB/s (average, peak) and KiB (burst). */
export interface BandwidthLimit {
  average?: number;
  peak?: number;
  burst?: number;
}

/** `<interface>` */
export interface InterfaceConfig {
  /** `type=`; defaults to 'bridge' (0.1.x). */
  type: InterfaceType;
  /** Canonical: lower-case `aa:bb:cc:dd:ee:ff`. */
  mac?: string;
  /** `<source bridge=… | dev=… | network=…/>` */
  source?: { bridge?: string; dev?: string; network?: string; mode?: string };
  /** `<ip>` children in order; empty when none. */
  ips: InterfaceIp[];
  bandwidth?: { inbound?: BandwidthLimit; outbound?: BandwidthLimit };
  /** `<script path='…'/>`: Xen vif hotplug script. */
  script?: string;
  /** `<target dev='…'/>`: host-side device name (vif3.0). */
  target?: string;
  /** `<model type='…'/>`: e1000, virtio, netfront... (any string, as libvirt). */
  model?: string;
  address?: DeviceAddress;
}

/** Source kinds shared by `<serial>`, `<parallel>` and `<console>`. */
export const CHAR_DEVICE_TYPES = ['null', 'vc', 'pty', 'dev', 'file', 'pipe', 'stdio', 'udp', 'tcp', 'unix', 'spicevmc'] as const;
export type CharDeviceType = (typeof CHAR_DEVICE_TYPES)[number];

export const CHAR_SOURCE_MODES = ['bind', 'connect'] as const;
export type CharSourceMode = (typeof CHAR_SOURCE_MODES)[number];

/**
 * One `<source>` of a character device. tcp/unix have one (mode + host/service
 * or path); udp may have two (mode 'bind' and 'connect'); dev/file/pipe/pty one with `path`.
 */
export interface CharSource {
  mode?: CharSourceMode;
  path?: string;
  host?: string;
  service?: string;
}

export const CHAR_PROTOCOLS = ['raw', 'telnet', 'telnets', 'tls'] as const;
export type CharProtocol = (typeof CHAR_PROTOCOLS)[number];

/** `<serial>`, `<parallel>` or `<console>`. */
export interface CharDeviceConfig {
  type: CharDeviceType;
  /** `tty=` attribute: the pty allocated for a running domain. */
  tty?: string;
  /** `<source>` children in order; empty when none. */
  sources: CharSource[];
  /** `<protocol type='raw|telnet|telnets|tls'/>` (tcp). */
  protocol?: CharProtocol;
  /** `<target type='…' port='…'/>`: console target type ('serial', 'xen', 'virtio'), port number. */
  target?: { type?: string; port?: number };
}

export const INPUT_TYPES = ['mouse', 'tablet', 'keyboard', 'passthrough'] as const;
export type InputType = (typeof INPUT_TYPES)[number];
export const INPUT_BUSES = ['ps2', 'usb', 'xen', 'virtio'] as const;
export type InputBus = (typeof INPUT_BUSES)[number];

/** `<input type='…' bus='…'/>` */
export interface InputConfig {
  type: InputType;
  bus?: InputBus;
}

export const GRAPHICS_LISTEN_TYPES = ['address', 'network', 'socket', 'none'] as const;
export type GraphicsListenType = (typeof GRAPHICS_LISTEN_TYPES)[number];

/** `<listen type='address' address='…'/>` of `<graphics>`. */
export interface GraphicsListen {
  type: GraphicsListenType;
  address?: string;
  network?: string;
  socket?: string;
}

export const GRAPHICS_TYPES = ['vnc', 'sdl', 'rdp', 'desktop', 'spice'] as const;
export type GraphicsType = (typeof GRAPHICS_TYPES)[number];

/** `<graphics>` */
export interface GraphicsConfig {
  type: GraphicsType;
  /** VNC port; -1 means "pick one" (with autoport). */
  port?: number;
  autoport?: boolean;
  keymap?: string;
  passwd?: string;
  /** SDL: `display=` and `xauth=`. */
  display?: string;
  xauth?: string;
  fullscreen?: boolean;
  /**
   * `<listen>` children; the legacy `listen='addr'` attribute parses as one
   * `{type:'address', address}` and is written back from the first address
   * listen, as libvirt does. Empty when none.
   */
  listens: GraphicsListen[];
}

export const SOUND_MODELS = ['sb16', 'es1370', 'pcspk', 'ac97', 'ich6', 'ich9', 'usb'] as const;
export type SoundModel = (typeof SOUND_MODELS)[number];

/** `<sound model='…'/>` */
export interface SoundConfig {
  model: SoundModel;
}

export const VIDEO_MODEL_TYPES = ['vga', 'cirrus', 'vmvga', 'xen', 'vbox', 'qxl', 'virtio', 'none'] as const;
export type VideoModelType = (typeof VIDEO_MODEL_TYPES)[number];

/** `<video><model type vram heads primary/></video>` */
export interface VideoConfig {
  model: {
    type: VideoModelType;
    /** KiB */
    vram?: number;
    heads?: number;
    primary?: boolean;
  };
  address?: DeviceAddress;
}

/** `<hostdev mode='subsystem' type='pci'>`: a host PCI device passed through. */
export interface HostdevConfig {
  mode: 'subsystem';
  type: 'pci';
  managed?: boolean;
  /** `<driver name='xen'/>` */
  driver?: string;
  /** `<source><address domain bus slot function/></source>` */
  source: Omit<PciAddress, 'type'>;
  /** `<source writeFiltering='yes|no'>`: Xen's PCI permissive mode is writeFiltering 'no'. */
  writeFiltering?: boolean;
}

export const MEMBALLOON_MODELS = ['virtio', 'xen', 'none'] as const;
export type MemballoonModel = (typeof MEMBALLOON_MODELS)[number];

/** `<memballoon model='…'/>` */
export interface MemballoonConfig {
  model: MemballoonModel;
  address?: DeviceAddress;
}

/** `<devices>`: every list is present (empty when the document has none). */
export interface DomainDevices {
  /** `<emulator>`: device model binary (qemu-dm) for HVM guests. */
  emulator?: string;
  disks: DiskConfig[];
  controllers: ControllerConfig[];
  interfaces: InterfaceConfig[];
  serials: CharDeviceConfig[];
  parallels: CharDeviceConfig[];
  consoles: CharDeviceConfig[];
  inputs: InputConfig[];
  graphics: GraphicsConfig[];
  sounds: SoundConfig[];
  videos: VideoConfig[];
  hostdevs: HostdevConfig[];
  memballoon?: MemballoonConfig;
}

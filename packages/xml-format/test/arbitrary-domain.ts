// fast-check generators of DomainConfig values in the parser's normal form:
// values the parser would produce (canonical UUID/MAC, defaults filled in,
// currentMemory <= memory...), so that parse(write(config)) must equal config.
import fc from 'fast-check';
import { formatCpuBitmap } from '../src/values/cpu-bitmap.js';
import type {
  BandwidthLimit,
  CharDeviceConfig,
  CharSource,
  ClockConfig,
  ClockTimer,
  ControllerConfig,
  DeviceAddress,
  DiskConfig,
  DomainConfig,
  DomainDevices,
  DomainFeatures,
  GraphicsConfig,
  GraphicsListen,
  HostdevConfig,
  InputConfig,
  InterfaceConfig,
  OsConfig,
  VideoConfig,
} from '../src/index.js';
import {
  BOOT_DEVICES,
  CHAR_DEVICE_TYPES,
  CHAR_PROTOCOLS,
  CHAR_SOURCE_MODES,
  CLOCK_BASES,
  CLOCK_OFFSETS,
  CONTROLLER_TYPES,
  DISK_BUSES,
  DISK_DEVICES,
  DISK_TYPES,
  DOMAIN_FEATURE_NAMES,
  DOMAIN_TYPES,
  GRAPHICS_LISTEN_TYPES,
  GRAPHICS_TYPES,
  INPUT_BUSES,
  INPUT_TYPES,
  INTERFACE_TYPES,
  LIFECYCLE_ACTIONS,
  LOADER_TYPES,
  MEMBALLOON_MODELS,
  OS_TYPES,
  SOUND_MODELS,
  TIMER_NAMES,
  TIMER_TICK_POLICIES,
  TIMER_TRACKS,
  VCPU_PLACEMENTS,
  VIDEO_MODEL_TYPES,
} from '../src/index.js';

const oneOf = <T>(values: readonly T[]): fc.Arbitrary<T> => fc.constantFrom(...values);

// Characters XML can carry, weighted towards the ones that need escaping.
const xmlChar = fc.oneof(
  fc.constantFrom('&', '<', '>', "'", '"', ' ', '\t', '\n', '\r', ']', '=', '/', ':'),
  fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1 }),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }).filter((char) => !/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u.test(char)),
);
/** Any XML-representable text, including empty. */
const text = fc.string({ unit: xmlChar, maxLength: 12 });
/** Text with at least one visible character (names, device targets). */
const word = fc.tuple(fc.stringMatching(/^[a-z0-9][a-z0-9._-]{0,8}$/), text).map(([head, tail]) => head + tail);
/** A domain name: a word without '/', which libvirt's parser refuses in a name (virDomainDefParseXML). */
const domainName = word.filter((name) => !name.includes('/'));
const uint = (max: number): fc.Arbitrary<number> => fc.integer({ min: 0, max });
const kib = fc.integer({ min: 1, max: 2 ** 40 });
const hexByte = fc.integer({ min: 0, max: 255 }).map((byte) => byte.toString(16).padStart(2, '0'));

const uuid = fc.uuid();
const mac = fc.array(hexByte, { minLength: 6, maxLength: 6 }).map((bytes) => bytes.join(':'));
// The model holds a cpuset as libvirt writes it back (ranges, ascending): any non-empty CPU set, formatted.
const cpuset = fc.uniqueArray(uint(63), { minLength: 1, maxLength: 8 }).map((cpus) => formatCpuBitmap(new Set(cpus)));

const address: fc.Arbitrary<DeviceAddress> = fc.oneof(
  fc.record({ type: fc.constant('pci' as const), domain: uint(0xffff), bus: uint(0xff), slot: uint(0x1f), function: uint(7) }),
  fc.record({ type: fc.constant('drive' as const), controller: uint(9), bus: uint(9), target: uint(9), unit: uint(9) }),
);

const features: fc.Arbitrary<DomainFeatures> = fc
  .record(
    Object.fromEntries(DOMAIN_FEATURE_NAMES.map((name) => [name, fc.boolean()])) as Record<keyof DomainFeatures, fc.Arbitrary<boolean>>,
    { requiredKeys: [] },
  )
  // On-only features (<acpi/>) have no "off" spelling.
  .map((all) =>
    Object.fromEntries(Object.entries(all).filter(([name, on]) => on || !['acpi', 'apic', 'pae', 'viridian', 'privnet'].includes(name))),
  );

const timer: fc.Arbitrary<ClockTimer> = fc.record(
  { name: oneOf(TIMER_NAMES), present: fc.boolean(), tickpolicy: oneOf(TIMER_TICK_POLICIES), track: oneOf(TIMER_TRACKS) },
  { requiredKeys: ['name'] },
);

const clock: fc.Arbitrary<ClockConfig> = fc.record(
  {
    offset: oneOf(CLOCK_OFFSETS),
    adjustment: fc.oneof(fc.constant('reset' as const), fc.integer({ min: -(10 ** 12), max: 10 ** 12 })),
    basis: oneOf(CLOCK_BASES),
    timezone: word,
    timers: fc.array(timer, { maxLength: 2 }),
  },
  { requiredKeys: ['offset', 'timers'] },
);

const os: fc.Arbitrary<OsConfig> = fc
  .record(
    {
      type: oneOf(OS_TYPES),
      arch: word,
      machine: word,
      loader: fc.record({ path: text, type: oneOf(LOADER_TYPES), readonly: fc.boolean() }, { requiredKeys: ['path'] }),
      kernel: text,
      initrd: text,
      root: text,
      cmdline: text,
      bootDevices: fc.array(oneOf(BOOT_DEVICES), { maxLength: 3 }),
    },
    { requiredKeys: ['type', 'bootDevices'] },
  )
  // A paravirtualised guest without a bootloader needs a kernel.
  .map((config) => (config.type === 'hvm' || config.kernel !== undefined ? config : { ...config, kernel: '/boot/vmlinuz' }));

const disk: fc.Arbitrary<DiskConfig> = fc
  .record(
    {
      type: oneOf(DISK_TYPES),
      device: oneOf(DISK_DEVICES),
      driver: fc.record({ name: word, type: word, cache: word }, { requiredKeys: [] }),
      source: fc.record(
        {
          file: text,
          dev: text,
          dir: text,
          protocol: word,
          name: text,
          hosts: fc.array(fc.record({ name: word, port: uint(65535) }, { requiredKeys: ['name'] }), { minLength: 1, maxLength: 2 }),
        },
        { requiredKeys: [] },
      ),
      backingStore: fc.constant('none' as const),
      // The parser strips xend's ioemu: prefix and :disk/:cdrom suffixes.
      target: fc.record({ dev: word.filter((dev) => !/^ioemu:|:(disk|cdrom)$/.test(dev)), bus: oneOf(DISK_BUSES) }, { requiredKeys: ['dev'] }),
      readonly: fc.constant(true),
      shareable: fc.constant(true),
      address,
    },
    { requiredKeys: ['type', 'device', 'target'] },
  )
  // Only removable media may lack a source.
  .map((config) => (config.source !== undefined || config.device === 'cdrom' || config.device === 'floppy' ? config : { ...config, source: {} }));

const controller: fc.Arbitrary<ControllerConfig> = fc.record(
  { type: oneOf(CONTROLLER_TYPES), index: uint(9), model: word, address },
  { requiredKeys: ['type', 'index'] },
);

const bandwidthLimit: fc.Arbitrary<BandwidthLimit> = fc.record({ average: uint(10 ** 9), peak: uint(10 ** 9), burst: uint(10 ** 9) }, { requiredKeys: [] });

const nic: fc.Arbitrary<InterfaceConfig> = fc.record(
  {
    type: oneOf(INTERFACE_TYPES),
    mac,
    source: fc.record({ bridge: word, dev: word, network: word, mode: word }, { requiredKeys: [] }),
    ips: fc.array(
      fc.oneof(
        fc.record({ address: fc.ipV4(), family: fc.constant('ipv4' as const), prefix: uint(32) }, { requiredKeys: ['address'] }),
        fc.record({ address: fc.ipV6(), family: fc.constant('ipv6' as const), prefix: uint(128) }, { requiredKeys: ['address', 'family'] }),
      ),
      { maxLength: 2 },
    ),
    bandwidth: fc.record({ inbound: bandwidthLimit, outbound: bandwidthLimit }, { requiredKeys: [] }),
    script: text,
    target: word,
    model: word,
    address,
  },
  { requiredKeys: ['type', 'ips'] },
);

const charSource: fc.Arbitrary<CharSource> = fc.record(
  { mode: oneOf(CHAR_SOURCE_MODES), path: text, host: word, service: fc.integer({ min: 1, max: 65535 }).map(String) },
  { requiredKeys: [] },
);

const charDevice: fc.Arbitrary<CharDeviceConfig> = fc
  .record(
    {
      type: oneOf(CHAR_DEVICE_TYPES),
      tty: text,
      sources: fc.array(charSource, { maxLength: 2 }),
      protocol: oneOf(CHAR_PROTOCOLS),
      target: fc.record({ type: word, port: uint(3) }, { requiredKeys: [] }),
    },
    { requiredKeys: ['type', 'sources'] },
  )
  // These types name their host side.
  .map((config) =>
    ['dev', 'file', 'pipe', 'udp', 'tcp', 'unix'].includes(config.type) && config.sources.length === 0
      ? { ...config, sources: [{ path: '/dev/ttyS0' }] }
      : config,
  );

const input: fc.Arbitrary<InputConfig> = fc.record({ type: oneOf(INPUT_TYPES), bus: oneOf(INPUT_BUSES) }, { requiredKeys: ['type'] });

const listen: fc.Arbitrary<GraphicsListen> = fc.record(
  { type: oneOf(GRAPHICS_LISTEN_TYPES), address: fc.ipV4(), network: word, socket: text },
  { requiredKeys: ['type'] },
);

const graphics: fc.Arbitrary<GraphicsConfig> = fc.record(
  {
    type: oneOf(GRAPHICS_TYPES),
    port: fc.integer({ min: -1, max: 65535 }),
    autoport: fc.boolean(),
    keymap: word,
    passwd: text,
    display: word,
    xauth: text,
    fullscreen: fc.boolean(),
    listens: fc.array(listen, { maxLength: 2 }),
  },
  { requiredKeys: ['type', 'listens'] },
);

const video: fc.Arbitrary<VideoConfig> = fc.record(
  {
    model: fc.record(
      { type: oneOf(VIDEO_MODEL_TYPES), vram: uint(1 << 20), heads: uint(4), primary: fc.boolean() },
      { requiredKeys: ['type'] },
    ),
    address,
  },
  { requiredKeys: ['model'] },
);

const hostdev: fc.Arbitrary<HostdevConfig> = fc.record(
  {
    mode: fc.constant('subsystem' as const),
    type: fc.constant('pci' as const),
    managed: fc.boolean(),
    driver: word,
    source: fc.record({ domain: uint(0xffff), bus: uint(0xff), slot: uint(0x1f), function: uint(7) }),
  },
  { requiredKeys: ['mode', 'type', 'source'] },
);

const list = <T>(arbitrary: fc.Arbitrary<T>): fc.Arbitrary<T[]> => fc.array(arbitrary, { maxLength: 2 });

const devices: fc.Arbitrary<DomainDevices> = fc.record(
  {
    emulator: text,
    disks: list(disk),
    controllers: list(controller),
    interfaces: list(nic),
    serials: list(charDevice),
    parallels: list(charDevice),
    consoles: list(charDevice),
    inputs: list(input),
    graphics: list(graphics),
    sounds: list(fc.record({ model: oneOf(SOUND_MODELS) })),
    videos: list(video),
    hostdevs: list(hostdev),
    memballoon: fc.record({ model: oneOf(MEMBALLOON_MODELS), address }, { requiredKeys: ['model'] }),
  },
  {
    requiredKeys: [
      'disks',
      'controllers',
      'interfaces',
      'serials',
      'parallels',
      'consoles',
      'inputs',
      'graphics',
      'sounds',
      'videos',
      'hostdevs',
    ],
  },
);

export const domainConfig: fc.Arbitrary<DomainConfig> = fc
  .record(
    {
      type: oneOf(DOMAIN_TYPES),
      id: uint(65535),
      name: domainName,
      uuid,
      title: text,
      description: text,
      maxMemory: fc.record({ size: kib, slots: uint(255) }),
      memory: kib,
      currentMemory: kib,
      vcpu: fc
        .record(
          { count: fc.integer({ min: 1, max: 128 }), current: fc.integer({ min: 1, max: 128 }), placement: oneOf(VCPU_PLACEMENTS), cpuset },
          { requiredKeys: ['count', 'placement'] },
        )
        .map((vcpu) => (vcpu.current === undefined ? vcpu : { ...vcpu, current: Math.min(vcpu.current, vcpu.count) })),
      iothreadIds: fc.uniqueArray(fc.integer({ min: 1, max: 64 }), { minLength: 1, maxLength: 4 }).chain((ids) =>
        fc.tuple(...ids.map((id) => fc.record({ id: fc.constant(id), autofill: fc.constant(false), cpuset }, { requiredKeys: ['id', 'autofill'] }))),
      ),
      cputune: fc.record(
        { vcpupins: fc.uniqueArray(fc.record({ vcpu: fc.integer({ min: 0, max: 127 }), cpuset }), { selector: (pin) => pin.vcpu, minLength: 1, maxLength: 4 }), emulatorpin: cpuset },
        { requiredKeys: ['vcpupins'] },
      ),
      bootloader: text,
      bootloaderArgs: text,
      os,
      features,
      clock,
      onPoweroff: oneOf(LIFECYCLE_ACTIONS),
      onReboot: oneOf(LIFECYCLE_ACTIONS),
      onCrash: oneOf(LIFECYCLE_ACTIONS),
      devices,
    },
    {
      requiredKeys: ['type', 'name', 'memory', 'currentMemory', 'vcpu', 'os', 'clock', 'onPoweroff', 'onReboot', 'onCrash', 'devices'],
    },
  )
  // The balloon never starts above the maximum; pins are of vcpus the domain has, in vcpu order.
  .map((config) => {
    const fitted = { ...config, currentMemory: Math.min(config.currentMemory, config.memory) };
    if (config.cputune === undefined) return fitted;
    const vcpupins = config.cputune.vcpupins.filter((pin) => pin.vcpu < config.vcpu.count).sort((a, b) => a.vcpu - b.vcpu);
    const { cputune: _dropped, ...rest } = fitted;
    return vcpupins.length === 0 && config.cputune.emulatorpin === undefined ? rest : { ...rest, cputune: { ...config.cputune, vcpupins } };
  });

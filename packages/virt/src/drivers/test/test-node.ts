import type { DomainConfig } from '@libvirt-ts/xml-format';
import { DomainState, RunningReason } from '../../constants.js';
import { DomainEventBus } from '../../events/domain-event-bus.js';
import type { NodeInfo } from '../../types.js';
import type { TestCell } from './capabilities.js';
import type { TestUser } from './test-auth.js';
import { TestDomainList } from './test-domain-list.js';

/** The whole state of one test "host": node values, NUMA cells and domains. */
export interface TestNode {
  info: NodeInfo;
  cells: TestCell[];
  domains: TestDomainList;
  /** Lifecycle events, heard by every connection sharing this node. */
  events: DomainEventBus;
  /** A node file's `<auth>` users: when there are any, opening asks for credentials. */
  users?: TestUser[];
}

/** The node values of libvirt 9's test:///default (also the fallback for node files without <cpu>/<memory>). */
export const DEFAULT_NODE_INFO: Readonly<NodeInfo> = {
  model: 'i686',
  memory: 3145728,
  cpus: 16,
  mhz: 1400,
  nodes: 2,
  sockets: 2,
  cores: 2,
  threads: 2,
};

/** The two NUMA cells of test:///default (cell 1's small pages are 8 KiB, as libvirt 9 has them). */
const DEFAULT_CELLS: readonly TestCell[] = [
  { memory: 2097152, smallPageSize: 4, smallPages: 524288, cpus: 8 },
  { memory: 4194304, smallPageSize: 8, smallPages: 524288, cpus: 8 },
];

const pci = (bus: number, slot: number) => ({ type: 'pci' as const, domain: 0, bus, slot, function: 0 });

/** The domain `test` that libvirt 9 builds into test:///default, already through its post-parse. */
function defaultDomain(): DomainConfig {
  return {
    type: 'test',
    name: 'test',
    uuid: '6695eb01-f6a4-8304-79aa-97f2502e193f',
    memory: 8388608,
    currentMemory: 2097152,
    vcpu: { count: 2, placement: 'static' },
    os: { type: 'hvm', arch: 'i686', bootDevices: ['hd'] },
    clock: { offset: 'utc', timers: [] },
    onPoweroff: 'destroy',
    onReboot: 'restart',
    onCrash: 'destroy',
    devices: {
      disks: [{ type: 'file', device: 'disk', source: { file: '/guest/diskimage1' }, target: { dev: 'vda', bus: 'virtio' }, address: pci(1, 0) }],
      controllers: [],
      interfaces: [
        { type: 'network', mac: 'aa:bb:cc:dd:ee:ff', source: { network: 'default' }, ips: [], target: 'testnet0', address: pci(0, 1) },
      ],
      serials: [],
      parallels: [],
      consoles: [],
      inputs: [],
      graphics: [],
      sounds: [],
      videos: [],
      hostdevs: [],
      memballoon: { model: 'virtio', address: pci(0, 2) },
    },
  };
}

/** A fresh test:///default: node values, two cells, and `test` running as id 1 (reason unknown, as libvirt 9 reports it). */
export function createDefaultNode(): TestNode {
  const domains = new TestDomainList();
  const test = domains.add(defaultDomain(), { live: false });
  test.persistent = true;
  domains.start(test, DomainState.RUNNING, RunningReason.UNKNOWN);
  return { info: { ...DEFAULT_NODE_INFO }, cells: DEFAULT_CELLS.map((c) => ({ ...c })), domains, events: new DomainEventBus() };
}

import { type DomainRef, type Driver, DriverNo } from '../../driver.js';
import { DomainState, type DomainInfo, type NodeInfo } from '../../types.js';
import { uuidFromString } from '../../uuid.js';

interface TestDomain extends DomainRef {
  state: DomainState;
  maxMem: number;
  memory: number;
  nrVirtCpu: number;
}

/** The node of `test:///default`, as Debian libvirt 9's test driver builds it. */
function defaultNode(): { info: NodeInfo; domains: TestDomain[] } {
  return {
    info: { model: 'i686', memory: 3145728, cpus: 16, mhz: 1400, nodes: 2, sockets: 2, cores: 2, threads: 2 },
    domains: [
      {
        id: 1,
        name: 'test',
        uuid: uuidFromString('6695eb01-f6a4-8304-79aa-97f2502e193f'),
        state: DomainState.RUNNING,
        maxMem: 8388608,
        memory: 2097152,
        nrVirtCpu: 2,
      },
    ],
  };
}

/** The in-memory test driver (walking-skeleton subset). */
export class TestDriver implements Driver {
  readonly no = DriverNo.TEST;
  readonly name = 'Test';
  readonly #node = defaultNode();

  async close(): Promise<void> {}

  async getType(): Promise<string> {
    return 'TEST';
  }

  async nodeGetInfo(): Promise<NodeInfo> {
    return { ...this.#node.info };
  }

  async listDomainIDs(): Promise<number[]> {
    return this.#node.domains.filter((d) => d.id >= 0).map((d) => d.id);
  }

  async listDefinedDomains(): Promise<string[]> {
    return this.#node.domains.filter((d) => d.id < 0).map((d) => d.name);
  }

  async lookupByID(id: number): Promise<DomainRef | undefined> {
    return this.#node.domains.find((d) => d.id === id);
  }

  async lookupByName(name: string): Promise<DomainRef | undefined> {
    return this.#node.domains.find((d) => d.name === name);
  }

  async domainGetInfo(ref: DomainRef): Promise<DomainInfo> {
    const d = this.#node.domains.find((x) => x.name === ref.name);
    if (!d) throw new Error(`unknown domain ${ref.name}`);
    return { state: d.state, maxMem: d.maxMem, memory: d.memory, nrVirtCpu: d.nrVirtCpu, cpuTime: 0n };
  }
}

import type { Driver, DomainRef } from './driver.js';
import { Domain } from './domain.js';
import { VirtError } from './errors/virt-error.js';
import type { NodeInfo } from './types.js';

type DriverMethod = Exclude<keyof Driver, 'name' | 'close'>;

/** A connection to a node: the drivers that opened for its URI, in priority order. */
export class Connection {
  readonly #drivers: Driver[];
  readonly #domains = new Map<string, Domain>();
  #closed = false;

  constructor(
    readonly uri: string,
    readonly readOnly: boolean,
    drivers: Driver[],
  ) {
    this.#drivers = drivers;
  }

  /** First open driver that implements `method`; NO_SUPPORT when none does. */
  driverFor<M extends DriverMethod>(method: M): Driver & Required<Pick<Driver, M>> {
    if (this.#closed) {
      throw new VirtError({ code: 'INVALID_CONN', domain: 'NONE', message: 'invalid connection pointer in', str1: method });
    }
    const driver = this.#drivers.find((d) => typeof d[method] === 'function');
    if (!driver) {
      throw new VirtError({ code: 'NO_SUPPORT', domain: 'NONE', message: `this function is not supported by the connection driver: ${method}` });
    }
    return driver as Driver & Required<Pick<Driver, M>>;
  }

  /** The one handle for this domain on this connection, as libvirt's domain hash. */
  domainHandle(ref: DomainRef): Domain {
    let handle = this.#domains.get(ref.name);
    if (!handle) {
      handle = new Domain(this, ref);
      this.#domains.set(ref.name, handle);
    } else {
      handle.refresh(ref);
    }
    return handle;
  }

  async getURI(): Promise<string> {
    return this.uri;
  }

  async getType(): Promise<string> {
    return this.driverFor('getType').getType();
  }

  async nodeGetInfo(): Promise<NodeInfo> {
    return this.driverFor('nodeGetInfo').nodeGetInfo();
  }

  async listDomainIDs(): Promise<number[]> {
    return this.driverFor('listDomainIDs').listDomainIDs();
  }

  async numOfDomains(): Promise<number> {
    return (await this.listDomainIDs()).length;
  }

  async listDefinedDomains(): Promise<string[]> {
    return this.driverFor('listDefinedDomains').listDefinedDomains();
  }

  async numOfDefinedDomains(): Promise<number> {
    return (await this.listDefinedDomains()).length;
  }

  async lookupDomainById(id: number): Promise<Domain> {
    const ref = await this.driverFor('lookupByID').lookupByID(id);
    if (!ref) throw noDomain(`'${id}'`);
    return this.domainHandle(ref);
  }

  async lookupDomainByName(name: string): Promise<Domain> {
    const ref = await this.driverFor('lookupByName').lookupByName(name);
    if (!ref) throw noDomain(`'${name}'`);
    return this.domainHandle(ref);
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await Promise.all(this.#drivers.map((d) => d.close()));
  }
}

function noDomain(what: string): VirtError {
  return new VirtError({ code: 'NO_DOMAIN', domain: 'NONE', message: `Domain not found: no domain with matching name ${what}` });
}

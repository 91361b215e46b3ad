import type { Connection } from './connection.js';
import type { DomainRef } from './driver.js';
import type { DomainInfo } from './types.js';
import { formatUuid } from './uuid.js';

/** A handle on one domain of a connection. Name and UUID are fixed; the id changes as it starts and stops. */
export class Domain {
  #ref: DomainRef;

  constructor(
    readonly connection: Connection,
    ref: DomainRef,
  ) {
    this.#ref = { ...ref };
  }

  /** Updates the cached id after a lookup found the domain again. */
  refresh(ref: DomainRef): void {
    this.#ref.id = ref.id;
  }

  getName(): string {
    return this.#ref.name;
  }

  /** The domain id, or -1 when inactive. */
  getID(): number {
    return this.#ref.id;
  }

  getUUID(): Uint8Array {
    return Uint8Array.from(this.#ref.uuid);
  }

  getUUIDString(): string {
    return formatUuid(this.#ref.uuid);
  }

  async getInfo(): Promise<DomainInfo> {
    return this.connection.driverFor('domainGetInfo').domainGetInfo(this.#ref);
  }
}

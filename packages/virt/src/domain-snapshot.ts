import type { Connection } from './connection.js';
import type { Domain } from './domain.js';
import type { DomainRef, DriverMethod, DriverMethodArgs, DriverMethodResult } from './driver.js';
import type { ConnectionEngine } from './engine/connection-engine.js';

/** Hands the engine to the private constructor; only the engine makes snapshot handles. */
const constructing = Symbol('DomainSnapshot');
let makeSnapshot: (engine: ConnectionEngine, domain: Domain, ref: () => DomainRef, name: string) => DomainSnapshot;

/**
 * virDomainSnapshotPtr: a handle on one snapshot of a domain, handed out by the domain's
 * snapshotCreateXML, listAllSnapshots, snapshotLookupByName and snapshotCurrent (there is no public
 * constructor). Its name is fixed; every call asks the driver again, so a handle on a deleted
 * snapshot fails with NO_DOMAIN_SNAPSHOT.
 *
 * Lifetime as Domain's: nothing needs freeing (free() does nothing), and once the connection is
 * closed every call fails with INVALID_CONN.
 *
 * Names follow the binding rule of Domain: the C function without `virDomainSnapshot` and `Get`,
 * first letter lower-cased (virDomainSnapshotGetXMLDesc → XMLDesc, virDomainSnapshotGetParent →
 * parent, virDomainSnapshotDelete → delete). virDomainRevertToSnapshot is Domain.revertToSnapshot.
 */
export class DomainSnapshot {
  readonly #engine: ConnectionEngine;
  readonly #domain: Domain;
  /** The domain's current ref (its id moves as it starts and stops). */
  readonly #domainRef: () => DomainRef;
  readonly #name: string;

  private constructor(token: symbol, engine: ConnectionEngine, domain: Domain, ref: () => DomainRef, name: string) {
    if (token !== constructing) throw new TypeError('DomainSnapshot has no public constructor: find snapshots through a Domain');
    this.#engine = engine;
    this.#domain = domain;
    this.#domainRef = ref;
    this.#name = name;
  }

  static {
    makeSnapshot = (engine, domain, ref, name) => new DomainSnapshot(constructing, engine, domain, ref, name);
  }

  /** virDomainSnapshotGetName. */
  name(): string {
    return this.#local('virDomainSnapshotGetName', () => this.#name);
  }

  /** virDomainSnapshotGetDomain: the domain this snapshot belongs to. */
  domain(): Domain {
    return this.#local('virDomainSnapshotGetDomain', () => this.#domain);
  }

  /** virDomainSnapshotGetConnect. */
  connect(): Connection {
    return this.#local('virDomainSnapshotGetConnect', () => this.#engine.facade);
  }

  /** virDomainSnapshotFree: nothing to do; kept so code written for libvirt runs unchanged. */
  async free(): Promise<void> {}

  /** virDomainSnapshotGetXMLDesc: the `<domainsnapshot>` document; `flags` from DomainSnapshotXMLFlags. */
  XMLDesc(flags = 0): Promise<string> {
    return this.#call('domainSnapshotGetXMLDesc', flags);
  }

  /** virDomainSnapshotGetParent: NO_DOMAIN_SNAPSHOT when this snapshot is a root. */
  parent(flags = 0): Promise<DomainSnapshot> {
    return this.#engine.run(this.#domain, async () => {
      const name = await this.#engine.call('domainSnapshotGetParent', this.#domainRef(), this.#name, flags);
      return makeSnapshot(this.#engine, this.#domain, this.#domainRef, name);
    });
  }

  /** virDomainSnapshotNumChildren: `flags` from DomainSnapshotListFlags (DESCENDANTS counts all below). */
  numChildren(flags = 0): Promise<number> {
    return this.#call('domainSnapshotNumChildren', flags);
  }

  /** virDomainSnapshotListChildrenNames. */
  listChildrenNames(flags = 0): Promise<string[]> {
    return this.#call('domainSnapshotListChildrenNames', flags);
  }

  /** virDomainSnapshotListAllChildren. */
  listAllChildren(flags = 0): Promise<DomainSnapshot[]> {
    return this.#engine.run(this.#domain, async () => {
      const names = await this.#engine.call('domainSnapshotListAllChildren', this.#domainRef(), this.#name, flags);
      return names.map((name) => makeSnapshot(this.#engine, this.#domain, this.#domainRef, name));
    });
  }

  /** virDomainSnapshotIsCurrent. */
  isCurrent(flags = 0): Promise<boolean> {
    return this.#call('domainSnapshotIsCurrent', flags);
  }

  /** virDomainSnapshotHasMetadata. */
  hasMetadata(flags = 0): Promise<boolean> {
    return this.#call('domainSnapshotHasMetadata', flags);
  }

  /**
   * virDomainRevertToSnapshot: puts the domain back to this snapshot; `flags` from
   * DomainSnapshotRevertFlags. The domain may start (new id) or stop.
   */
  revertToSnapshot(flags = 0): Promise<void> {
    return this.#engine.run(this.#domain, async () => {
      this.#engine.refresh(await this.#engine.call('domainRevertToSnapshot', this.#domainRef(), this.#name, flags));
    });
  }

  /** virDomainSnapshotDelete: `flags` from DomainSnapshotDeleteFlags. */
  delete(flags = 0): Promise<void> {
    return this.#call('domainSnapshotDelete', flags);
  }

  #call<M extends SnapshotMethod>(method: M, flags: number): Promise<DriverMethodResult<M>> {
    const args = [this.#domainRef(), this.#name, flags] as unknown as DriverMethodArgs<M>;
    return this.#engine.run(this.#domain, () => this.#engine.call(method, ...args));
  }

  #local<T>(api: string, read: () => T): T {
    return this.#engine.runSync(this.#domain, () => {
      this.#engine.checkOpen(api);
      return read();
    });
  }
}

/** The driver calls that take (domain, snapshot name, flags). */
type SnapshotMethod = Extract<
  DriverMethod,
  | 'domainSnapshotGetXMLDesc'
  | 'domainSnapshotNumChildren'
  | 'domainSnapshotListChildrenNames'
  | 'domainSnapshotIsCurrent'
  | 'domainSnapshotHasMetadata'
  | 'domainSnapshotDelete'
>;

/** A new handle on snapshot `name` of `domain` (whose current ref `ref` reads): not exported from the package. */
export function newSnapshot(engine: ConnectionEngine, domain: Domain, ref: () => DomainRef, name: string): DomainSnapshot {
  return makeSnapshot(engine, domain, ref, name);
}

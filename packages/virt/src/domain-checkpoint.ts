import { checkExclusiveFlags } from './api-arg-checks.js';
import type { Connection } from './connection.js';
import { DomainCheckpointDeleteFlags } from './constants.js';
import type { Domain } from './domain.js';
import type { DomainRef } from './driver.js';
import type { ConnectionEngine } from './engine/connection-engine.js';

/** Hands the engine to the private constructor; only the engine makes checkpoint handles. */
const constructing = Symbol('DomainCheckpoint');
let makeCheckpoint: (engine: ConnectionEngine, domain: Domain, ref: () => DomainRef, name: string) => DomainCheckpoint;

/**
 * virDomainCheckpointPtr: a handle on one checkpoint of a domain (the point a later incremental
 * backup starts from), handed out by the domain's checkpointCreateXML, listAllCheckpoints and
 * checkpointLookupByName. Its name is fixed; every call asks the driver again, so a handle on a
 * deleted checkpoint fails with NO_DOMAIN_CHECKPOINT. Lifetime and names as DomainSnapshot's
 * (virDomainCheckpointGetXMLDesc → XMLDesc, virDomainCheckpointGetParent → parent).
 */
export class DomainCheckpoint {
  readonly #engine: ConnectionEngine;
  readonly #domain: Domain;
  /** The domain's current ref (its id moves as it starts and stops). */
  readonly #domainRef: () => DomainRef;
  readonly #name: string;

  private constructor(token: symbol, engine: ConnectionEngine, domain: Domain, ref: () => DomainRef, name: string) {
    if (token !== constructing) throw new TypeError('DomainCheckpoint has no public constructor: find checkpoints through a Domain');
    this.#engine = engine;
    this.#domain = domain;
    this.#domainRef = ref;
    this.#name = name;
  }

  static {
    makeCheckpoint = (engine, domain, ref, name) => new DomainCheckpoint(constructing, engine, domain, ref, name);
  }

  /** virDomainCheckpointGetName. */
  name(): string {
    return this.#local('virDomainCheckpointGetName', () => this.#name);
  }

  /** virDomainCheckpointGetDomain: the domain this checkpoint belongs to. */
  domain(): Domain {
    return this.#local('virDomainCheckpointGetDomain', () => this.#domain);
  }

  /** virDomainCheckpointGetConnect. */
  connect(): Connection {
    return this.#local('virDomainCheckpointGetConnect', () => this.#engine.facade);
  }

  /** virDomainCheckpointFree: nothing to do; kept so code written for libvirt runs unchanged. */
  async free(): Promise<void> {}

  /** virDomainCheckpointGetXMLDesc: the `<domaincheckpoint>` document; `flags` from DomainCheckpointXMLFlags. */
  XMLDesc(flags = 0): Promise<string> {
    return this.#engine.run(this.#domain, () => this.#engine.call('domainCheckpointGetXMLDesc', this.#domainRef(), this.#name, flags));
  }

  /** virDomainCheckpointGetParent: NO_DOMAIN_CHECKPOINT when this checkpoint is a root. */
  parent(flags = 0): Promise<DomainCheckpoint> {
    return this.#engine.run(this.#domain, async () => this.#sibling(await this.#engine.call('domainCheckpointGetParent', this.#domainRef(), this.#name, flags)));
  }

  /** virDomainCheckpointListAllChildren: `flags` from DomainCheckpointListFlags (DESCENDANTS: all below). */
  listAllChildren(flags = 0): Promise<DomainCheckpoint[]> {
    return this.#engine.run(this.#domain, async () =>
      (await this.#engine.call('domainCheckpointListAllChildren', this.#domainRef(), this.#name, flags)).map((name) => this.#sibling(name)),
    );
  }

  /** virDomainCheckpointDelete: `flags` from DomainCheckpointDeleteFlags (CHILDREN and CHILDREN_ONLY exclude each other). */
  delete(flags = 0): Promise<void> {
    return this.#engine.run(this.#domain, async () => {
      const { CHILDREN, CHILDREN_ONLY } = DomainCheckpointDeleteFlags;
      this.#engine.checkAllowed('domainCheckpointDelete');
      checkExclusiveFlags(flags, CHILDREN, 'VIR_DOMAIN_CHECKPOINT_DELETE_CHILDREN', CHILDREN_ONLY, 'VIR_DOMAIN_CHECKPOINT_DELETE_CHILDREN_ONLY');
      return this.#engine.call('domainCheckpointDelete', this.#domainRef(), this.#name, flags);
    });
  }

  #sibling(name: string): DomainCheckpoint {
    return makeCheckpoint(this.#engine, this.#domain, this.#domainRef, name);
  }

  #local<T>(api: string, read: () => T): T {
    return this.#engine.runSync(this.#domain, () => {
      this.#engine.checkOpen(api);
      return read();
    });
  }
}

/** A new handle on checkpoint `name` of `domain` (whose current ref `ref` reads): not exported from the package. */
export function newCheckpoint(engine: ConnectionEngine, domain: Domain, ref: () => DomainRef, name: string): DomainCheckpoint {
  return makeCheckpoint(engine, domain, ref, name);
}

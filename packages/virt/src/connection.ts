import { resolve } from 'node:path';
import { formatUuid, parseUuid } from '@libvirt-ts/xml-format';
import { type Domain, refOfDomain } from './domain.js';
import type { Answer, DomainRef, DriverStatsRecord } from './driver.js';
import { andThen } from './engine/and-then.js';
import { type ConnectionEngine, LIB_VERSION } from './engine/connection-engine.js';
import { listRefs } from './engine/list-refs.js';
import type { ErrorFunc } from './errors/error-reporting.js';
import { VirtError } from './errors/virt-error.js';
import { newStoragePool, type StoragePool } from './storage-pool.js';
import type { DomainEvent, DomainEventsOptions, DomainInfo, DomainStatsRecord, NodeCPUMap, NodeInfo, SecurityModel } from './types.js';

/** C's int and unsigned int bounds: keepalive's interval and count. */
const INT_MIN = -0x8000_0000;
const INT_MAX = 0x7fff_ffff;
const UINT_MAX = 0xffff_ffff;

/** Hands the engine to the private constructor; only this module and open.ts (through connectionOver) make connections. */
const constructing = Symbol('Connection');
let makeConnection: (engine: ConnectionEngine) => Connection;
let readEngine: (conn: Connection) => ConnectionEngine;

/**
 * virConnectPtr: a connection to a node, made by open() or openReadOnly() (there is no public
 * constructor). Every failing call rejects with a VirtError that has also been recorded and handed
 * to the error handler (this connection's, else the global one, else the default printer), as
 * libvirt reports errors.
 *
 * Lifetime: close() (or `await using conn = await open(...)`) closes the drivers at once, whatever
 * Domain handles exist; the connection and its handles then fail with INVALID_CONN.
 *
 * Names follow libvirt's binding rule: the C function without `virConnect`, first letter lower-cased
 * (virConnectNumOfDomains → numOfDomains); the domain functions taking a connection drop
 * `virDomain` (virDomainLookupByID → lookupByID); virNode functions keep `node` (nodeGetInfo).
 */
export class Connection {
  readonly #engine: ConnectionEngine;

  private constructor(token: symbol, engine: ConnectionEngine) {
    if (token !== constructing) throw new TypeError('Connection has no public constructor: use open() or openReadOnly()');
    this.#engine = engine;
    engine.facade = this;
  }

  // connectionOver's way in (the constructor takes the module's token only), and engineOf's way back.
  static {
    makeConnection = (engine) => new Connection(constructing, engine);
    readEngine = (conn) => conn.#engine;
  }

  // ---- lifetime

  /**
   * virConnectClose: closes the connection's drivers (sockets, the hypervisor device, the test
   * driver's share of its state) now, whatever Domain handles are still held. Every later call on
   * the connection or its handles fails with INVALID_CONN; so does a second close().
   */
  close(): Promise<void> {
    return this.#engine.run(undefined, () => this.#engine.close());
  }

  /** `await using conn = await open(uri)`: closes on leaving the scope (nothing happens if already closed). */
  async [Symbol.asyncDispose](): Promise<void> {
    if (!this.#engine.closed) await this.close();
  }

  // ---- error handling

  /** virConnSetErrorFunc: this connection's handler, which wins over the global one; null falls back. */
  setErrorFunc(handler: ErrorFunc | null): void {
    this.#engine.errorHandler = handler;
  }

  /** virConnGetLastError: the last error raised on this connection, or null. */
  getLastError(): VirtError | null {
    return this.#engine.lastError;
  }

  /** virConnResetLastError. */
  resetLastError(): void {
    this.#engine.lastError = null;
  }

  // ---- connection and node

  /** virConnectGetType: the first driver's answer, else the first driver's name ("Test", "Xen"...). */
  getType(): Promise<string> {
    const engine = this.#engine;
    return engine.run(undefined, async () =>
      engine.closed || engine.implements('getType') ? engine.call('getType') : engine.firstDriverName,
    );
  }

  /** virConnectGetVersion: the hypervisor's version, major*1,000,000 + minor*1,000 + micro. */
  getVersion(): Promise<number> {
    return this.#engine.run(undefined, () => this.#engine.call('getVersion'));
  }

  /** virConnectGetLibVersion: the libvirt version this library stands for (9.0.0). */
  getLibVersion(): Promise<number> {
    return this.#answer('virConnectGetLibVersion', () => LIB_VERSION);
  }

  /** virConnectGetURI: the name given to open() as libvirt 9 formats it back (`test:///%64efault` is test:///default), or "xen:///" for the default connection. */
  getURI(): Promise<string> {
    return this.#answer('virConnectGetURI', () => this.#engine.uri);
  }

  /** virConnectGetHostname. */
  getHostname(): Promise<string> {
    return this.#engine.run(undefined, () => this.#engine.call('getHostname'));
  }

  /** virConnectGetCapabilities: the capabilities XML document. */
  getCapabilities(): Promise<string> {
    return this.#engine.run(undefined, () => this.#engine.call('getCapabilities'));
  }

  /** virNodeGetInfo. */
  nodeGetInfo(): Promise<NodeInfo> {
    return this.#engine.run(undefined, () => this.#engine.call('nodeGetInfo'));
  }

  /** virNodeGetSecurityModel. */
  nodeGetSecurityModel(): Promise<SecurityModel> {
    return this.#engine.run(undefined, () => this.#engine.call('nodeGetSecurityModel'));
  }

  /**
   * virConnectSetKeepAlive: probe the peer every `interval` seconds and close the connection once
   * `count` probes in a row go unanswered; `interval` <= 0 stops probing. Resolves 0, or 1 when the
   * peer does not speak keepalive. Only connections to libvirtd (the remote driver) have it, and
   * they start with 5 s x 5; every other driver answers NO_SUPPORT, as libvirt's do.
   */
  setKeepAlive(interval: number, count: number): Promise<0 | 1> {
    const engine = this.#engine;
    return engine.run(undefined, async () => {
      engine.checkOpen('virConnectSetKeepAlive');
      // C's int and unsigned int, which the wire carries
      if (!Number.isInteger(interval) || interval < INT_MIN || interval > INT_MAX) {
        throw new VirtError({ code: 'INVALID_ARG', domain: 'NONE', message: `interval in virConnectSetKeepAlive must be an int, not ${interval}` });
      }
      if (!Number.isInteger(count) || count < 0 || count > UINT_MAX) {
        throw new VirtError({ code: 'INVALID_ARG', domain: 'NONE', message: `count in virConnectSetKeepAlive must be an unsigned int, not ${count}` });
      }
      return engine.call('connectSetKeepAlive', interval, count);
    });
  }

  /** virNodeGetCPUMap: how many CPUs the host has, which are online (bit n of `cpumap`), and how many. */
  nodeGetCPUMap(flags = 0): Promise<NodeCPUMap> {
    return this.#engine.run(undefined, () => this.#engine.call('nodeGetCPUMap', flags));
  }

  /** A call answered by the library itself: INVALID_CONN once closed. */
  #answer<T>(api: string, body: () => T): Promise<T> {
    return this.#engine.run(undefined, async () => {
      this.#engine.checkOpen(api);
      return body();
    });
  }

  /**
   * virConnectDomainXMLToNative: a domain XML document as the driver's native config (Xen:
   * `xen-xl`, `xen-xm`). NO_SUPPORT on drivers without conversions (the test driver), refused on
   * read-only connections, as libvirt.
   */
  domainXMLToNative(format: string, xml: string, flags = 0): Promise<string> {
    return this.#engine.run(undefined, () => this.#engine.call('connectDomainXMLToNative', format, xml, flags));
  }

  /** virConnectDomainXMLFromNative: a native config (`xen-xl`, `xen-xm`) as domain XML. */
  domainXMLFromNative(format: string, config: string, flags = 0): Promise<string> {
    return this.#engine.run(undefined, () => this.#engine.call('connectDomainXMLFromNative', format, config, flags));
  }

  // ---- events

  /**
   * virConnectDomainEventRegisterAny (VIR_DOMAIN_EVENT_ID_LIFECYCLE) as an async iterator: every
   * lifecycle event of the connection's domains from now on, `{ domain, event, detail, timestamp }`.
   * Each call is its own subscription with its own bounded queue (`queueLimit`, default 1,000): a
   * subscriber that stops reading gets an OVERFLOW error rather than growing without bound.
   * Leaving the loop or aborting `signal` unsubscribes; close() ends every iteration. A driver without
   * events fails the first read with NO_SUPPORT.
   *
   *     for await (const { domain, event, detail } of conn.domainEvents({ signal })) { ... }
   */
  domainEvents(options: DomainEventsOptions = {}): AsyncIterableIterator<DomainEvent> {
    this.#engine.runSync(undefined, () => this.#engine.checkOpen(REGISTER_EVENTS_API));
    return this.#engine.events.subscribe(options);
  }

  // ---- listing

  /** virConnectListDomains: the ids of the active domains. */
  listDomains(): Promise<number[]> {
    return this.#engine.run(undefined, () => this.#engine.call('listDomainIDs'));
  }

  /** virConnectNumOfDomains. */
  numOfDomains(): Promise<number> {
    const engine = this.#engine;
    return engine.run(undefined, async () =>
      engine.implements('numOfDomains') ? engine.call('numOfDomains') : (await engine.call('listDomainIDs')).length,
    );
  }

  /** virConnectListDefinedDomains: the names of the inactive persistent domains. */
  listDefinedDomains(): Promise<string[]> {
    return this.#engine.run(undefined, () => this.#engine.call('listDefinedDomains'));
  }

  /** virConnectNumOfDefinedDomains. */
  numOfDefinedDomains(): Promise<number> {
    const engine = this.#engine;
    return engine.run(undefined, async () =>
      engine.implements('numOfDefinedDomains') ? engine.call('numOfDefinedDomains') : (await engine.call('listDefinedDomains')).length,
    );
  }

  /**
   * virConnectListAllDomains: handles on the active domains (by id) then the inactive ones.
   * `flags` from ConnectListAllDomainsFlags: ACTIVE, INACTIVE; neither (0) means both.
   */
  listAllDomains(flags = 0): Promise<Domain[]> {
    const engine = this.#engine;
    return engine.run(undefined, () => andThen(listRefs(engine, flags), (refs) => refs.map((ref) => engine.handle(ref))));
  }

  /**
   * listAllDomains with each domain's virDomainGetInfo, in one driver round trip where the driver
   * lists with details (xend), else one info call per domain (no single C function: virsh's list
   * makes these calls). A domain that vanished between the listing and its info is left out.
   */
  listAllDomainsWithInfo(flags = 0): Promise<{ domain: Domain; info: DomainInfo }[]> {
    const engine = this.#engine;
    return engine.run(undefined, () =>
      andThen(listRefs(engine, flags), (refs) =>
        // A driver that listed with the infos (the test driver, xend) answers without a promise per domain.
        refs.every(hasInfo) ? refs.map((ref) => ({ domain: engine.handle(ref), info: ref.info })) : withInfoCalls(engine, refs),
      ),
    );
  }

  // ---- lookups (NO_DOMAIN with libvirt 9's words when absent)

  /** virDomainLookupByID. */
  lookupByID(id: number): Promise<Domain> {
    const engine = this.#engine;
    return engine.run(undefined, () => {
      if (!Number.isInteger(id) || id < 0) {
        throw new VirtError({ code: 'INVALID_ARG', domain: 'DOM', message: `id in virDomainLookupByID must be greater than or equal to 0`, int1: id });
      }
      return andThen(engine.call('lookupByID', id), (ref) => foundHandle(engine, ref, `no domain with matching id ${id}`));
    });
  }

  /** virDomainLookupByName. */
  lookupByName(name: string): Promise<Domain> {
    const engine = this.#engine;
    return engine.run(undefined, () =>
      andThen(engine.call('lookupByName', name), (ref) => foundHandle(engine, ref, `no domain with matching name '${name}'`)),
    );
  }

  /** virDomainLookupByUUID: 16 raw bytes. */
  lookupByUUID(uuid: Uint8Array): Promise<Domain> {
    return this.#engine.run(undefined, () => this.#lookupUUID(uuid));
  }

  /** virDomainLookupByUUIDString: the text forms virUUIDParse accepts. */
  lookupByUUIDString(uuid: string): Promise<Domain> {
    return this.#engine.run(undefined, () => {
      const bytes = parseUuid(uuid);
      if (!bytes) {
        throw new VirtError({ code: 'INVALID_ARG', domain: 'DOM', info: `uuidstr in virDomainLookupByUUIDString must be a valid UUID`, str2: uuid });
      }
      return this.#lookupUUID(bytes);
    });
  }

  #lookupUUID(uuid: Uint8Array): Answer<Domain> {
    if (uuid.length !== 16) {
      throw new VirtError({ code: 'INVALID_ARG', domain: 'DOM', info: `uuid in virDomainLookupByUUID must be 16 bytes, not ${uuid.length}` });
    }
    const engine = this.#engine;
    return andThen(engine.call('lookupByUUID', uuid), (ref) => foundHandle(engine, ref, `no domain with matching uuid '${formatUuid(uuid)}'`));
  }

  // ---- creation

  /** virDomainCreateXML: creates and starts a domain from its XML description; `flags` from DomainCreateFlags. */
  createXML(xml: string, flags = 0): Promise<Domain> {
    const engine = this.#engine;
    return engine.run(undefined, async () => engine.handle(await engine.call('domainCreateXML', xml, flags)));
  }

  /** virDomainCreateLinux: 0.1.3's name for createXML. */
  createLinux(xml: string, flags = 0): Promise<Domain> {
    return this.createXML(xml, flags);
  }

  /** virDomainDefineXML: defines (or redefines) a persistent domain without starting it. */
  defineXML(xml: string): Promise<Domain> {
    const engine = this.#engine;
    return engine.run(undefined, async () => engine.handle(await engine.call('domainDefineXML', xml)));
  }

  /**
   * virStoragePoolDefineXML: defines (or redefines) a persistent storage pool from its `<pool>` XML;
   * `flags` from StoragePoolDefineFlags. Only libvirtd's drivers have storage pools (through the
   * remote driver); ours answer NO_SUPPORT.
   */
  storagePoolDefineXML(xml: string, flags = 0): Promise<StoragePool> {
    const engine = this.#engine;
    return engine.run(undefined, async () => newStoragePool(engine, await engine.call('storagePoolDefineXML', xml, flags)));
  }

  /**
   * virDomainRestore: restarts a domain from a file written by Domain.save (relative paths are from
   * the cwd). A handle the user holds on it takes the new id.
   */
  restore(file: string): Promise<void> {
    const engine = this.#engine;
    return engine.run(undefined, async () => {
      const ref = await engine.call('domainRestore', resolve(file));
      if (ref) engine.refresh(ref);
    });
  }

  // ---- domain statistics

  /**
   * virConnectGetAllDomainStats: `stats` (DomainStatsTypes; 0 is every group the driver has) of
   * every domain the filters in `flags` (ConnectGetAllDomainStatsFlags) keep.
   */
  getAllDomainStats(stats = 0, flags = 0): Promise<DomainStatsRecord[]> {
    const engine = this.#engine;
    return engine.run(undefined, async () => this.#records(await engine.call('connectGetAllDomainStats', undefined, stats, flags)));
  }

  /**
   * virDomainListGetStats: as getAllDomainStats for the listed domains, which must belong to this
   * connection (python-libvirt's name: the C function takes no connection).
   */
  domainListGetStats(domains: readonly Domain[], stats = 0, flags = 0): Promise<DomainStatsRecord[]> {
    const engine = this.#engine;
    return engine.run(undefined, async () => {
      if (domains.length === 0) {
        throw new VirtError({ code: 'INVALID_ARG', domain: 'DOM', info: 'doms array in virDomainListGetStats must contain at least one domain' });
      }
      if (domains.some((dom) => dom.connect() !== this)) {
        throw new VirtError({ code: 'INVALID_ARG', domain: 'DOM', info: "domains in 'doms' array must belong to a single connection" });
      }
      const refs = domains.map(refOfDomain);
      return this.#records(await engine.call('connectGetAllDomainStats', refs, stats, flags));
    });
  }

  #records(records: DriverStatsRecord[]): DomainStatsRecord[] {
    return records.map(({ ref, params }) => ({ domain: this.#engine.handle(ref), params }));
  }
}


/** The public Connection over `engine` (open.ts): not exported from the package. */
export function connectionOver(engine: ConnectionEngine): Connection {
  return makeConnection(engine);
}

/** The engine behind `conn`, for this package's tests (which drivers opened): not exported from the package. */
export function engineOf(conn: Connection): ConnectionEngine {
  return readEngine(conn);
}

const REGISTER_EVENTS_API = 'virConnectDomainEventRegisterAny';

/** The handle of a domain a lookup found, NO_DOMAIN (with `detail`) when it found none. */
function foundHandle(engine: ConnectionEngine, ref: DomainRef | undefined, detail: string): Domain {
  if (!ref) throw noDomain(detail);
  return engine.handle(ref);
}

function noDomain(detail: string): VirtError {
  return new VirtError({ code: 'NO_DOMAIN', domain: 'DOM', info: detail });
}

/** A domain's info, or undefined when the driver no longer finds it (it vanished since the listing). */
function hasInfo(ref: DomainRef): ref is DomainRef & { info: DomainInfo } {
  return ref.info !== undefined;
}

/** listAllDomainsWithInfo's rows where the listing had no infos: a domainGetInfo call per domain. */
async function withInfoCalls(engine: ConnectionEngine, refs: DomainRef[]): Promise<{ domain: Domain; info: DomainInfo }[]> {
  const rows = await Promise.all(refs.map(async (ref) => ({ ref, info: ref.info ?? (await infoIfThere(engine, ref)) })));
  return rows.flatMap(({ ref, info }) => (info ? [{ domain: engine.handle(ref), info }] : []));
}

async function infoIfThere(engine: ConnectionEngine, ref: DomainRef): Promise<DomainInfo | undefined> {
  try {
    return await engine.call('domainGetInfo', ref);
  } catch {
    return undefined;
  }
}

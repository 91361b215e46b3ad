import { resolve } from 'node:path';
import { CALL_RULES, dispatch } from './dispatch.js';
import { Domain } from './domain.js';
import type { DomainRef, DriverMethod, DriverMethodArgs, DriverMethodResult, OpenedDriver } from './driver.js';
import { type ErrorHandler, type ErrorScope, reportError } from './errors/error-reporting.js';
import { toVirtError } from './errors/to-virt-error.js';
import { VirtError } from './errors/virt-error.js';
import type { DomainInfo, ListAllDomainsFlags, NodeInfo, SecurityModel } from './types.js';
import { formatUuid, parseUuid } from './uuid.js';

/** The version of libvirt whose API, messages and test driver this package reproduces (9.0.0). */
export const LIB_VERSION = 9_000_000;

/**
 * A connection to a node: the drivers that opened for its URI, in priority order (see dispatch.ts
 * for how calls are spread over them). Every failing call rejects with a VirtError that has also
 * been recorded and handed to the error handler (this connection's, else the global one, else the
 * default printer), as libvirt reports errors.
 *
 * Reference-counted as libvirt's virConnect: the user holds one reference until close(), and every
 * live Domain handle holds one; the drivers close when the last one goes (spec/drivers.md §6).
 */
export class Connection implements ErrorScope {
  readonly #drivers: readonly OpenedDriver[];
  readonly #domains = new Map<string, Domain>();
  /** libvirt's conn->uses: the user's reference (until close) plus one per live Domain handle. */
  #references = 1;
  /** close() was called: connection-level calls are refused from then on. */
  #closed = false;
  /** The last reference went and the drivers were closed: nothing can be called any more. */
  #gone = false;
  errorHandler: ErrorHandler | null = null;
  lastError: VirtError | null = null;

  constructor(
    /** The name given to open(), or "xen:///" for the default connection. */
    readonly uri: string,
    readonly readOnly: boolean,
    drivers: readonly OpenedDriver[],
  ) {
    this.#drivers = drivers;
  }

  /** Names of the drivers this connection opened, in priority order (e.g. ["Xen", "XenDaemon", "XenStore"]). */
  get driverNames(): string[] {
    return this.#drivers.map(({ driver }) => driver.name);
  }

  // ---- error handling (virConnSetErrorFunc, virConnGetLastError, virConnResetLastError)

  /** This connection's handler; it wins over the global one for errors of this connection. null: fall back. */
  setErrorHandler(handler: ErrorHandler | null): void {
    this.errorHandler = handler;
  }

  getLastError(): VirtError | null {
    return this.lastError;
  }

  resetLastError(): void {
    this.lastError = null;
  }

  // ---- plumbing shared with Domain

  /** Runs one public API call: reports its failure (with this connection and `dom`) and rethrows it. */
  async api<T>(dom: Domain | undefined, body: () => Promise<T>): Promise<T> {
    try {
      return await body();
    } catch (error) {
      throw this.#reported(error, dom);
    }
  }

  /** api() for a synchronous call (Domain's getters). */
  apiSync<T>(dom: Domain | undefined, body: () => T): T {
    try {
      return body();
    } catch (error) {
      throw this.#reported(error, dom);
    }
  }

  #reported(error: unknown, dom: Domain | undefined): VirtError {
    const err = toVirtError(error);
    err.conn ??= this;
    err.dom ??= dom;
    reportError(err, this);
    return err;
  }

  /** Dispatches a connection-level driver call: refused once the user closed the connection. */
  call<M extends DriverMethod>(method: M, ...args: DriverMethodArgs<M>): Promise<DriverMethodResult<M>> {
    this.#checkOpen(CALL_RULES[method].api);
    return this.#dispatch(method, args);
  }

  /**
   * Dispatches a call for a live Domain handle: it holds a reference, so the call works after the
   * user's close(), as a virDomainPtr outlives virConnectClose in libvirt.
   */
  callForDomain<M extends DriverMethod>(dom: Domain, method: M, ...args: DriverMethodArgs<M>): Promise<DriverMethodResult<M>> {
    const api = CALL_RULES[method].api;
    if (dom.isFreed) throw new VirtError({ code: 'INVALID_DOMAIN', domain: 'DOM', info: api });
    if (this.#gone) throw invalidConn(api);
    return this.#dispatch(method, args);
  }

  async #dispatch<M extends DriverMethod>(method: M, args: DriverMethodArgs<M>): Promise<DriverMethodResult<M>> {
    const rule = CALL_RULES[method];
    if (rule.writes && this.readOnly) {
      throw new VirtError({ code: 'OPERATION_DENIED', domain: 'NONE', info: `read only access prevents ${rule.api}` });
    }
    return dispatch(this.#drivers, method, ...args);
  }

  /** INVALID_CONN once the user closed the connection (virCheckConnectReturn). */
  #checkOpen(api: string): void {
    if (this.#closed) throw invalidConn(api);
  }

  /** Whether any open driver implements `method`. */
  implements(method: DriverMethod): boolean {
    return this.#drivers.some(({ driver }) => typeof driver[method] === 'function');
  }

  /**
   * virGetDomain: the one handle for this domain on this connection (libvirt's per-connection
   * domain hash), with one more reference for the caller. A new handle takes a reference on the
   * connection.
   */
  domainHandle(ref: DomainRef): Domain {
    // A lookup that was under way when the last reference went must not revive the connection.
    if (this.#gone) throw invalidConn('virGetDomain');
    let handle = this.#domains.get(ref.name);
    if (handle) {
      handle.retain(ref);
    } else {
      handle = new Domain(this, ref);
      this.#domains.set(ref.name, handle);
      this.#references++;
    }
    return handle;
  }

  /** virFreeDomain's second half: `dom` (named `name`) dropped its last reference, so it leaves the table and lets go of the connection. */
  releaseDomain(dom: Domain, name: string): Promise<number> {
    if (this.#domains.get(name) === dom) this.#domains.delete(name);
    return this.#release();
  }

  async #release(): Promise<number> {
    const left = --this.#references;
    if (left === 0) {
      this.#gone = true;
      await Promise.allSettled(this.#drivers.map(({ driver }) => driver.close()));
    }
    return left;
  }

  // ---- connection and node

  /**
   * virConnectClose: drops the user's reference. Resolves to the references still held (one per
   * live Domain handle; the drivers stay open for them) or 0 once the connection is gone and its
   * drivers closed. Connection-level calls fail with INVALID_CONN from here on; so does a second close.
   */
  close(): Promise<number> {
    return this.api(undefined, async () => {
      this.#checkOpen('virConnectClose');
      this.#closed = true;
      return this.#release();
    });
  }

  /** Whether close() was called (the drivers may still be open for live Domain handles). */
  get isClosed(): boolean {
    return this.#closed;
  }

  /** virConnectGetType: the first driver's answer, else the first driver's name. */
  getType(): Promise<string> {
    return this.api(undefined, async () => {
      if (this.#closed || this.implements('getType')) return this.call('getType');
      return this.#drivers[0]?.driver.name ?? '';
    });
  }

  /** virConnectGetVersion: the hypervisor's version, major*1,000,000 + minor*1,000 + micro. */
  getVersion(): Promise<number> {
    return this.api(undefined, () => this.call('getVersion'));
  }

  /** virConnectGetLibVersion: the libvirt version this library stands for. */
  async getLibVersion(): Promise<number> {
    return this.api(undefined, async () => {
      this.#checkOpen('virConnectGetLibVersion');
      return LIB_VERSION;
    });
  }

  async getURI(): Promise<string> {
    return this.api(undefined, async () => {
      this.#checkOpen('virConnectGetURI');
      return this.uri;
    });
  }

  getHostname(): Promise<string> {
    return this.api(undefined, () => this.call('getHostname'));
  }

  /** virConnectGetCapabilities: the capabilities XML document. */
  getCapabilities(): Promise<string> {
    return this.api(undefined, () => this.call('getCapabilities'));
  }

  nodeGetInfo(): Promise<NodeInfo> {
    return this.api(undefined, () => this.call('nodeGetInfo'));
  }

  nodeGetSecurityModel(): Promise<SecurityModel> {
    return this.api(undefined, () => this.call('nodeGetSecurityModel'));
  }

  // ---- listing

  listDomainIDs(): Promise<number[]> {
    return this.api(undefined, () => this.call('listDomainIDs'));
  }

  numOfDomains(): Promise<number> {
    return this.api(undefined, async () =>
      this.implements('numOfDomains') ? this.call('numOfDomains') : (await this.call('listDomainIDs')).length,
    );
  }

  listDefinedDomains(): Promise<string[]> {
    return this.api(undefined, () => this.call('listDefinedDomains'));
  }

  numOfDefinedDomains(): Promise<number> {
    return this.api(undefined, async () =>
      this.implements('numOfDefinedDomains') ? this.call('numOfDefinedDomains') : (await this.call('listDefinedDomains')).length,
    );
  }

  /**
   * virConnectListAllDomains: handles on the active domains (by id) then the inactive ones, each
   * with a reference to free(). Uses the drivers' one-shot listing where there is one, else lists
   * ids and names and looks each up.
   */
  listAllDomains(flags: ListAllDomainsFlags = {}): Promise<Domain[]> {
    return this.api(undefined, async () => (await this.#listRefs(flags)).map((ref) => this.domainHandle(ref)));
  }

  /** Refs of the wanted domains: active ones by id, then inactive ones (neither flag set means both). */
  async #listRefs(flags: ListAllDomainsFlags): Promise<DomainRef[]> {
    const both = (flags.active === true) === (flags.inactive === true);
    const wanted = { active: both || flags.active === true, inactive: both || flags.inactive === true };
    if (this.implements('listAllDomains')) return this.call('listAllDomains', wanted);
    const refs: DomainRef[] = [];
    if (wanted.active) {
      for (const id of await this.call('listDomainIDs')) {
        const ref = await this.call('lookupByID', id);
        if (ref) refs.push(ref);
      }
    }
    if (wanted.inactive) {
      for (const name of await this.call('listDefinedDomains')) {
        const ref = await this.call('lookupByName', name);
        if (ref) refs.push(ref);
      }
    }
    return refs;
  }

  /**
   * listAllDomains plus each domain's info, in one driver round trip where the driver lists with
   * details (xend), else one getInfo per domain. A domain that vanished between the listing and
   * its getInfo is left out (and gets no handle, so no reference to free).
   */
  listAllDomainsWithInfo(flags: ListAllDomainsFlags = {}): Promise<{ domain: Domain; info: DomainInfo }[]> {
    return this.api(undefined, async () => {
      const refs = await this.#listRefs(flags);
      const rows = await Promise.all(
        refs.map(async (ref) => ({ ref, info: ref.info ?? (await this.call('domainGetInfo', ref).catch(() => undefined)) })),
      );
      return rows.flatMap(({ ref, info }) => (info ? [{ domain: this.domainHandle(ref), info }] : []));
    });
  }

  // ---- lookups (NO_DOMAIN with libvirt 9's words when absent)

  lookupDomainById(id: number): Promise<Domain> {
    return this.api(undefined, async () => {
      if (!Number.isInteger(id) || id < 0) {
        throw new VirtError({ code: 'INVALID_ARG', domain: 'DOM', message: `id in virDomainLookupByID must be greater than or equal to 0`, int1: id });
      }
      const ref = await this.call('lookupByID', id);
      if (!ref) throw noDomain(`no domain with matching id ${id}`);
      return this.domainHandle(ref);
    });
  }

  lookupDomainByName(name: string): Promise<Domain> {
    return this.api(undefined, async () => {
      const ref = await this.call('lookupByName', name);
      if (!ref) throw noDomain(`no domain with matching name '${name}'`);
      return this.domainHandle(ref);
    });
  }

  lookupDomainByUUID(uuid: Uint8Array): Promise<Domain> {
    return this.api(undefined, () => this.#lookupUuid(uuid));
  }

  /** Accepts the dashed form or 32 hex digits, as libvirt's virUUIDParse. */
  lookupDomainByUUIDString(uuid: string): Promise<Domain> {
    return this.api(undefined, async () => {
      const bytes = parseUuid(uuid);
      if (!bytes) {
        throw new VirtError({ code: 'INVALID_ARG', domain: 'DOM', info: `uuidstr in virDomainLookupByUUIDString must be a valid UUID`, str2: uuid });
      }
      return this.#lookupUuid(bytes);
    });
  }

  async #lookupUuid(uuid: Uint8Array): Promise<Domain> {
    if (uuid.length !== 16) {
      throw new VirtError({ code: 'INVALID_ARG', domain: 'DOM', info: `uuid in virDomainLookupByUUID must be 16 bytes, not ${uuid.length}` });
    }
    const ref = await this.call('lookupByUUID', uuid);
    if (!ref) throw noDomain(`no domain with matching uuid '${formatUuid(uuid)}'`);
    return this.domainHandle(ref);
  }

  // ---- creation

  /** virDomainCreateXML: creates and starts a domain from its XML description. */
  createXML(xml: string, flags = 0): Promise<Domain> {
    return this.api(undefined, async () => this.domainHandle(await this.call('domainCreateXML', xml, flags)));
  }

  /** virDomainCreateLinux (0.1.3's name for createXML). */
  createLinux(xml: string, flags = 0): Promise<Domain> {
    return this.createXML(xml, flags);
  }

  /** virDomainDefineXML: defines (or redefines) a persistent domain without starting it. */
  defineXML(xml: string): Promise<Domain> {
    return this.api(undefined, async () => this.domainHandle(await this.call('domainDefineXML', xml)));
  }

  /**
   * virDomainRestore: restarts a domain from a file written by Domain.save; relative paths are from
   * the cwd. A live handle on it takes the new id; none is made (the call returns no domain to free).
   */
  restore(file: string): Promise<void> {
    return this.api(undefined, async () => {
      const ref = await this.call('domainRestore', resolve(file));
      if (ref) this.#domains.get(ref.name)?.refresh(ref);
    });
  }
}

function noDomain(detail: string): VirtError {
  return new VirtError({ code: 'NO_DOMAIN', domain: 'DOM', info: detail });
}

function invalidConn(api: string): VirtError {
  return new VirtError({ code: 'INVALID_CONN', domain: 'NONE', info: api });
}


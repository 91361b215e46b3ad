import { uuidEquals } from '@libvirt-ts/xml-format';
import type { Connection } from '../connection.js';
import { CALL_RULES, dispatch } from '../dispatch.js';
import { type Domain, newDomain } from '../domain.js';
import type { Answer, DomainRef, DriverMethod, DriverMethodArgs, DriverMethodResult, OpenedDriver } from '../driver.js';
import { type ErrorFunc, type ErrorScope, reportError } from '../errors/error-reporting.js';
import { toVirtError } from '../errors/to-virt-error.js';
import { VirtError } from '../errors/virt-error.js';
import { DomainEventHub } from '../events/domain-event-hub.js';

/** The version of libvirt whose API, messages and test driver this package reproduces (9.0.0). */
export const LIB_VERSION = 9_000_000;

/** One row of the handle table: the ref the handle reads, and the handle while the user holds it. */
interface HandleRow {
  ref: DomainRef;
  handle: WeakRef<Domain>;
}

/**
 * What stands behind a public Connection and its Domain handles, never exported from the package:
 * the opened drivers, the open/closed state, error reporting and the per-connection handle table.
 *
 * Lifetime is Node's, not C's: close() closes the drivers whatever handles exist, and every call
 * made afterwards, through the connection or any of its handles, fails with INVALID_CONN. Handles
 * hold no count: the table keeps one handle per domain while the user holds it (a WeakRef), so
 * lookups return the same object and restore() can tell a live handle its new id.
 */
export class ConnectionEngine implements ErrorScope {
  readonly #drivers: readonly OpenedDriver[];
  readonly #handles = new Map<string, HandleRow>();
  readonly #implemented = new Map<DriverMethod, boolean>();
  readonly #collected = new FinalizationRegistry<string>((name) => {
    if (this.#handles.get(name)?.handle.deref() === undefined) this.#handles.delete(name);
  });
  #closed = false;
  errorHandler: ErrorFunc | null = null;
  lastError: VirtError | null = null;
  /** The public object over this engine; set once by connection.ts right after construction. */
  facade!: Connection;

  constructor(
    /** The name given to open(), or "xen:///" for the default connection. */
    readonly uri: string,
    readonly readOnly: boolean,
    drivers: readonly OpenedDriver[],
  ) {
    this.#drivers = drivers;
    this.events = new DomainEventHub(drivers, (ref) => this.handle(ref));
  }

  /** The connection's domain event subscriptions. */
  readonly events: DomainEventHub;

  /** Names of the opened drivers, in priority order (e.g. ["Xen", "XenDaemon", "XenStore"]). */
  get driverNames(): string[] {
    return this.#drivers.map(({ driver }) => driver.name);
  }

  get closed(): boolean {
    return this.#closed;
  }

  /**
   * Runs one public API call: reports its failure (with this connection and `dom`) and rethrows it.
   * A body that answers at once (a driver holding its state in memory) costs one promise, the
   * one the caller gets.
   */
  run<T>(dom: Domain | undefined, body: () => Answer<T>): Promise<T> {
    // then(), not an async function: one promise less per API call
    let answer: Answer<T>;
    try {
      answer = body();
    } catch (error) {
      return Promise.reject(this.#reported(error, dom));
    }
    return this.#settled(answer, dom);
  }

  /** run() of one driver call, without a closure per call: every Domain method comes here. */
  runCall<M extends DriverMethod>(dom: Domain | undefined, method: M, args: DriverMethodArgs<M>): Promise<DriverMethodResult<M>> {
    let answer: Answer<DriverMethodResult<M>>;
    try {
      answer = this.call(method, ...args);
    } catch (error) {
      return Promise.reject(this.#reported(error, dom));
    }
    return this.#settled(answer, dom);
  }

  /** The caller's promise of an answer given at once or in a promise, its failure reported. */
  #settled<T>(answer: Answer<T>, dom: Domain | undefined): Promise<T> {
    if (!(answer instanceof Promise)) return Promise.resolve(answer);
    return answer.then(undefined, (error: unknown) => {
      throw this.#reported(error, dom);
    });
  }

  /** run() for a synchronous call (Domain's name, ID and UUID). */
  runSync<T>(dom: Domain | undefined, body: () => T): T {
    try {
      return body();
    } catch (error) {
      throw this.#reported(error, dom);
    }
  }

  #reported(error: unknown, dom: Domain | undefined): VirtError {
    const err = toVirtError(error);
    err.conn ??= this.facade;
    err.dom ??= dom;
    reportError(err, this);
    return err;
  }

  /** INVALID_CONN once the connection is closed (virCheckConnectReturn), naming the C function. */
  checkOpen(api: string): void {
    if (this.#closed) throw new VirtError({ code: 'INVALID_CONN', domain: 'NONE', info: api });
  }

  /** Dispatches one driver call: refused once closed, and for writes on a read-only connection. Its answer as the driver gives it (at once or in a promise). */
  call<M extends DriverMethod>(method: M, ...args: DriverMethodArgs<M>): Answer<DriverMethodResult<M>> {
    this.checkAllowed(method);
    return dispatch(this.#drivers, method, ...args);
  }

  /** The refusals before any argument check (libvirt.c's order): a closed connection, a write on a read-only one. */
  checkAllowed(method: DriverMethod): void {
    const rule = CALL_RULES[method];
    this.checkOpen(rule.api);
    if (rule.writes && this.readOnly) {
      throw new VirtError({ code: 'OPERATION_DENIED', domain: 'NONE', info: `read only access prevents ${rule.api}` });
    }
  }

  /** Whether any opened driver implements `method` (remembered: the drivers do not change). */
  implements(method: DriverMethod): boolean {
    let known = this.#implemented.get(method);
    if (known === undefined) {
      known = this.#drivers.some(({ driver }) => typeof driver[method] === 'function');
      this.#implemented.set(method, known);
    }
    return known;
  }

  /** The first driver's name (virConnectGetType's answer when no driver has one). */
  get firstDriverName(): string {
    return this.#drivers[0]?.driver.name ?? '';
  }

  /**
   * virGetDomain: the one handle for this domain on this connection (libvirt's per-connection
   * domain hash), made if the user holds none, else told the id the driver just reported.
   */
  handle(ref: DomainRef): Domain {
    // A lookup that was under way when the connection closed gets no handle.
    this.checkOpen('virGetDomain');
    const live = this.refresh(ref);
    if (live) return live;
    // The driver's UUID bytes themselves (drivers never change them): the test driver then finds
    // the domain of each call by identity rather than by comparing 16 bytes.
    const own: DomainRef = { id: ref.id, name: ref.name, uuid: ref.uuid };
    const handle = newDomain(this, own);
    this.#handles.set(ref.name, { ref: own, handle: new WeakRef(handle) });
    this.#collected.register(handle, ref.name);
    return handle;
  }

  /** Tells the live handle of `ref.name`, if any, the id (and UUID, for a redefined domain) a driver reported. */
  refresh(ref: DomainRef): Domain | undefined {
    const row = this.#handles.get(ref.name);
    const live = row?.handle.deref();
    if (!row || !live) return undefined;
    row.ref.id = ref.id;
    if (!uuidEquals(row.ref.uuid, ref.uuid)) row.ref.uuid = ref.uuid;
    return live;
  }

  /** After virDomainRename: the handle of `ref` answers to `newName` (as libvirt renames the handle's name). */
  renamed(ref: DomainRef, newName: string): void {
    const row = this.#handles.get(ref.name);
    if (row?.ref === ref) {
      this.#handles.delete(ref.name);
      this.#handles.set(newName, row);
    }
    ref.name = newName;
  }

  /** virConnectClose: closes every driver now; a second close is INVALID_CONN. */
  async close(): Promise<void> {
    this.checkOpen('virConnectClose');
    this.#closed = true;
    this.#handles.clear();
    await this.events.close();
    await Promise.allSettled(this.#drivers.map(({ driver }) => driver.close()));
  }
}

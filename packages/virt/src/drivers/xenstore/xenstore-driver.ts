import { XenstoreClient } from '@libvirt-ts/xenstore';
import { parseUuid } from '@libvirt-ts/xml-format';
import { DomainState } from '../../constants.js';
import type { DomainEventSink, DomainRef, Driver } from '../../driver.js';
import { isXenstoreError } from '../../errors/package-errors.js';
import { messageOf } from '../../errors/to-virt-error.js';
import type { DomainInfo } from '../../types.js';
import { asVirtErrors, orAbsent, xenDriverError } from '../xen/to-virt-error.js';
import { withTimeout } from '../xen/with-timeout.js';
import { isXenDomainLister } from '../xen/xen-domain-lister.js';
import { XenLifecycleWatch } from '../xen/xen-lifecycle-watch.js';
import { XEN_DEFAULTS, type XenOpenOptions } from '../xen/xen-options.js';

/** The part of XenstoreClient this driver uses (tests may hand in any client with these). */
export interface XenstoreSession {
  read(path: string): Promise<string>;
  write(path: string, value: string): Promise<void>;
  directory(path: string): Promise<string[]>;
  close(): Promise<void> | void;
  /** A watch (for domain events); a session without watches gives none. */
  watch?(path: string, options: { signal: AbortSignal }): AsyncIterable<unknown>;
}

/** What xenstore knows of a domain's consoles. */
export interface DomainConsole {
  tty?: string;
  vncPort?: number;
}

const DOMAINS = '/local/domain';
const NIL_UUID = new Uint8Array(16);

/**
 * The "XenStore" driver (libvirt 0.1.3 xs_internal.c): domain names, state, memory and vcpus read
 * from xenstored; balloon target, shutdown and reboot written to it.
 */
export class XenstoreDriver implements Driver {
  readonly name = 'XenStore';
  readonly #xs: XenstoreSession;
  readonly #timeoutMs: number;

  constructor(xs: XenstoreSession, timeoutMs: number = XEN_DEFAULTS.timeoutMs) {
    this.#xs = xs;
    this.#timeoutMs = timeoutMs;
  }

  /**
   * Connects to xenstored's read-write socket; a read-only open tries the read-only socket first,
   * then the read-write one with writes refused by the client (Xen 4.x has only one socket).
   */
  static async open(options: XenOpenOptions, readOnly: boolean): Promise<XenstoreDriver> {
    const readWrite = options.xenstoredSocket ?? process.env['XENSTORED_PATH'] ?? XEN_DEFAULTS.xenstoredSocket;
    const candidates = readOnly ? [options.xenstoredSocketRo ?? XEN_DEFAULTS.xenstoredSocketRo, readWrite] : [readWrite];
    const failures: string[] = [];
    let lastError: unknown;
    for (const path of candidates) {
      try {
        return new XenstoreDriver(await XenstoreClient.connect({ path, readOnly }), options.timeoutMs);
      } catch (error) {
        failures.push(`${path} (${messageOf(error)})`);
        lastError = error;
      }
    }
    throw xenDriverError('XENSTORE', 'NO_XENSTORE', failures.join(', '), { cause: lastError });
  }

  async close(): Promise<void> {
    await this.#xs.close();
  }

  /** Every Xen driver names the connection "Xen", as later libvirt's unified driver did. */
  async getType(): Promise<string> {
    return 'Xen';
  }

  async listDomainIDs(): Promise<number[]> {
    return this.#domainIds();
  }

  async lookupByName(name: string): Promise<DomainRef | undefined> {
    for (const id of await this.#domainIds()) {
      if ((await this.#readOptional(`${DOMAINS}/${id}/name`)) === name) {
        return { id, name, uuid: await this.#uuidOf(id) };
      }
    }
    return undefined;
  }

  async domainGetInfo(ref: DomainRef): Promise<DomainInfo> {
    const base = await this.#existingDomainPath(ref);
    const [running, target, cpus] = await Promise.all([
      this.#readOptional(`${base}/running`),
      this.#readOptional(`${base}/memory/target`),
      this.#directoryOptional(`${base}/cpu`),
    ]);
    const memory = parseKib(target);
    return {
      // 0.1.3: "1" is running; anything else (or nothing) says nothing
      state: running?.startsWith('1') ? DomainState.RUNNING : DomainState.NOSTATE,
      maxMem: memory,
      memory,
      nrVirtCpu: cpus.length,
      cpuTime: 0n,
    };
  }

  async domainGetMaxMemory(ref: DomainRef): Promise<number> {
    const path = `${await this.#existingDomainPath(ref)}/memory/target`;
    const kib = parseKib(await this.#readOptional(path));
    if (kib === 0) throw xenDriverError('XENSTORE', 'OPERATION_FAILED', `no memory target at ${path}`);
    return kib;
  }

  /** Sets the balloon target (KiB). */
  async domainSetMemory(ref: DomainRef, kib: number): Promise<void> {
    await this.#write(ref, 'memory/target', String(kib));
  }

  async domainShutdown(ref: DomainRef): Promise<void> {
    await this.#write(ref, 'control/shutdown', 'halt');
  }

  async domainReboot(ref: DomainRef, _flags = 0): Promise<void> {
    await this.#write(ref, 'control/shutdown', 'reboot');
  }

  /** The console pty and VNC port xenstore records for a running domain (what later libvirt put in its XML). */
  async domainConsole(ref: DomainRef): Promise<DomainConsole> {
    const base = this.#domainPath(ref);
    const [tty, vncPort] = await Promise.all([this.#readOptional(`${base}/console/tty`), this.#readOptional(`${base}/console/vnc-port`)]);
    const port = Number.parseInt(vncPort ?? '', 10);
    return { ...(tty ? { tty } : {}), ...(Number.isInteger(port) && port > 0 ? { vncPort: port } : {}) };
  }

  /** `image/ostype` under the domain's /vm path; libvirt answers "linux" when it is missing. */
  async domainGetOSType(ref: DomainRef): Promise<string> {
    const vm = await this.#readOptional(`${await this.#existingDomainPath(ref)}/vm`);
    const osType = vm ? await this.#readOptional(`${vm}/image/ostype`) : undefined;
    return osType || 'linux';
  }

  // ---- events

  /**
   * A xend host's lifecycle events, as libvirt's xen driver watched `@introduceDomain` and
   * `@releaseDomain` here (xs_internal.c), with the states of libvirt 9's libxl driver (see
   * XenLifecycleWatch): the domain list is the hypervisor's when it is open (root), else xend's;
   * names are xenstore's where the list has none. Defined and undefined from the peers' own
   * define and undefine. NO_SUPPORT when no peer lists domains or this session cannot watch.
   */
  async domainEventSubscribe(sink: DomainEventSink, peers: readonly Driver[]): Promise<() => Promise<void>> {
    const lister = peers.find(isXenDomainLister);
    const xs = this.#xs;
    if (!lister || !xs.watch) throw xenDriverError('XENSTORE', 'NO_SUPPORT', 'virConnectDomainEventRegisterAny');
    const watch = await XenLifecycleWatch.start(
      {
        domains: async () => {
          const domains = await lister.lifecycleDomains();
          return Promise.all(domains.map(async (seen) => (seen.name !== undefined ? seen : { ...seen, name: await this.#nameOf(seen.info.id) })));
        },
        watch: (path, options) => xs.watch!(path, options),
      },
      sink,
    );
    const buses = peers.filter(isXenDomainLister).flatMap((peer) => (peer.definitionEvents ? [peer.definitionEvents] : []));
    const stopListening = buses.map((bus) => bus.listen((event) => sink.event(event)));
    return async () => {
      for (const stop of stopListening) stop();
      watch.stop();
    };
  }

  /** A running domain's name; Domain-0 when dom0 has no name node (early Xen). */
  async #nameOf(id: number): Promise<string | undefined> {
    return (await this.#readOptional(`${DOMAINS}/${id}/name`)) ?? (id === 0 ? 'Domain-0' : undefined);
  }

  /** The ids under /local/domain; a non-numeric child fails the listing, as in libvirt. */
  async #domainIds(): Promise<number[]> {
    const children = await this.#call(() => this.#xs.directory(DOMAINS), `directory ${DOMAINS}`);
    return children.map((child) => {
      if (!/^\d+$/.test(child)) throw xenDriverError('XENSTORE', 'INTERNAL_ERROR', `non-numeric domain id '${child}' under ${DOMAINS}`);
      return Number(child);
    });
  }

  async #uuidOf(id: number): Promise<Uint8Array> {
    const vm = await this.#readOptional(`${DOMAINS}/${id}/vm`);
    if (!vm) return NIL_UUID;
    const text = (await this.#readOptional(`${vm}/uuid`)) ?? vm.slice(vm.lastIndexOf('/') + 1);
    const uuid = parseUuid(text);
    // a domain without a vm path (Domain-0 of early Xen) has the nil UUID; a malformed one is an error
    if (!uuid) throw xenDriverError('XENSTORE', 'INTERNAL_ERROR', `domain ${id}: malformed UUID '${text}' under ${vm}`);
    return uuid;
  }

  #domainPath(ref: DomainRef): string {
    if (ref.id < 0) throw xenDriverError('XENSTORE', 'OPERATION_INVALID', `domain '${ref.name}' is not running`);
    return `${DOMAINS}/${ref.id}`;
  }

  /** The domain's path, once its `name` node shows xenstore knows it (else NO_DOMAIN, not zeros). */
  async #existingDomainPath(ref: DomainRef): Promise<string> {
    const base = this.#domainPath(ref);
    if ((await this.#readOptional(`${base}/name`)) === undefined) {
      throw xenDriverError('XENSTORE', 'NO_DOMAIN', `no domain with id ${ref.id} in xenstore`);
    }
    return base;
  }

  /** Writes under a domain xenstore holds (never creating a stray /local/domain/<id> tree). */
  async #write(ref: DomainRef, leaf: string, value: string): Promise<void> {
    const path = `${await this.#existingDomainPath(ref)}/${leaf}`;
    await this.#call(() => this.#xs.write(path, value), `write ${path}`);
  }

  /** A node's children, or none when it does not exist. */
  async #directoryOptional(path: string): Promise<string[]> {
    return (await orAbsent('XENSTORE', () => this.#bounded(this.#xs.directory(path), `directory ${path}`), isNoEntry)) ?? [];
  }

  /** A node's value, or undefined when it does not exist. */
  #readOptional(path: string): Promise<string | undefined> {
    return orAbsent('XENSTORE', () => this.#bounded(this.#xs.read(path), `read ${path}`), isNoEntry);
  }

  #call<T>(operation: () => Promise<T>, what: string): Promise<T> {
    return asVirtErrors('XENSTORE', () => this.#bounded(operation(), what));
  }

  #bounded<T>(request: Promise<T>, what: string): Promise<T> {
    return withTimeout(request, this.#timeoutMs, 'XENSTORE', what);
  }
}

function isNoEntry(error: unknown): boolean {
  return isXenstoreError(error) && error.code === 'ENOENT';
}

function parseKib(text: string | undefined): number {
  const value = Number.parseInt(text ?? '', 10);
  return Number.isFinite(value) && value >= 0 ? value : 0;
}

import { resolve } from 'node:path';
import type { Connection } from './connection.js';
import type { DomainRef, DriverMethod, DriverMethodArgs, DriverMethodResult } from './driver.js';
import type { DomainInfo, DomainStateWithReason, SecurityLabel } from './types.js';
import { VirtError } from './errors/virt-error.js';
import { formatUuid } from './uuid.js';

/**
 * A handle on one domain of a connection (one per domain per connection: lookups return the same
 * object). Name and UUID are fixed; the id follows the domain as it starts (new id) and stops (-1).
 *
 * Reference-counted as libvirt's virDomain: every lookup, listing, create or define that returns
 * this handle adds a reference, and free() drops one. While it has any, the handle keeps its
 * connection (and drivers) alive, even after the connection's close(). Once the last is dropped
 * every call fails with INVALID_DOMAIN.
 */
export class Domain {
  #ref: DomainRef;
  /** libvirt's dom->uses. */
  #references = 1;

  constructor(
    readonly connection: Connection,
    ref: DomainRef,
  ) {
    this.#ref = { id: ref.id, name: ref.name, uuid: Uint8Array.from(ref.uuid) };
  }

  /** Takes the id (and UUID, for a redefined domain) a driver just reported. */
  refresh(ref: DomainRef): void {
    this.#ref.id = ref.id;
    this.#ref.uuid = Uint8Array.from(ref.uuid);
  }

  /** virGetDomain found this handle again: one more reference, and the id the driver reported. */
  retain(ref: DomainRef): void {
    this.#references++;
    this.refresh(ref);
  }

  /** Whether free() dropped the last reference: the handle is dead. */
  get isFreed(): boolean {
    return this.#references === 0;
  }

  /**
   * virDomainFree: drops one reference (the guest is not touched). The last one takes the handle out
   * of its connection's table (the next lookup makes a new handle) and releases the connection,
   * whose drivers close if nothing else holds it. Freeing a dead handle is INVALID_DOMAIN.
   */
  free(): Promise<void> {
    return this.connection.api(this, async () => {
      this.#checkLive('virDomainFree');
      if (--this.#references === 0) await this.connection.releaseDomain(this, this.#ref.name);
    });
  }

  getName(): string {
    return this.#live('virDomainGetName').name;
  }

  /** The domain id, or -1 when inactive. */
  getID(): number {
    return this.#live('virDomainGetID').id;
  }

  /** 16 raw bytes (a copy). */
  getUUID(): Uint8Array {
    return Uint8Array.from(this.#live('virDomainGetUUID').uuid);
  }

  /** Lower-case 8-4-4-4-12. */
  getUUIDString(): string {
    return formatUuid(this.#live('virDomainGetUUIDString').uuid);
  }

  /** The ref, for a synchronous getter: a freed handle throws (and reports) INVALID_DOMAIN. */
  #live(api: string): DomainRef {
    return this.connection.apiSync(this, () => {
      this.#checkLive(api);
      return this.#ref;
    });
  }

  #checkLive(api: string): void {
    if (this.isFreed) throw new VirtError({ code: 'INVALID_DOMAIN', domain: 'DOM', info: api });
  }

  #ask<T>(body: (ref: DomainRef) => Promise<T>): Promise<T> {
    return this.connection.api(this, () => body(this.#ref));
  }

  /** A driver call for this handle (refused with INVALID_DOMAIN once freed). */
  #call<M extends DriverMethod>(method: M, ...args: DriverMethodArgs<M>): Promise<DriverMethodResult<M>> {
    return this.connection.callForDomain(this, method, ...args);
  }

  getInfo(): Promise<DomainInfo> {
    return this.#ask((ref) => this.#call('domainGetInfo', ref));
  }

  /** virDomainGetState: the state and libvirt's reason number for it. */
  getState(): Promise<DomainStateWithReason> {
    return this.#ask((ref) => this.#call('domainGetState', ref));
  }

  getOSType(): Promise<string> {
    return this.#ask((ref) => this.#call('domainGetOSType', ref));
  }

  /** KiB. */
  getMaxMemory(): Promise<number> {
    return this.#ask((ref) => this.#call('domainGetMaxMemory', ref));
  }

  /** KiB. */
  setMaxMemory(kib: number): Promise<void> {
    return this.#ask(async (ref) => this.#call('domainSetMaxMemory', ref, nonZero('memory', kib, 'virDomainSetMaxMemory')));
  }

  /** The balloon target, KiB, of a running domain. */
  setMemory(kib: number): Promise<void> {
    return this.#ask(async (ref) => this.#call('domainSetMemory', ref, nonZero('memory', kib, 'virDomainSetMemory')));
  }

  /** The number of virtual CPUs of a running domain. */
  setVcpus(count: number): Promise<void> {
    return this.#ask(async (ref) => this.#call('domainSetVcpus', ref, nonZero('nvcpus', count, 'virDomainSetVcpus')));
  }

  /** virDomainSetMemoryFlags: `flags` from DomainMemoryModFlags (MEM_CONFIG changes the persistent definition). */
  setMemoryFlags(kib: number, flags: number): Promise<void> {
    return this.#ask(async (ref) =>
      this.#call('domainSetMemoryFlags', ref, nonZero('memory', kib, 'virDomainSetMemoryFlags'), flags),
    );
  }

  /** virDomainSetVcpusFlags: `flags` from DomainVcpuFlags (VCPU_MAXIMUM with VCPU_CONFIG changes the maximum). */
  setVcpusFlags(count: number, flags: number): Promise<void> {
    return this.#ask(async (ref) =>
      this.#call('domainSetVcpusFlags', ref, nonZero('nvcpus', count, 'virDomainSetVcpusFlags'), flags),
    );
  }

  /** The domain's XML description (libvirt's formatter layout). */
  getXMLDesc(flags = 0): Promise<string> {
    return this.#ask((ref) => this.#call('domainGetXMLDesc', ref, flags));
  }

  isActive(): Promise<boolean> {
    return this.#ask((ref) => this.#call('domainIsActive', ref));
  }

  isPersistent(): Promise<boolean> {
    return this.#ask((ref) => this.#call('domainIsPersistent', ref));
  }

  getAutostart(): Promise<boolean> {
    return this.#ask((ref) => this.#call('domainGetAutostart', ref));
  }

  /** virDomainSetAutostart: whether the domain starts with its host (the test driver only records it). */
  setAutostart(autostart: boolean): Promise<void> {
    return this.#ask((ref) => this.#call('domainSetAutostart', ref, autostart));
  }

  hasManagedSaveImage(): Promise<boolean> {
    return this.#ask((ref) => this.#call('domainHasManagedSaveImage', ref));
  }

  getSecurityLabel(): Promise<SecurityLabel> {
    return this.#ask((ref) => this.#call('domainGetSecurityLabel', ref));
  }

  /** virDomainGetMessages: e.g. "tainted: network configuration using opaque shell scripts". */
  getMessages(): Promise<string[]> {
    return this.#ask((ref) => this.#call('domainGetMessages', ref));
  }

  /** virDomainCreate: starts this defined domain; it gets a new id. */
  create(): Promise<void> {
    return this.#ask(async (ref) => this.refresh(await this.#call('domainCreate', ref)));
  }

  /** Removes the persistent definition; a running domain goes on as a transient one. */
  undefine(): Promise<void> {
    return this.#ask((ref) => this.#call('domainUndefine', ref));
  }

  destroy(): Promise<void> {
    return this.#ask(async (ref) => {
      await this.#call('domainDestroy', ref);
      this.#ref.id = -1;
    });
  }

  suspend(): Promise<void> {
    return this.#ask((ref) => this.#call('domainSuspend', ref));
  }

  resume(): Promise<void> {
    return this.#ask((ref) => this.#call('domainResume', ref));
  }

  /** Asks the guest to halt (the test driver stops it at once). */
  shutdown(): Promise<void> {
    return this.#ask((ref) => this.#call('domainShutdown', ref));
  }

  reboot(flags = 0): Promise<void> {
    return this.#ask((ref) => this.#call('domainReboot', ref, flags));
  }

  /** Saves the domain's state to `file` (relative paths are from the cwd) and stops it. */
  save(file: string): Promise<void> {
    return this.#ask(async (ref) => {
      await this.#call('domainSave', ref, resolve(file));
      this.#ref.id = -1;
    });
  }
}

/**
 * libvirt's public-API argument check (virCheckNonZeroArgGoto): a size or count must be a positive
 * whole number; zero reads `memory in virDomainSetMemory must not be zero`.
 */
function nonZero(argument: string, value: number, api: string): number {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new VirtError({ code: 'INVALID_ARG', domain: 'DOM', message: `${argument} in ${api} must be a non-negative integer, not ${value}` });
  }
  if (value === 0) throw new VirtError({ code: 'INVALID_ARG', domain: 'DOM', message: `${argument} in ${api} must not be zero` });
  return value;
}

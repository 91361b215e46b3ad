/**
 * The part of `@libvirt-ts/virt` that virsh uses, written down as the agreed public
 * contract. virsh talks to these interfaces only; `connect.ts` is the one place
 * that turns the package's `open()` result into them.
 */
import type { DomainInfo, DomainStateWithReason, NodeInfo, SecurityLabel, SecurityModel } from '@libvirt-ts/virt';

export interface VirtDomain {
  /** Drops this reference on the handle (virDomainFree). */
  free(): Promise<void>;
  getName(): string;
  /** -1 when inactive */
  getID(): number;
  getUUID(): Uint8Array;
  getUUIDString(): string;
  getInfo(): Promise<DomainInfo>;
  getState(): Promise<DomainStateWithReason>;
  getOSType(): Promise<string>;
  getMaxMemory(): Promise<number>;
  setMaxMemory(kib: number): Promise<void>;
  setMemory(kib: number): Promise<void>;
  setVcpus(count: number): Promise<void>;
  /** virDomainSetMemoryFlags (LIVE 1, CONFIG 2, MEM_MAXIMUM 4). */
  setMemoryFlags(kib: number, flags: number): Promise<void>;
  /** virDomainSetVcpusFlags (LIVE 1, CONFIG 2, VCPU_MAXIMUM 4, GUEST 8, HOTPLUGGABLE 16). */
  setVcpusFlags(count: number, flags: number): Promise<void>;
  /** virDomainXMLFlags: SECURE 1, INACTIVE 2, UPDATE_CPU 4, MIGRATABLE 8. */
  getXMLDesc(flags?: number): Promise<string>;
  isActive(): Promise<boolean>;
  isPersistent(): Promise<boolean>;
  getAutostart(): Promise<boolean>;
  hasManagedSaveImage(): Promise<boolean>;
  getSecurityLabel(): Promise<SecurityLabel>;
  getMessages(): Promise<string[]>;
  create(): Promise<void>;
  undefine(): Promise<void>;
  destroy(): Promise<void>;
  suspend(): Promise<void>;
  resume(): Promise<void>;
  shutdown(): Promise<void>;
  /** virDomainRebootFlagValues: ACPI 1, GUEST_AGENT 2, INITCTL 4, SIGNAL 8, PARAVIRT 16. */
  reboot(flags?: number): Promise<void>;
  save(file: string): Promise<void>;
}

export interface VirtConnection {
  readonly uri: string;
  readonly readOnly: boolean;
  /** Resolves to the references still held (libvirt's virConnectClose). */
  close(): Promise<number>;
  getType(): Promise<string>;
  getVersion(): Promise<number>;
  getLibVersion(): Promise<number>;
  getURI(): Promise<string>;
  getHostname(): Promise<string>;
  getCapabilities(): Promise<string>;
  nodeGetInfo(): Promise<NodeInfo>;
  nodeGetSecurityModel(): Promise<SecurityModel>;
  listDomainIDs(): Promise<number[]>;
  numOfDomains(): Promise<number>;
  listDefinedDomains(): Promise<string[]>;
  numOfDefinedDomains(): Promise<number>;
  listAllDomains(flags?: { active?: boolean; inactive?: boolean }): Promise<VirtDomain[]>;
  lookupDomainById(id: number): Promise<VirtDomain>;
  lookupDomainByName(name: string): Promise<VirtDomain>;
  lookupDomainByUUIDString(uuid: string): Promise<VirtDomain>;
  /** virDomainCreateFlags: START_PAUSED 1, START_AUTODESTROY 2, START_VALIDATE 16, START_RESET_NVRAM 32. */
  createXML(xml: string, flags?: number): Promise<VirtDomain>;
  defineXML(xml: string): Promise<VirtDomain>;
  restore(file: string): Promise<void>;
}

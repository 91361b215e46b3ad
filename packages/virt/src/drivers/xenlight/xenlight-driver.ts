import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Hypervisor, XenDomainInfo } from '@libvirt-ts/hypercall';
import { type DomainConfig, formatUuid, parseUuid } from '@libvirt-ts/xml-format';
import {
  DomainCreateFlags,
  DomainEventDefinedDetail,
  DomainEventStartedDetail,
  DomainEventStoppedDetail,
  DomainEventType,
  DomainEventUndefinedDetail,
  DomainMemoryModFlags,
  DomainModificationImpact,
  DomainState,
  DomainVcpuFlags,
  DomainXMLFlags,
  PausedReason,
  RunningReason,
  ShutoffReason,
} from '../../constants.js';
import type { DomainEventSink, DomainRef, Driver } from '../../driver.js';
import { isHypercallError } from '../../errors/package-errors.js';
import type { VirtError } from '../../errors/virt-error.js';
import type { DomainInfo, DomainStateWithReason, ListAllDomainsFlags, NodeInfo } from '../../types.js';
import { shownSecrets } from '../domain-xml-secrets.js';
import { domainStateOf, toHypervisorDomain } from '../hypervisor/hypercall-mapping.js';
import { definitionEvents } from '../xen/definition-events.js';
import type { LifecycleHint, SeenDomain } from '../xen/lifecycle-diff.js';
import { xenDomainXMLFromNative, xenDomainXMLToNative } from '../xen/native-config.js';
import { asVirtErrors, xenDriverError } from '../xen/to-virt-error.js';
import { XenLifecycleWatch } from '../xen/xen-lifecycle-watch.js';
import type { XenstoreSession } from '../xenstore/xenstore-driver.js';
import { foreignDomainConfig, inactiveXml, liveXml, parseUserDefinition, parseXenlightDefinition } from './domain-definition.js';
import { type DomainStatus, type DomainStore, statusOfRunning } from './domain-store.js';
import { decodeHostCpu, type HostCpuModel, hwCapBits } from './host-cpu-model.js';
import { loadX86CpuMap, type X86CpuMap } from './x86-cpu-map.js';
import { formatXenlightCapabilities } from './xenlight-capabilities.js';
import { alreadyActive, domainGone, notForDom0, notRunning } from './xenlight-errors.js';
import { XenstoreDomains } from './xenstore-domain.js';
import { toXlConfig } from './xl-config.js';
import { XlFailure, type XlToolstack } from './xl-toolstack.js';

/** The xenstore connection: reads and writes, and watches (for domain events). */
export interface XenlightXenstore extends XenstoreSession {
  watch(path: string, options: { signal: AbortSignal }): AsyncIterable<unknown>;
}

/** What the driver works with: the hypervisor, xenstored, Xen's `xl`, and its own files. */
export interface XenlightHost {
  hv: Hypervisor;
  xs: XenlightXenstore;
  xl: XlToolstack;
  store: DomainStore;
  /** libvirt's CPU map folder (see x86-cpu-map.ts). */
  cpuMapDir: string;
}

/** One running domain as Xen and xenstore show it. */
interface RunningDomain {
  id: number;
  name: string;
  uuid: Uint8Array;
  info: XenDomainInfo;
}

/** libxl's LIBXL_MAXMEM_CONSTANT: the slack (KiB) libxl adds over a domain's memory for its max. */
const MAXMEM_SLACK_KIB = 1024;
/** How long destroy waits for Xen to finish tearing a domain down, as libxl_domain_destroy does. */
const DESTROY_WAIT_MS = 10_000;

/**
 * The driver for Xen hosts without xend (Xen 4.5 on), as libvirt 9's libxl driver behaves:
 * state and lookups from hypercalls and xenstore, pause/unpause/destroy by hypercall,
 * shutdown/reboot/balloon/vcpus through xenstore as libxl writes them, and domain building
 * (create, start, save, restore) through Xen's own `xl`. Persistent definitions are XML files in
 * the driver's own folder; what it knows of the domains it started (their live definition,
 * state reasons) in its state folder. Domains it did not start (Domain-0, `xl create`d ones)
 * are shown from what Xen tells, as libvirt shows Domain-0.
 */
export class XenlightDriver implements Driver {
  readonly name = 'xenlight';
  readonly #host: XenlightHost;
  readonly #xenstore: XenstoreDomains;
  /** The lifecycle watches of this connection's event subscriptions, nudged after our own operations. */
  readonly #watches = new Set<XenLifecycleWatch>();

  constructor(host: XenlightHost) {
    this.#host = host;
    this.#xenstore = new XenstoreDomains(host.xs);
  }

  async close(): Promise<void> {
    this.#host.hv.close();
    await this.#host.xs.close();
  }

  // ---- connection and node

  async getType(): Promise<string> {
    return 'Xen';
  }

  /** libxl's version: major·10⁶ + minor·10³ (libvirt 9 prints Xen 4.17.0). */
  async getVersion(): Promise<number> {
    const { major, minor } = this.#host.hv.version;
    return major * 1_000_000 + minor * 1_000;
  }

  async getHostname(): Promise<string> {
    return hostname();
  }

  async getCapabilities(): Promise<string> {
    const physinfo = await this.#xen(() => this.#host.hv.getPhysinfo());
    // libvirt leaves the NUMA topology out when libxl_get_numainfo fails
    const numa = await this.#host.hv.getNumaInfo().catch(() => undefined);
    return formatXenlightCapabilities(this.#host.hv.version.capabilities, physinfo, numa, await this.#hostCpuModel(physinfo.hwCap));
  }

  /** The host CPU model libvirt names from hw_cap with its CPU map; none without the map, as libvirt without one. */
  async #hostCpuModel(hwCap: Uint8Array): Promise<HostCpuModel | undefined> {
    const dir = this.#host.cpuMapDir;
    let map: X86CpuMap | undefined;
    try {
      map = await loadX86CpuMap(dir);
    } catch (error) {
      throw xenDriverError('LIBXL', 'INTERNAL_ERROR', `cannot read libvirt's CPU map in ${dir}: ${(error as Error).message}`, { cause: error });
    }
    return map && decodeHostCpu(hwCapBits(hwCap), map);
  }

  /** libvirt 9's libxlDriverNodeGetInfo: physinfo, with one socket reported whatever the host has. */
  async nodeGetInfo(): Promise<NodeInfo> {
    const p = await this.#xen(() => this.#host.hv.getPhysinfo());
    return {
      model: 'x86_64',
      memory: p.totalMemoryKiB,
      cpus: p.nrCpus,
      mhz: Math.floor(p.cpuKhz / 1000),
      nodes: p.nrNodes,
      sockets: 1,
      cores: p.coresPerSocket,
      threads: p.threadsPerCore,
    };
  }

  /** libxlConnectDomainXMLToNative: xen-xl and xen-xm, by @libvirt-ts/xen-config. */
  async connectDomainXMLToNative(format: string, xml: string, flags: number): Promise<string> {
    return xenDomainXMLToNative(format, xml, flags);
  }

  /** libxlConnectDomainXMLFromNative: xen-xl and xen-xm; xen-sxpr refused as libvirt 9 refuses it. */
  async connectDomainXMLFromNative(format: string, config: string, flags: number): Promise<string> {
    return xenDomainXMLFromNative(format, config, flags);
  }

  // ---- listing and lookups

  async listDomainIDs(): Promise<number[]> {
    return (await this.#running()).map((d) => d.id);
  }

  async numOfDomains(): Promise<number> {
    return (await this.#running()).length;
  }

  async listDefinedDomains(): Promise<string[]> {
    const running = new Set((await this.#running()).map((d) => d.name));
    return [...(await this.#definitions()).keys()].filter((name) => !running.has(name));
  }

  async numOfDefinedDomains(): Promise<number> {
    return (await this.listDefinedDomains()).length;
  }

  async listAllDomains(flags: ListAllDomainsFlags): Promise<DomainRef[]> {
    const both = !flags.active && !flags.inactive;
    const running = await this.#running();
    const out: DomainRef[] = [];
    if (both || flags.active) out.push(...running.map(refOf));
    if (both || flags.inactive) {
      const names = new Set(running.map((d) => d.name));
      for (const [name, config] of await this.#definitions()) {
        if (!names.has(name)) out.push(definedRef(name, config));
      }
    }
    return out;
  }

  async lookupByID(id: number): Promise<DomainRef | undefined> {
    const domain = await this.#runningById(id);
    return domain ? refOf(domain) : undefined;
  }

  async lookupByName(name: string): Promise<DomainRef | undefined> {
    const running = (await this.#running()).find((d) => d.name === name);
    if (running) return refOf(running);
    const config = await this.#definition(name);
    return config ? definedRef(name, config) : undefined;
  }

  async lookupByUUID(uuid: Uint8Array): Promise<DomainRef | undefined> {
    const text = formatUuid(uuid);
    const running = (await this.#running()).find((d) => formatUuid(d.uuid) === text);
    if (running) return refOf(running);
    for (const [name, config] of await this.#definitions()) {
      if (config.uuid === text) return { id: -1, name, uuid };
    }
    return undefined;
  }

  // ---- creation and definition

  async domainCreateXML(xml: string, flags: number): Promise<DomainRef> {
    const config = parseUserDefinition(xml);
    await this.#refuseDuplicate(config, { forCreate: true });
    return this.#build(config, { paused: (flags & DomainCreateFlags.START_PAUSED) !== 0 });
  }

  async domainDefineXML(xml: string): Promise<DomainRef> {
    const config = parseUserDefinition(xml);
    await this.#refuseDuplicate(config, { forCreate: false });
    const existed = (await this.#definition(config.name)) !== undefined;
    await this.#store(() => this.#host.store.writeDefinition(config.name, inactiveXml(config)));
    const running = (await this.#running()).find((d) => d.name === config.name);
    const ref = running ? refOf(running) : definedRef(config.name, config);
    const detail = existed ? DomainEventDefinedDetail.UPDATED : DomainEventDefinedDetail.ADDED;
    definitionEvents(this.#host.store.configDir).emit({ ref, event: DomainEventType.DEFINED, detail });
    return ref;
  }

  async domainUndefine(ref: DomainRef): Promise<void> {
    if (ref.id === 0) return; // libvirt 9 answers success for Domain-0 and keeps it
    if (!(await this.#definition(ref.name))) {
      throw xenDriverError('LIBXL', 'OPERATION_INVALID', 'Cannot undefine transient domain');
    }
    await this.#store(() => this.#host.store.removeDefinition(ref.name));
    if (ref.id < 0) await this.#store(() => this.#host.store.removeStatus(ref.name));
    definitionEvents(this.#host.store.configDir).emit({ ref, event: DomainEventType.UNDEFINED, detail: DomainEventUndefinedDetail.REMOVED });
  }

  async domainCreate(ref: DomainRef): Promise<DomainRef> {
    if ((await this.#runningByName(ref.name)) !== undefined) throw xenDriverError('LIBXL', 'OPERATION_INVALID', 'Domain is already running');
    const config = await this.#definition(ref.name);
    if (!config) throw domainGone(ref);
    return this.#build(config, { paused: false });
  }

  async domainRestore(file: string): Promise<DomainRef | undefined> {
    const before = new Set((await this.#running()).map((d) => d.id));
    await this.#xl(() => this.#host.xl.restore(file), 'restore');
    const restored = (await this.#running()).find((d) => !before.has(d.id));
    if (!restored) return undefined;
    const status = await this.#host.store.readStatus(restored.name);
    if (status && status.uuid === formatUuid(restored.uuid)) {
      await this.#writeStatus(restored.name, { ...status, state: DomainState.RUNNING, reason: RunningReason.RESTORED, id: restored.id });
    }
    await this.#nudge(restored.uuid, { started: DomainEventStartedDetail.RESTORED });
    return refOf(restored);
  }

  // ---- lifecycle

  async domainSuspend(ref: DomainRef): Promise<void> {
    const domain = await this.#guest(ref);
    if (domainStateOf(domain.info) !== DomainState.PAUSED) await this.#xen(() => this.#host.hv.pauseDomain(domain.id), ref);
    await this.#setReason(domain, DomainState.PAUSED, PausedReason.USER);
    await this.#nudge(domain.uuid);
  }

  async domainResume(ref: DomainRef): Promise<void> {
    const domain = await this.#guest(ref);
    if (domainStateOf(domain.info) === DomainState.PAUSED) {
      await this.#xen(() => this.#host.hv.unpauseDomain(domain.id), ref);
      await this.#setReason(domain, DomainState.RUNNING, RunningReason.UNPAUSED);
      await this.#nudge(domain.uuid);
    }
  }

  async domainDestroy(ref: DomainRef): Promise<void> {
    const domain = await this.#guest(ref);
    await this.#xen(() => this.#host.hv.destroyDomain(domain.id), ref);
    await this.#waitGone(domain.id);
    await this.#recordStop(domain, ShutoffReason.DESTROYED);
    await this.#nudge(domain.uuid);
  }

  async domainShutdown(ref: DomainRef): Promise<void> {
    const domain = await this.#active(ref);
    await this.#xenstoreWrite(ref, () => this.#xenstore.requestShutdown(domain.id, 'poweroff'));
  }

  async domainReboot(ref: DomainRef, _flags = 0): Promise<void> {
    const domain = await this.#active(ref);
    await this.#xenstoreWrite(ref, () => this.#xenstore.requestShutdown(domain.id, 'reboot'));
  }

  async domainSave(ref: DomainRef, file: string): Promise<void> {
    const domain = await this.#guest(ref);
    await this.#xl(() => this.#host.xl.save(domain.id, file), 'save');
    await this.#waitGone(domain.id);
    await this.#setReason(domain, DomainState.SHUTOFF, ShutoffReason.SAVED);
    await this.#nudge(domain.uuid, { stopped: DomainEventStoppedDetail.SAVED });
  }

  // ---- queries

  async domainGetInfo(ref: DomainRef): Promise<DomainInfo> {
    if (ref.id < 0) {
      const config = await this.#inactiveDefinition(ref);
      return { state: DomainState.SHUTOFF, maxMem: config.memory, memory: config.currentMemory, nrVirtCpu: config.vcpu.current ?? config.vcpu.count, cpuTime: 0n };
    }
    const domain = await this.#active(ref);
    const config = await this.#liveDefinition(domain);
    return {
      state: trackedState(domain.info),
      maxMem: config.memory,
      memory: domain.info.memoryKiB,
      nrVirtCpu: config.vcpu.current ?? config.vcpu.count,
      cpuTime: domain.info.cpuTimeNs,
    };
  }

  async domainGetState(ref: DomainRef): Promise<DomainStateWithReason> {
    if (ref.id < 0) {
      const config = await this.#inactiveDefinition(ref);
      const status = await this.#host.store.readStatus(ref.name);
      const stopped = status !== undefined && status.uuid === config.uuid && status.state === DomainState.SHUTOFF;
      return { state: DomainState.SHUTOFF, reason: stopped ? status.reason : ShutoffReason.UNKNOWN };
    }
    const domain = await this.#active(ref);
    const state = trackedState(domain.info);
    const status = await this.#status(domain);
    // a recorded reason explains the state it was recorded with (the guest may have changed it since)
    return { state, reason: status !== undefined && status.state === state ? status.reason : 0 };
  }

  async domainGetOSType(ref: DomainRef): Promise<string> {
    if (ref.id < 0) {
      const config = await this.#inactiveDefinition(ref);
      return config.os.type === 'hvm' ? 'hvm' : 'xen';
    }
    const domain = await this.#active(ref);
    return domain.info.flags.hvm ? 'hvm' : 'xen';
  }

  async domainGetMaxMemory(ref: DomainRef): Promise<number> {
    return (await this.domainGetInfo(ref)).maxMem;
  }

  async domainGetXMLDesc(ref: DomainRef, flags: number): Promise<string> {
    if (ref.id < 0) return inactiveXml(shownSecrets(await this.#inactiveDefinition(ref), flags));
    const domain = await this.#active(ref);
    if (flags & DomainXMLFlags.XML_INACTIVE) {
      return inactiveXml(shownSecrets((await this.#definition(domain.name)) ?? (await this.#liveDefinition(domain)), flags));
    }
    const config = shownSecrets(await this.#liveDefinition(domain), flags);
    const consoleTty = domain.id === 0 ? undefined : await this.#xenstore.readOptional(`/local/domain/${domain.id}/console/tty`);
    return liveXml(config, { id: domain.id, ...(consoleTty ? { consoleTty } : {}) });
  }

  async domainIsActive(ref: DomainRef): Promise<boolean> {
    return ref.id >= 0 && (await this.#runningById(ref.id)) !== undefined;
  }

  /** Domain-0 counts as persistent, as libvirt 9 shows it; others when a definition exists. */
  async domainIsPersistent(ref: DomainRef): Promise<boolean> {
    return ref.id === 0 || (await this.#definition(ref.name)) !== undefined;
  }

  async domainGetAutostart(ref: DomainRef): Promise<boolean> {
    return ref.id !== 0 && (await this.#host.store.autostart(ref.name));
  }

  async domainSetAutostart(ref: DomainRef, autostart: boolean): Promise<void> {
    if (!(await this.#definition(ref.name))) throw xenDriverError('LIBXL', 'OPERATION_INVALID', 'cannot set autostart for transient domain');
    await this.#store(() => this.#host.store.setAutostart(ref.name, autostart));
  }

  async domainHasManagedSaveImage(): Promise<boolean> {
    return false;
  }

  // ---- resources

  async domainSetMemory(ref: DomainRef, kib: number): Promise<void> {
    await this.domainSetMemoryFlags(ref, kib, DomainMemoryModFlags.MEM_CURRENT);
  }

  async domainSetMaxMemory(ref: DomainRef, kib: number): Promise<void> {
    await this.domainSetMemoryFlags(ref, kib, DomainMemoryModFlags.MEM_MAXIMUM);
  }

  /**
   * libxlDomainSetMemoryFlags: the maximum of a running domain goes to Xen (max_mem, libxl's slack
   * added) but not into its definition; the balloon target goes to xenstore, with Xen's max raised
   * to it (libxl_set_memory_target with enforce); CONFIG changes the persistent definition.
   */
  async domainSetMemoryFlags(ref: DomainRef, kib: number, flags: number): Promise<void> {
    const maximum = (flags & DomainMemoryModFlags.MEM_MAXIMUM) !== 0;
    // libvirt 9's libxl driver sets the balloon of a running domain only, unless asked for its config
    const liveOnly = !maximum && (flags & (DomainMemoryModFlags.MEM_LIVE | DomainMemoryModFlags.MEM_CONFIG)) === 0;
    const { live, config: persistent } = await this.#impact(ref, liveOnly ? DomainMemoryModFlags.MEM_LIVE : flags);
    if (live) {
      const domain = await this.#active(ref);
      const definition = await this.#liveDefinition(domain);
      if (maximum) {
        await this.#xen(() => this.#host.hv.setMaxMemory(domain.id, kib + MAXMEM_SLACK_KIB), ref);
      } else {
        if (kib > definition.memory) throw xenDriverError('LIBXL', 'INVALID_ARG', 'cannot set memory higher than max memory');
        await this.#xen(() => this.#host.hv.setMaxMemory(domain.id, kib + MAXMEM_SLACK_KIB), ref);
        await this.#xenstoreWrite(ref, () => this.#xenstore.setMemoryTarget(domain.id, kib));
        await this.#updateLive(domain, (c) => {
          c.currentMemory = kib;
        });
      }
    }
    if (persistent) {
      await this.#updateDefinition(ref, (c) => {
        if (maximum) {
          c.memory = kib;
          c.currentMemory = Math.min(c.currentMemory, kib);
        } else {
          if (kib > c.memory) throw xenDriverError('LIBXL', 'INVALID_ARG', 'cannot set memory higher than max memory');
          c.currentMemory = kib;
        }
      });
    }
  }

  async domainSetVcpus(ref: DomainRef, count: number): Promise<void> {
    await this.domainSetVcpusFlags(ref, count, DomainVcpuFlags.VCPU_LIVE);
  }

  /** libxlDomainSetVcpusFlags: live changes write `cpu/N/availability`; never above the domain's maximum. */
  async domainSetVcpusFlags(ref: DomainRef, count: number, flags: number): Promise<void> {
    const maximum = (flags & DomainVcpuFlags.VCPU_MAXIMUM) !== 0;
    const { live, config: persistent } = await this.#impact(ref, flags);
    if (maximum && live) throw xenDriverError('LIBXL', 'INVALID_ARG', 'cannot set maximum vcpus on an active domain');
    if (live) {
      const domain = await this.#active(ref);
      const definition = await this.#liveDefinition(domain);
      const max = domain.info.maxVcpuId + 1;
      if (count > max) {
        throw xenDriverError('LIBXL', 'INVALID_ARG', `requested vcpus is greater than max allowable vcpus for the domain: ${count} > ${max}`);
      }
      await this.#xenstoreWrite(ref, () => this.#xenstore.setOnlineVcpus(domain.id, count, max));
      if (definition.vcpu.count >= count) {
        await this.#updateLive(domain, (c) => {
          c.vcpu.current = count;
          if (c.vcpu.current === c.vcpu.count) delete c.vcpu.current;
        });
      }
    }
    if (persistent) {
      await this.#updateDefinition(ref, (c) => {
        if (maximum) {
          c.vcpu.count = count;
          if (c.vcpu.current !== undefined && c.vcpu.current >= count) delete c.vcpu.current;
          return;
        }
        if (count > c.vcpu.count) {
          throw xenDriverError('LIBXL', 'INVALID_ARG', `requested vcpus is greater than max allowable vcpus for the domain: ${count} > ${c.vcpu.count}`);
        }
        if (count === c.vcpu.count) delete c.vcpu.current;
        else c.vcpu.current = count;
      });
    }
  }

  // ---- events

  /**
   * libvirt 9's libxl lifecycle events: started, stopped (with how), paused and resumed as Xen and
   * xenstored show them (see XenLifecycleWatch), whoever acted; defined and undefined from this
   * process's own define and undefine.
   */
  async domainEventSubscribe(sink: DomainEventSink): Promise<() => Promise<void>> {
    const watch = await XenLifecycleWatch.start(
      {
        domains: async () => {
          const domains = await this.#xen(() => this.#host.hv.listDomains());
          return Promise.all(domains.map((info) => this.#seen(info)));
        },
        watch: (path, options) => this.#host.xs.watch(path, options),
      },
      sink,
    );
    this.#watches.add(watch);
    const stopListening = definitionEvents(this.#host.store.configDir).listen((event) => sink.event(event));
    return async () => {
      stopListening();
      watch.stop();
      this.#watches.delete(watch);
    };
  }

  /** A domain as the lifecycle watch sees it, with whether our record says it was paused or resumed by request. */
  async #seen(info: XenDomainInfo): Promise<SeenDomain> {
    const name = (await this.#xenstore.name(info.id)) ?? (info.id === 0 ? 'Domain-0' : undefined);
    const uuid = toHypervisorDomain(info).uuid;
    if (name === undefined || info.id === 0) return { info, name, uuid };
    const status = statusOfRunning(await this.#host.store.readStatus(name).catch(() => undefined), formatUuid(uuid), info.id);
    if (status === undefined) return { info, name, uuid };
    const resumed = status.state === DomainState.RUNNING && status.reason === RunningReason.UNPAUSED;
    return { info, name, uuid, recorded: status.state === DomainState.PAUSED ? 'paused' : resumed ? 'resumed' : undefined };
  }

  /** Our own operation changed a domain: the event goes out before the call returns, as libvirtd queues it. */
  async #nudge(uuid: Uint8Array, hint?: LifecycleHint): Promise<void> {
    await Promise.all([...this.#watches].map((watch) => watch.nudge(formatUuid(uuid), hint)));
  }

  // ---- internals

  /** Running domains in id order, named by xenstore (Domain-0 when dom0 has no name node). */
  async #running(): Promise<RunningDomain[]> {
    const domains = await this.#xen(() => this.#host.hv.listDomains());
    const named = await Promise.all(domains.map((info) => this.#named(info)));
    return named.filter((d): d is RunningDomain => d !== undefined);
  }

  async #runningById(id: number): Promise<RunningDomain | undefined> {
    if (!Number.isInteger(id) || id < 0) return undefined;
    try {
      return await this.#named(await this.#host.hv.getDomainInfo(id));
    } catch (error) {
      if (isHypercallError(error) && (error.code === 'ESRCH' || error.code === 'INVALID_ARGUMENT')) return undefined;
      throw await asVirtErrors('LIBXL', () => Promise.reject(error)).catch((e: VirtError) => e);
    }
  }

  async #runningByName(name: string): Promise<RunningDomain | undefined> {
    return (await this.#running()).find((d) => d.name === name);
  }

  /** A domain without a xenstore name is being built or torn down: not listed, as libxl lists it only once named. */
  async #named(info: XenDomainInfo): Promise<RunningDomain | undefined> {
    const name = (await this.#xenstore.name(info.id)) ?? (info.id === 0 ? 'Domain-0' : undefined);
    if (name === undefined) return undefined;
    return { id: info.id, name, uuid: toHypervisorDomain(info).uuid, info };
  }

  /** The running domain `ref` names, still the same one (same id and uuid), else NO_DOMAIN. */
  async #active(ref: DomainRef): Promise<RunningDomain> {
    if (ref.id < 0) throw notRunning();
    const domain = await this.#runningById(ref.id);
    if (!domain || formatUuid(domain.uuid) !== formatUuid(ref.uuid)) throw domainGone(ref);
    return domain;
  }

  /** As #active, for operations Domain-0 refuses. */
  async #guest(ref: DomainRef): Promise<RunningDomain> {
    if (ref.id === 0) throw notForDom0();
    return this.#active(ref);
  }

  async #status(domain: RunningDomain): Promise<DomainStatus | undefined> {
    return statusOfRunning(await this.#host.store.readStatus(domain.name), formatUuid(domain.uuid), domain.id);
  }

  /** The definition a running domain runs with: the one it was started with, else what Xen tells. */
  async #liveDefinition(domain: RunningDomain): Promise<DomainConfig> {
    const status = await this.#status(domain);
    if (status) return parseXenlightDefinition(status.xml);
    const vcpus = (await this.#xenstore.onlineVcpus(domain.id)) ?? domain.info.vcpusOnline;
    return foreignDomainConfig({
      id: domain.id,
      name: domain.name,
      uuid: formatUuid(domain.uuid),
      maxMemoryKib: domain.info.maxMemoryKiB,
      memoryKib: domain.info.memoryKiB,
      vcpus,
    });
  }

  async #definitions(): Promise<Map<string, DomainConfig>> {
    const out = new Map<string, DomainConfig>();
    for (const [name, xml] of await this.#host.store.listDefinitions()) {
      try {
        out.set(name, await parseXenlightDefinition(xml));
      } catch {
        // a definition that no longer parses is skipped in listings, as libvirt skips it at load
      }
    }
    return out;
  }

  async #definition(name: string): Promise<DomainConfig | undefined> {
    let xml: string | undefined;
    try {
      xml = await this.#host.store.readDefinition(name);
    } catch {
      return undefined;
    }
    return xml === undefined ? undefined : parseXenlightDefinition(xml);
  }

  async #inactiveDefinition(ref: DomainRef): Promise<DomainConfig> {
    const config = await this.#definition(ref.name);
    if (!config || config.uuid !== formatUuid(ref.uuid)) throw domainGone(ref);
    return config;
  }

  /** libvirt's checks before define/create: a name or uuid taken by another domain is refused. */
  async #refuseDuplicate(config: DomainConfig, { forCreate }: { forCreate: boolean }): Promise<void> {
    const running = await this.#running();
    const byName = running.find((d) => d.name === config.name);
    const byUuid = running.find((d) => formatUuid(d.uuid) === config.uuid);
    const defined = await this.#definitions();
    const definedByUuid = [...defined].find(([, c]) => c.uuid === config.uuid);
    const definedByName = defined.get(config.name);
    const sameUuidName = byUuid?.name ?? definedByUuid?.[0];
    if (sameUuidName !== undefined && sameUuidName !== config.name) {
      throw xenDriverError('LIBXL', 'OPERATION_FAILED', `domain '${sameUuidName}' is already defined with uuid ${config.uuid}`);
    }
    const otherUuid = byName ? formatUuid(byName.uuid) : definedByName?.uuid;
    if (otherUuid !== undefined && otherUuid !== config.uuid) {
      throw xenDriverError('LIBXL', 'OPERATION_FAILED', `domain '${config.name}' already exists with uuid ${otherUuid}`);
    }
    if (forCreate && byName) throw alreadyActive(config.name);
  }

  /**
   * Builds the domain with `xl create` from its config converted to xl's format, then records its
   * live definition. A failed build leaves no domain behind (xl cleans up; a half-built domain
   * of this name is destroyed) and no record.
   */
  async #build(config: DomainConfig, { paused }: { paused: boolean }): Promise<DomainRef> {
    const dir = await mkdtemp(join(tmpdir(), 'libvirt-ts-xl-'));
    try {
      const file = join(dir, `${config.name}.cfg`);
      await writeFile(file, toXlConfig(config), { mode: 0o600 });
      try {
        await this.#host.xl.create(file, { paused });
      } catch (error) {
        const leftover = await this.#runningByName(config.name);
        if (leftover && formatUuid(leftover.uuid) === config.uuid) {
          await this.#host.hv.destroyDomain(leftover.id).catch(() => undefined);
        }
        if (!(error instanceof XlFailure)) throw error;
        throw xenDriverError('LIBXL', 'INTERNAL_ERROR', `libxenlight failed to create new domain '${config.name}': ${error.detail}`, { cause: error });
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    const domain = await this.#runningByName(config.name);
    if (!domain) throw xenDriverError('LIBXL', 'OPERATION_FAILED', `xl created domain '${config.name}' but it is not running`);
    // libvirt keeps a running domain's memory in whole MiB, as Xen's toolstack built it
    const live = structuredClone(config);
    live.memory = Math.ceil(live.memory / 1024) * 1024;
    await this.#writeStatus(domain.name, {
      xml: inactiveXml(live),
      state: paused ? DomainState.PAUSED : DomainState.RUNNING,
      reason: paused ? PausedReason.USER : RunningReason.BOOTED,
      uuid: formatUuid(domain.uuid),
      id: domain.id,
    });
    // xl builds every domain paused: one asked to stay paused is not "resumed" when first seen running
    await this.#nudge(domain.uuid, { settled: true });
    return refOf(domain);
  }

  async #setReason(domain: RunningDomain, state: DomainState, reason: number): Promise<void> {
    const status = await this.#status(domain);
    if (!status) return; // Domain-0 and domains this driver did not start keep no record
    await this.#writeStatus(domain.name, { ...status, state, reason, id: domain.id });
  }

  /**
   * A domain this driver stopped: a persistent one keeps why (libvirt's inactive domain object
   * keeps its state, "shut off (destroyed)"); a transient one's record goes with it.
   */
  async #recordStop(domain: RunningDomain, reason: number): Promise<void> {
    if ((await this.#definition(domain.name)) === undefined) return this.#store(() => this.#host.store.removeStatus(domain.name));
    const xml = (await this.#status(domain))?.xml ?? inactiveXml(await this.#liveDefinition(domain));
    await this.#writeStatus(domain.name, { xml, state: DomainState.SHUTOFF, reason, uuid: formatUuid(domain.uuid) });
  }

  async #updateLive(domain: RunningDomain, change: (config: DomainConfig) => void): Promise<void> {
    const status = await this.#status(domain);
    if (!status) return;
    const config = await parseXenlightDefinition(status.xml);
    change(config);
    await this.#writeStatus(domain.name, { ...status, xml: inactiveXml(config) });
  }

  async #updateDefinition(ref: DomainRef, change: (config: DomainConfig) => void): Promise<void> {
    const config = await this.#definition(ref.name);
    if (!config) throw xenDriverError('LIBXL', 'OPERATION_INVALID', 'cannot change persistent config of a transient domain');
    change(config);
    await this.#store(() => this.#host.store.writeDefinition(ref.name, inactiveXml(config)));
  }

  /** virDomainModificationImpact: CURRENT is LIVE for a running domain, CONFIG for an inactive one. */
  async #impact(ref: DomainRef, flags: number): Promise<{ live: boolean; config: boolean }> {
    let live = (flags & DomainModificationImpact.AFFECT_LIVE) !== 0;
    let config = (flags & DomainModificationImpact.AFFECT_CONFIG) !== 0;
    const active = ref.id >= 0;
    if (!live && !config) {
      if (active) live = true;
      else config = true;
    }
    if (live && !active) throw xenDriverError('LIBXL', 'OPERATION_INVALID', 'domain is not running');
    return { live, config };
  }

  async #writeStatus(name: string, status: DomainStatus): Promise<void> {
    await this.#store(() => this.#host.store.writeStatus(name, status));
  }

  /** Waits until Xen has let the domain go (its memory freed), so a listing right after no longer shows it. */
  async #waitGone(id: number): Promise<void> {
    const deadline = Date.now() + DESTROY_WAIT_MS;
    while (Date.now() < deadline) {
      try {
        await this.#host.hv.getDomainInfo(id);
      } catch (error) {
        if (isHypercallError(error) && error.code === 'ESRCH') return;
        throw error;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** A hypercall; ESRCH means the domain vanished under us: NO_DOMAIN naming it. */
  async #xen<T>(operation: () => Promise<T>, ref?: DomainRef): Promise<T> {
    try {
      return await operation();
    } catch (error) {
      if (ref && isHypercallError(error) && error.code === 'ESRCH') throw domainGone(ref);
      return asVirtErrors('LIBXL', () => Promise.reject(error));
    }
  }

  async #xenstoreWrite(ref: DomainRef, operation: () => Promise<void>): Promise<void> {
    await asVirtErrors('LIBXL', operation);
    // the domain may have gone between the lookup and the write: xenstored accepts writes to any path
    if ((await this.#runningById(ref.id)) === undefined) throw domainGone(ref);
  }

  async #xl(operation: () => Promise<void>, what: string): Promise<void> {
    try {
      await operation();
    } catch (error) {
      if (error instanceof XlFailure) {
        throw xenDriverError('LIBXL', 'OPERATION_FAILED', `xl ${what} failed: ${error.detail}`, { cause: error });
      }
      throw error;
    }
  }

  async #store(operation: () => Promise<void>): Promise<void> {
    await asVirtErrors('LIBXL', operation);
  }
}

/**
 * A running domain's state as libvirt's libxl driver tracks it: running, paused or on its way out.
 * libvirt never reports Xen's blocked (idle) flag: a guest waiting for work is running.
 */
function trackedState(info: XenDomainInfo): DomainState {
  const state = domainStateOf(info);
  return state === DomainState.BLOCKED || state === DomainState.NOSTATE ? DomainState.RUNNING : state;
}

/** A defined domain that is not running. Its definition always has a UUID (parsing gives it one): a bad one is an error, never zeros. */
function definedRef(name: string, config: DomainConfig): DomainRef {
  const uuid = parseUuid(config.uuid ?? '');
  if (!uuid) throw xenDriverError('LIBXL', 'INTERNAL_ERROR', `domain '${name}': its definition has no valid UUID`);
  return { id: -1, name, uuid };
}

function refOf(domain: RunningDomain): DomainRef {
  return { id: domain.id, name: domain.name, uuid: domain.uuid };
}

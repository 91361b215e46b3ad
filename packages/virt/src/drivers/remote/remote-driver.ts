import type { RemoteConnection, RemoteNonnullDomain, RemoteNonnullDomainSnapshot, RemoteProcedures, ServerMessage } from '@libvirt-ts/remote';
import {
  decodeBody,
  REMOTE_CPUMAPS_MAX,
  REMOTE_DOMAIN_GET_CPU_STATS_NCPUS_MAX,
  REMOTE_NODE_CPU_STATS_MAX,
  REMOTE_PROC_DOMAIN_EVENT_CALLBACK_LIFECYCLE,
  REMOTE_PROGRAM,
  REMOTE_VCPUINFO_MAX,
  RemoteError,
  xdrRemoteDomainEventCallbackLifecycleMsg,
} from '@libvirt-ts/remote';
import { type DomainControlState, DomainSnapshotCreateFlags, type DomainState, TypedParameterFlags, type VcpuState } from '../../constants.js';
import type { DomainEventSink, DomainRef, Driver } from '../../driver.js';
import type { DomainInfo, ListAllDomainsFlags, NodeInfo, TypedParameter } from '../../types.js';
import { cpuStatsByCpu, splitCpuMaps } from './cpu-maps.js';
import { remoteToVirtError } from './remote-errors.js';
import { checkRpcLimit } from './rpc-limits.js';
import { fromWireParam, toWireParam } from './typed-params.js';

/** The most names or ids one list call asks for (remote_protocol.x REMOTE_DOMAIN_LIST_MAX). */
const LIST_MAX = 16384;
/** virConnectListAllDomainsFlags ACTIVE / INACTIVE. */
const LIST_ACTIVE = 1;
const LIST_INACTIVE = 2;
/** remote_protocol.x REMOTE_DOMAIN_SNAPSHOT_LIST_MAX. */
const SNAPSHOT_LIST_MAX = 16384;
/** virDomainEventID VIR_DOMAIN_EVENT_ID_LIFECYCLE. */
const DOMAIN_EVENT_ID_LIFECYCLE = 0;

function toRef(dom: RemoteNonnullDomain): DomainRef {
  return { id: dom.id, name: dom.name, uuid: dom.uuid };
}

function toWire(dom: DomainRef): RemoteNonnullDomain {
  return { id: dom.id, name: dom.name, uuid: dom.uuid };
}

/** Snapshot or checkpoint `name` of `dom` as the wire names it (remote_nonnull_domain_snapshot and _checkpoint are alike). */
function snapWire(dom: DomainRef, name: string): RemoteNonnullDomainSnapshot {
  return { dom: toWire(dom), name };
}

const snapshotNames = (snapshots: readonly RemoteNonnullDomainSnapshot[]): string[] => snapshots.map((s) => s.name);

/** A C string that travels as a char array (with its NUL, as libvirtd sends it). */
function charsToString(chars: readonly number[] | Uint8Array): string {
  const bytes = Uint8Array.from(chars, (c) => c & 0xff);
  const end = bytes.indexOf(0);
  return new TextDecoder().decode(end === -1 ? bytes : bytes.subarray(0, end));
}

/** remoteDomainGetVcpus / GetVcpuPinInfo: `count` maps of `maplen` bytes must fit in one answer. */
function checkVcpuMaps(count: number, maplen: number): void {
  checkRpcLimit(count, REMOTE_VCPUINFO_MAX, 'vCPU count');
  checkRpcLimit(count * maplen, REMOTE_CPUMAPS_MAX, 'vCPU map buffer length');
}

/** Runs one call; a RemoteError becomes the VirtError libvirt's client would report. */
async function rpc<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw RemoteError.isInstance(error) ? remoteToVirtError(error) : error;
  }
}

/**
 * libvirt's remote driver: every entry point is one call (or a few) to libvirtd over a
 * @libvirt-ts/remote connection; libvirtd's answer and errors come back as they are.
 */
export class RemoteDriver implements Driver {
  readonly name = 'remote';
  private readonly p: RemoteProcedures;

  constructor(private readonly connection: RemoteConnection) {
    this.p = connection.procedures;
  }

  async close(): Promise<void> {
    await this.connection.close().catch(() => {});
  }

  /** remoteConnectSetKeepAlive: 1 when libvirtd has no keepalive program. */
  async connectSetKeepAlive(interval: number, count: number): Promise<0 | 1> {
    const options = interval > 0 ? { intervalMs: interval * 1000, count } : false;
    return (await rpc(() => this.connection.setKeepalive(options))) ? 0 : 1;
  }

  /**
   * Lifecycle events from libvirtd, as libvirt's remote driver gets them: one
   * CONNECT_DOMAIN_EVENT_CALLBACK_REGISTER_ANY (VIR_DOMAIN_EVENT_ID_LIFECYCLE, every domain), then
   * DOMAIN_EVENT_CALLBACK_LIFECYCLE messages carrying its callback id. A connection that drops fails
   * the subscription with its error.
   */
  async domainEventSubscribe(sink: DomainEventSink): Promise<() => Promise<void>> {
    const client = this.connection.client;
    let callbackID: number | undefined;
    const stopMessages = client.onMessage((message: ServerMessage) => {
      if (message.program !== REMOTE_PROGRAM || message.procedure !== REMOTE_PROC_DOMAIN_EVENT_CALLBACK_LIFECYCLE) return;
      try {
        const { callbackID: id, msg } = decodeBody(message.packet, xdrRemoteDomainEventCallbackLifecycleMsg);
        if (id === callbackID) sink.event({ ref: toRef(msg.dom), event: msg.event, detail: msg.detail });
      } catch (error) {
        sink.fail(RemoteError.isInstance(error) ? remoteToVirtError(error) : error);
      }
    });
    const stopClose = client.onClose((error) => {
      if (error) sink.fail(remoteToVirtError(error));
    });
    try {
      ({ callbackID } = await rpc(() => this.p.connectDomainEventCallbackRegisterAny({ eventID: DOMAIN_EVENT_ID_LIFECYCLE, dom: null })));
    } catch (error) {
      stopMessages();
      stopClose();
      throw error;
    }
    const registered: number = callbackID;
    return async () => {
      stopMessages();
      stopClose();
      await this.p.connectDomainEventCallbackDeregisterAny({ callbackID: registered }).catch(() => undefined);
    };
  }

  getType = () => rpc(async () => (await this.p.connectGetType()).type);
  getVersion = () => rpc(async () => Number((await this.p.connectGetVersion()).hv_ver));
  getHostname = () => rpc(async () => (await this.p.connectGetHostname()).hostname);
  getCapabilities = () => rpc(async () => (await this.p.connectGetCapabilities()).capabilities);

  nodeGetInfo = () =>
    rpc(async (): Promise<NodeInfo> => {
      const info = await this.p.nodeGetInfo();
      return { ...info, model: charsToString(info.model), memory: Number(info.memory) };
    });

  nodeGetSecurityModel = () =>
    rpc(async () => {
      const { model, doi } = await this.p.nodeGetSecurityModel();
      return { model: charsToString(model), doi: charsToString(doi) };
    });

  connectDomainXMLToNative = (format: string, xml: string, flags: number) =>
    rpc(async () => (await this.p.connectDomainXmlToNative({ nativeFormat: format, domainXml: xml, flags })).nativeConfig);
  connectDomainXMLFromNative = (format: string, config: string, flags: number) =>
    rpc(async () => (await this.p.connectDomainXmlFromNative({ nativeFormat: format, nativeConfig: config, flags })).domainXml);

  listDomainIDs = () => rpc(async () => (await this.p.connectListDomains({ maxids: LIST_MAX })).ids);
  numOfDomains = () => rpc(async () => (await this.p.connectNumOfDomains()).num);
  listDefinedDomains = () => rpc(async () => (await this.p.connectListDefinedDomains({ maxnames: LIST_MAX })).names);
  numOfDefinedDomains = () => rpc(async () => (await this.p.connectNumOfDefinedDomains()).num);

  listAllDomains = (flags: ListAllDomainsFlags) =>
    rpc(async () => {
      const wire = (flags.active ? LIST_ACTIVE : 0) | (flags.inactive ? LIST_INACTIVE : 0);
      const { domains } = await this.p.connectListAllDomains({ need_results: 1, flags: wire });
      const refs = domains.map(toRef);
      const active = refs.filter((ref) => ref.id >= 0).sort((a, b) => a.id - b.id);
      const inactive = refs.filter((ref) => ref.id < 0).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      return [...active, ...inactive];
    });

  lookupByID = (id: number) => rpc(async () => toRef((await this.p.domainLookupById({ id })).dom));
  lookupByName = (name: string) => rpc(async () => toRef((await this.p.domainLookupByName({ name })).dom));
  lookupByUUID = (uuid: Uint8Array) => rpc(async () => toRef((await this.p.domainLookupByUuid({ uuid })).dom));

  domainCreateXML = (xml: string, flags: number) => rpc(async () => toRef((await this.p.domainCreateXml({ xml_desc: xml, flags })).dom));
  domainDefineXML = (xml: string) => rpc(async () => toRef((await this.p.domainDefineXml({ xml })).dom));
  domainUndefine = (dom: DomainRef) => rpc(() => this.p.domainUndefine({ dom: toWire(dom) }));
  domainRename = (dom: DomainRef, newName: string, flags: number) =>
    rpc(async () => {
      await this.p.domainRename({ dom: toWire(dom), new_name: newName, flags });
    });
  domainCreate = (dom: DomainRef) => rpc(async () => toRef((await this.p.domainCreateWithFlags({ dom: toWire(dom), flags: 0 })).dom));
  domainRestore = (file: string) =>
    rpc(async () => {
      await this.p.domainRestore({ from: file });
      return undefined;
    });

  domainSuspend = (dom: DomainRef) => rpc(() => this.p.domainSuspend({ dom: toWire(dom) }));
  domainResume = (dom: DomainRef) => rpc(() => this.p.domainResume({ dom: toWire(dom) }));
  domainShutdown = (dom: DomainRef) => rpc(() => this.p.domainShutdown({ dom: toWire(dom) }));
  domainReboot = (dom: DomainRef, flags: number) => rpc(() => this.p.domainReboot({ dom: toWire(dom), flags }));
  domainReset = (dom: DomainRef, flags: number) => rpc(() => this.p.domainReset({ dom: toWire(dom), flags }));
  domainDestroy = (dom: DomainRef) => rpc(() => this.p.domainDestroy({ dom: toWire(dom) }));
  domainSave = (dom: DomainRef, file: string) => rpc(() => this.p.domainSave({ dom: toWire(dom), to: file }));

  domainGetInfo = (dom: DomainRef) =>
    rpc(async (): Promise<DomainInfo> => {
      const info = await this.p.domainGetInfo({ dom: toWire(dom) });
      return {
        state: info.state as DomainState,
        maxMem: Number(info.maxMem),
        memory: Number(info.memory),
        nrVirtCpu: info.nrVirtCpu,
        cpuTime: info.cpuTime,
      };
    });

  domainGetState = (dom: DomainRef) =>
    rpc(async () => {
      const { state, reason } = await this.p.domainGetState({ dom: toWire(dom), flags: 0 });
      return { state: state as DomainState, reason };
    });

  domainGetOSType = (dom: DomainRef) => rpc(async () => (await this.p.domainGetOsType({ dom: toWire(dom) })).type);
  domainGetMaxMemory = (dom: DomainRef) => rpc(async () => Number((await this.p.domainGetMaxMemory({ dom: toWire(dom) })).memory));
  domainGetXMLDesc = (dom: DomainRef, flags: number) => rpc(async () => (await this.p.domainGetXmlDesc({ dom: toWire(dom), flags })).xml);
  domainIsActive = (dom: DomainRef) => rpc(async () => (await this.p.domainIsActive({ dom: toWire(dom) })).active !== 0);
  domainIsPersistent = (dom: DomainRef) => rpc(async () => (await this.p.domainIsPersistent({ dom: toWire(dom) })).persistent !== 0);
  domainGetAutostart = (dom: DomainRef) => rpc(async () => (await this.p.domainGetAutostart({ dom: toWire(dom) })).autostart !== 0);
  domainSetAutostart = (dom: DomainRef, autostart: boolean) => rpc(() => this.p.domainSetAutostart({ dom: toWire(dom), autostart: autostart ? 1 : 0 }));
  domainHasManagedSaveImage = (dom: DomainRef) =>
    rpc(async () => (await this.p.domainHasManagedSaveImage({ dom: toWire(dom), flags: 0 })).result !== 0);
  domainGetSecurityLabel = (dom: DomainRef) =>
    rpc(async () => {
      const { label, enforcing } = await this.p.domainGetSecurityLabel({ dom: toWire(dom) });
      return { label: charsToString(label), enforcing: enforcing !== 0 };
    });
  domainGetMessages = (dom: DomainRef) => rpc(async () => (await this.p.domainGetMessages({ dom: toWire(dom), flags: 0 })).msgs);

  domainSetMaxMemory = (dom: DomainRef, kib: number) => rpc(() => this.p.domainSetMaxMemory({ dom: toWire(dom), memory: BigInt(kib) }));
  domainSetMemory = (dom: DomainRef, kib: number) => rpc(() => this.p.domainSetMemory({ dom: toWire(dom), memory: BigInt(kib) }));
  domainSetVcpus = (dom: DomainRef, count: number) => rpc(() => this.p.domainSetVcpus({ dom: toWire(dom), nvcpus: count }));
  domainSetMemoryFlags = (dom: DomainRef, kib: number, flags: number) =>
    rpc(() => this.p.domainSetMemoryFlags({ dom: toWire(dom), memory: BigInt(kib), flags }));
  domainSetVcpusFlags = (dom: DomainRef, count: number, flags: number) =>
    rpc(() => this.p.domainSetVcpusFlags({ dom: toWire(dom), nvcpus: count, flags }));

  domainAttachDevice = (dom: DomainRef, xml: string) => rpc(() => this.p.domainAttachDevice({ dom: toWire(dom), xml }));
  domainAttachDeviceFlags = (dom: DomainRef, xml: string, flags: number) => rpc(() => this.p.domainAttachDeviceFlags({ dom: toWire(dom), xml, flags }));
  domainDetachDevice = (dom: DomainRef, xml: string) => rpc(() => this.p.domainDetachDevice({ dom: toWire(dom), xml }));
  domainDetachDeviceFlags = (dom: DomainRef, xml: string, flags: number) => rpc(() => this.p.domainDetachDeviceFlags({ dom: toWire(dom), xml, flags }));

  // ---- daily domain commands: managed save, statistics, metadata, blkio tuning

  domainManagedSave = (dom: DomainRef, flags: number) => rpc(() => this.p.domainManagedSave({ dom: toWire(dom), flags }));
  domainManagedSaveRemove = (dom: DomainRef, flags: number) => rpc(() => this.p.domainManagedSaveRemove({ dom: toWire(dom), flags }));
  domainMemoryStats = (dom: DomainRef, nrStats: number, flags: number) =>
    rpc(async () => (await this.p.domainMemoryStats({ dom: toWire(dom), maxStats: nrStats, flags })).stats);
  domainSetMemoryStatsPeriod = (dom: DomainRef, period: number, flags: number) =>
    rpc(() => this.p.domainSetMemoryStatsPeriod({ dom: toWire(dom), period, flags }));
  domainGetBlockInfo = (dom: DomainRef, disk: string, flags: number) =>
    rpc(async () => {
      const { capacity, allocation, physical } = await this.p.domainGetBlockInfo({ dom: toWire(dom), path: disk, flags });
      return { capacity, allocation, physical };
    });
  domainGetMetadata = (dom: DomainRef, type: number, uri: string | null, flags: number) =>
    rpc(async () => (await this.p.domainGetMetadata({ dom: toWire(dom), type, uri, flags })).metadata);
  domainSetMetadata = (dom: DomainRef, type: number, metadata: string | null, key: string | null, uri: string | null, flags: number) =>
    rpc(() => this.p.domainSetMetadata({ dom: toWire(dom), type, metadata, key, uri, flags }));

  /** As libvirt's client: asks how many there are, then for that many, strings allowed. */
  domainGetBlkioParameters = (dom: DomainRef, flags: number) =>
    rpc(async () => {
      const { nparams } = await this.p.domainGetBlkioParameters({ dom: toWire(dom), nparams: 0, flags });
      if (nparams === 0) return [];
      const reply = await this.p.domainGetBlkioParameters({ dom: toWire(dom), nparams, flags: flags | TypedParameterFlags.STRING_OKAY });
      return reply.params.map(fromWireParam);
    });
  domainSetBlkioParameters = (dom: DomainRef, params: TypedParameter[], flags: number) =>
    rpc(() => this.p.domainSetBlkioParameters({ dom: toWire(dom), params: params.map(toWireParam), flags }));

  connectGetAllDomainStats = (doms: DomainRef[] | undefined, stats: number, flags: number) =>
    rpc(async () => {
      const { retStats } = await this.p.connectGetAllDomainStats({ doms: (doms ?? []).map(toWire), stats, flags: flags >>> 0 });
      return retStats.map((record) => ({ ref: toRef(record.dom), params: record.params.map(fromWireParam) }));
    });

  storagePoolDefineXML = (xml: string, flags: number) =>
    rpc(async () => {
      const { pool } = await this.p.storagePoolDefineXml({ xml, flags });
      return { name: pool.name, uuid: Uint8Array.from(pool.uuid) };
    });

  // ---- CPUs, scheduler and IOThreads: CPU maps travel as one opaque, a map per vcpu laid end to end,
  // and are handed out as plain Uint8Arrays of their own (not views of the received packet)

  nodeGetCPUMap = (flags: number) =>
    rpc(async () => {
      const { cpumap, online, ret } = await this.p.nodeGetCpuMap({ need_map: 1, need_online: 1, flags });
      return { cpus: ret, cpumap: Uint8Array.from(cpumap), online };
    });
  domainGetVcpusFlags = (dom: DomainRef, flags: number) => rpc(async () => (await this.p.domainGetVcpusFlags({ dom: toWire(dom), flags })).num);
  domainGetMaxVcpus = (dom: DomainRef) => rpc(async () => (await this.p.domainGetMaxVcpus({ dom: toWire(dom) })).num);
  domainGetVcpus = (dom: DomainRef, maxinfo: number, maplen: number) =>
    rpc(async () => {
      checkVcpuMaps(maxinfo, maplen);
      const { info, cpumaps } = await this.p.domainGetVcpus({ dom: toWire(dom), maxinfo, maplen });
      return {
        info: info.map(({ number, state, cpu_time, cpu }) => ({ number, state: state as VcpuState, cpuTime: cpu_time, cpu })),
        cpumaps: splitCpuMaps(cpumaps, info.length, maplen),
      };
    });
  domainGetVcpuPinInfo = (dom: DomainRef, ncpumaps: number, maplen: number, flags: number) =>
    rpc(async () => {
      checkVcpuMaps(ncpumaps, maplen);
      const { cpumaps, num } = await this.p.domainGetVcpuPinInfo({ dom: toWire(dom), ncpumaps, maplen, flags });
      return splitCpuMaps(cpumaps, num, maplen);
    });
  domainPinVcpu = (dom: DomainRef, vcpu: number, cpumap: Uint8Array) => rpc(() => this.p.domainPinVcpu({ dom: toWire(dom), vcpu, cpumap }));
  domainPinVcpuFlags = (dom: DomainRef, vcpu: number, cpumap: Uint8Array, flags: number) =>
    rpc(() => this.p.domainPinVcpuFlags({ dom: toWire(dom), vcpu, cpumap, flags }));
  domainPinEmulator = (dom: DomainRef, cpumap: Uint8Array, flags: number) => rpc(() => this.p.domainPinEmulator({ dom: toWire(dom), cpumap, flags }));
  domainGetEmulatorPinInfo = (dom: DomainRef, maplen: number, flags: number) =>
    rpc(async () => {
      checkRpcLimit(maplen, REMOTE_CPUMAPS_MAX, 'vCPU map buffer length');
      const [map] = splitCpuMaps((await this.p.domainGetEmulatorPinInfo({ dom: toWire(dom), maplen, flags })).cpumaps, 1, maplen);
      return map!;
    });

  /** As libvirt's client: `nparams` 0 asks for a count; otherwise the answer's strides become per-CPU arrays. */
  domainGetCPUStats = (dom: DomainRef, nparams: number, startCpu: number, ncpus: number, flags: number) =>
    rpc(async () => {
      checkRpcLimit(nparams, REMOTE_NODE_CPU_STATS_MAX, 'nparams count');
      checkRpcLimit(ncpus, REMOTE_DOMAIN_GET_CPU_STATS_NCPUS_MAX, 'ncpus count');
      const reply = await this.p.domainGetCpuStats({ dom: toWire(dom), nparams, start_cpu: startCpu, ncpus, flags });
      if (nparams === 0) return { count: reply.nparams, params: [] };
      return { count: reply.nparams, params: cpuStatsByCpu(reply.params, reply.nparams, nparams, ncpus) };
    });

  domainGetSchedulerType = (dom: DomainRef) => rpc(() => this.p.domainGetSchedulerType({ dom: toWire(dom) }));
  domainGetSchedulerParameters = (dom: DomainRef, nparams: number) =>
    rpc(async () => (await this.p.domainGetSchedulerParameters({ dom: toWire(dom), nparams })).params.map(fromWireParam));
  domainGetSchedulerParametersFlags = (dom: DomainRef, nparams: number, flags: number) =>
    rpc(async () => (await this.p.domainGetSchedulerParametersFlags({ dom: toWire(dom), nparams, flags })).params.map(fromWireParam));
  domainSetSchedulerParameters = (dom: DomainRef, params: TypedParameter[]) =>
    rpc(() => this.p.domainSetSchedulerParameters({ dom: toWire(dom), params: params.map(toWireParam) }));
  domainSetSchedulerParametersFlags = (dom: DomainRef, params: TypedParameter[], flags: number) =>
    rpc(() => this.p.domainSetSchedulerParametersFlags({ dom: toWire(dom), params: params.map(toWireParam), flags }));

  domainGetControlInfo = (dom: DomainRef, flags: number) =>
    rpc(async () => {
      const { state, details, stateTime } = await this.p.domainGetControlInfo({ dom: toWire(dom), flags });
      return { state: state as DomainControlState, details, stateTime };
    });

  domainGetIOThreadInfo = (dom: DomainRef, flags: number) =>
    rpc(async () => (await this.p.domainGetIothreadInfo({ dom: toWire(dom), flags })).info.map(({ iothread_id, cpumap }) => ({ iothreadId: iothread_id, cpumap: Uint8Array.from(cpumap) })));
  domainPinIOThread = (dom: DomainRef, iothreadId: number, cpumap: Uint8Array, flags: number) =>
    rpc(() => this.p.domainPinIothread({ dom: toWire(dom), iothreads_id: iothreadId, cpumap, flags }));
  domainAddIOThread = (dom: DomainRef, iothreadId: number, flags: number) => rpc(() => this.p.domainAddIothread({ dom: toWire(dom), iothread_id: iothreadId, flags }));
  domainDelIOThread = (dom: DomainRef, iothreadId: number, flags: number) => rpc(() => this.p.domainDelIothread({ dom: toWire(dom), iothread_id: iothreadId, flags }));
  domainSetIOThreadParams = (dom: DomainRef, iothreadId: number, params: TypedParameter[], flags: number) =>
    rpc(() => this.p.domainSetIothreadParams({ dom: toWire(dom), iothread_id: iothreadId, params: params.map(toWireParam), flags }));

  // ---- snapshots: one call each; after a revert (or a HALT) the domain's id is asked again

  domainSnapshotCreateXML = (dom: DomainRef, xml: string, flags: number) =>
    rpc(async () => {
      const { snap } = await this.p.domainSnapshotCreateXml({ dom: toWire(dom), xml_desc: xml, flags });
      return { name: snap.name, dom: (flags & DomainSnapshotCreateFlags.HALT) !== 0 ? await this.#current(dom) : dom };
    });
  domainSnapshotNum = (dom: DomainRef, flags: number) => rpc(async () => (await this.p.domainSnapshotNum({ dom: toWire(dom), flags })).num);
  domainSnapshotListNames = (dom: DomainRef, flags: number) =>
    rpc(async () => (await this.p.domainSnapshotListNames({ dom: toWire(dom), maxnames: SNAPSHOT_LIST_MAX, flags })).names);
  domainListAllSnapshots = (dom: DomainRef, flags: number) =>
    rpc(async () => snapshotNames((await this.p.domainListAllSnapshots({ dom: toWire(dom), need_results: 1, flags })).snapshots));
  domainSnapshotLookupByName = (dom: DomainRef, name: string, flags: number) =>
    rpc(async () => (await this.p.domainSnapshotLookupByName({ dom: toWire(dom), name, flags })).snap.name);
  domainHasCurrentSnapshot = (dom: DomainRef, flags: number) =>
    rpc(async () => (await this.p.domainHasCurrentSnapshot({ dom: toWire(dom), flags })).result !== 0);
  domainSnapshotCurrent = (dom: DomainRef, flags: number) => rpc(async () => (await this.p.domainSnapshotCurrent({ dom: toWire(dom), flags })).snap.name);
  domainRevertToSnapshot = (dom: DomainRef, name: string, flags: number) =>
    rpc(async () => {
      await this.p.domainRevertToSnapshot({ snap: snapWire(dom, name), flags });
      return this.#current(dom);
    });
  domainSnapshotGetXMLDesc = (dom: DomainRef, name: string, flags: number) =>
    rpc(async () => (await this.p.domainSnapshotGetXmlDesc({ snap: snapWire(dom, name), flags })).xml);
  domainSnapshotGetParent = (dom: DomainRef, name: string, flags: number) =>
    rpc(async () => (await this.p.domainSnapshotGetParent({ snap: snapWire(dom, name), flags })).snap.name);
  domainSnapshotNumChildren = (dom: DomainRef, name: string, flags: number) =>
    rpc(async () => (await this.p.domainSnapshotNumChildren({ snap: snapWire(dom, name), flags })).num);
  domainSnapshotListChildrenNames = (dom: DomainRef, name: string, flags: number) =>
    rpc(async () => (await this.p.domainSnapshotListChildrenNames({ snap: snapWire(dom, name), maxnames: SNAPSHOT_LIST_MAX, flags })).names);
  domainSnapshotListAllChildren = (dom: DomainRef, name: string, flags: number) =>
    rpc(async () => snapshotNames((await this.p.domainSnapshotListAllChildren({ snapshot: snapWire(dom, name), need_results: 1, flags })).snapshots));
  domainSnapshotIsCurrent = (dom: DomainRef, name: string, flags: number) =>
    rpc(async () => (await this.p.domainSnapshotIsCurrent({ snap: snapWire(dom, name), flags })).current !== 0);
  domainSnapshotHasMetadata = (dom: DomainRef, name: string, flags: number) =>
    rpc(async () => (await this.p.domainSnapshotHasMetadata({ snap: snapWire(dom, name), flags })).metadata !== 0);
  domainSnapshotDelete = (dom: DomainRef, name: string, flags: number) => rpc(() => this.p.domainSnapshotDelete({ snap: snapWire(dom, name), flags }));

  domainCheckpointCreateXML = (dom: DomainRef, xml: string, flags: number) =>
    rpc(async () => (await this.p.domainCheckpointCreateXml({ dom: toWire(dom), xml_desc: xml, flags })).checkpoint.name);
  domainListAllCheckpoints = (dom: DomainRef, flags: number) =>
    rpc(async () => snapshotNames((await this.p.domainListAllCheckpoints({ dom: toWire(dom), need_results: 1, flags })).checkpoints));
  domainCheckpointListAllChildren = (dom: DomainRef, name: string, flags: number) =>
    rpc(async () => snapshotNames((await this.p.domainCheckpointListAllChildren({ checkpoint: snapWire(dom, name), need_results: 1, flags })).checkpoints));
  domainCheckpointLookupByName = (dom: DomainRef, name: string, flags: number) =>
    rpc(async () => (await this.p.domainCheckpointLookupByName({ dom: toWire(dom), name, flags })).checkpoint.name);
  domainCheckpointGetParent = (dom: DomainRef, name: string, flags: number) =>
    rpc(async () => (await this.p.domainCheckpointGetParent({ checkpoint: snapWire(dom, name), flags })).parent.name);
  domainCheckpointGetXMLDesc = (dom: DomainRef, name: string, flags: number) =>
    rpc(async () => (await this.p.domainCheckpointGetXmlDesc({ checkpoint: snapWire(dom, name), flags })).xml);
  domainCheckpointDelete = (dom: DomainRef, name: string, flags: number) => rpc(() => this.p.domainCheckpointDelete({ checkpoint: snapWire(dom, name), flags }));

  /** The domain as libvirtd has it now (its id may have changed); as it was when it is gone. */
  async #current(dom: DomainRef): Promise<DomainRef> {
    return this.p.domainLookupByUuid({ uuid: dom.uuid }).then(
      ({ dom: now }) => toRef(now),
      () => dom,
    );
  }
}

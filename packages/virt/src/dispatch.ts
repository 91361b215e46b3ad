import type { Answer, Driver, DriverMethod, DriverMethodArgs, DriverMethodResult, OpenedDriver } from './driver.js';
import { VirtError } from './errors/virt-error.js';

/**
 * How one API call is spread over a connection's open drivers (libvirt.c's loops, spec/drivers.md §5):
 * - `first`: drivers in priority order; the first that resolves wins. A driver that rejects is
 *   skipped (libvirt went on to the next on -1); lookups that resolve `undefined` are skipped too.
 * - `every`: every implementing driver is called in order; success if any succeeded (shutdown,
 *   reboot, setMemory, setMaxMemory: each layer gets the request).
 * - `every-direct-last`: as `every`, with the drivers that declare themselves `direct` (the Xen
 *   hypervisor) called after the others (0.1.3's destroy and suspend; no call uses it now, see below).
 * - `first-direct-last`: as `first`, direct drivers last (resume; and suspend and destroy, as later
 *   libvirt fixed them: 0.1.3 paused through xend *and* the hypercall, leaving a pause count of 2
 *   that one resume could not undo).
 * When every driver failed, the error thrown is the first one that is not NO_SUPPORT (the most
 * authoritative layer's), else the first. When no open driver implements the call: NO_SUPPORT.
 */
export type DispatchPolicy = 'first' | 'every' | 'every-direct-last' | 'first-direct-last';

export interface CallRule {
  policy: DispatchPolicy;
  /** The libvirt C function, used in NO_SUPPORT and read-only messages. */
  api: string;
  /** Refused on a read-only connection with OPERATION_DENIED before any driver sees it. */
  writes?: true;
}

/** Every entry point of Driver, its dispatch policy and its C name. The one place these rules live. */
export const CALL_RULES: { readonly [M in DriverMethod]: CallRule } = {
  getType: { policy: 'first', api: 'virConnectGetType' },
  getVersion: { policy: 'first', api: 'virConnectGetVersion' },
  getHostname: { policy: 'first', api: 'virConnectGetHostname' },
  getCapabilities: { policy: 'first', api: 'virConnectGetCapabilities' },
  nodeGetInfo: { policy: 'first', api: 'virNodeGetInfo' },
  nodeGetSecurityModel: { policy: 'first', api: 'virNodeGetSecurityModel' },
  // libvirt refuses both conversions on read-only connections.
  connectDomainXMLToNative: { policy: 'first', api: 'virConnectDomainXMLToNative', writes: true },
  connectDomainXMLFromNative: { policy: 'first', api: 'virConnectDomainXMLFromNative', writes: true },
  connectSetKeepAlive: { policy: 'first', api: 'virConnectSetKeepAlive' },
  listDomainIDs: { policy: 'first', api: 'virConnectListDomains' },
  numOfDomains: { policy: 'first', api: 'virConnectNumOfDomains' },
  listDefinedDomains: { policy: 'first', api: 'virConnectListDefinedDomains' },
  numOfDefinedDomains: { policy: 'first', api: 'virConnectNumOfDefinedDomains' },
  listAllDomains: { policy: 'first', api: 'virConnectListAllDomains' },
  lookupByID: { policy: 'first', api: 'virDomainLookupByID' },
  lookupByName: { policy: 'first', api: 'virDomainLookupByName' },
  lookupByUUID: { policy: 'first', api: 'virDomainLookupByUUID' },
  domainCreateXML: { policy: 'first', api: 'virDomainCreateXML', writes: true },
  domainDefineXML: { policy: 'first', api: 'virDomainDefineXML', writes: true },
  domainUndefine: { policy: 'first', api: 'virDomainUndefine', writes: true },
  domainRename: { policy: 'first', api: 'virDomainRename', writes: true },
  domainCreate: { policy: 'first', api: 'virDomainCreate', writes: true },
  domainRestore: { policy: 'first', api: 'virDomainRestore', writes: true },
  domainSuspend: { policy: 'first-direct-last', api: 'virDomainSuspend', writes: true },
  domainResume: { policy: 'first-direct-last', api: 'virDomainResume', writes: true },
  domainShutdown: { policy: 'every', api: 'virDomainShutdown', writes: true },
  domainReboot: { policy: 'every', api: 'virDomainReboot', writes: true },
  domainReset: { policy: 'first', api: 'virDomainReset', writes: true },
  domainDestroy: { policy: 'first-direct-last', api: 'virDomainDestroy', writes: true },
  domainSave: { policy: 'first', api: 'virDomainSave', writes: true },
  domainGetInfo: { policy: 'first', api: 'virDomainGetInfo' },
  domainGetState: { policy: 'first', api: 'virDomainGetState' },
  domainGetOSType: { policy: 'first', api: 'virDomainGetOSType' },
  domainGetMaxMemory: { policy: 'first', api: 'virDomainGetMaxMemory' },
  domainGetXMLDesc: { policy: 'first', api: 'virDomainGetXMLDesc' },
  domainIsActive: { policy: 'first', api: 'virDomainIsActive' },
  domainIsPersistent: { policy: 'first', api: 'virDomainIsPersistent' },
  domainGetAutostart: { policy: 'first', api: 'virDomainGetAutostart' },
  domainSetAutostart: { policy: 'first', api: 'virDomainSetAutostart', writes: true },
  domainHasManagedSaveImage: { policy: 'first', api: 'virDomainHasManagedSaveImage' },
  domainGetSecurityLabel: { policy: 'first', api: 'virDomainGetSecurityLabel' },
  domainGetMessages: { policy: 'first', api: 'virDomainGetMessages' },
  domainSetMaxMemory: { policy: 'every', api: 'virDomainSetMaxMemory', writes: true },
  domainSetMemory: { policy: 'every', api: 'virDomainSetMemory', writes: true },
  domainSetVcpus: { policy: 'first', api: 'virDomainSetVcpus', writes: true },
  domainSetMemoryFlags: { policy: 'first', api: 'virDomainSetMemoryFlags', writes: true },
  domainSetVcpusFlags: { policy: 'first', api: 'virDomainSetVcpusFlags', writes: true },
  domainAttachDevice: { policy: 'first', api: 'virDomainAttachDevice', writes: true },
  domainAttachDeviceFlags: { policy: 'first', api: 'virDomainAttachDeviceFlags', writes: true },
  domainDetachDevice: { policy: 'first', api: 'virDomainDetachDevice', writes: true },
  domainDetachDeviceFlags: { policy: 'first', api: 'virDomainDetachDeviceFlags', writes: true },
  domainManagedSave: { policy: 'first', api: 'virDomainManagedSave', writes: true },
  domainManagedSaveRemove: { policy: 'first', api: 'virDomainManagedSaveRemove', writes: true },
  domainMemoryStats: { policy: 'first', api: 'virDomainMemoryStats' },
  domainSetMemoryStatsPeriod: { policy: 'first', api: 'virDomainSetMemoryStatsPeriod', writes: true },
  domainGetBlockInfo: { policy: 'first', api: 'virDomainGetBlockInfo' },
  domainGetMetadata: { policy: 'first', api: 'virDomainGetMetadata' },
  domainSetMetadata: { policy: 'first', api: 'virDomainSetMetadata', writes: true },
  domainGetBlkioParameters: { policy: 'first', api: 'virDomainGetBlkioParameters' },
  domainSetBlkioParameters: { policy: 'first', api: 'virDomainSetBlkioParameters', writes: true },
  connectGetAllDomainStats: { policy: 'first', api: 'virConnectGetAllDomainStats' },
  // CPUs, scheduler and IOThreads
  nodeGetCPUMap: { policy: 'first', api: 'virNodeGetCPUMap' },
  domainGetVcpusFlags: { policy: 'first', api: 'virDomainGetVcpusFlags' },
  domainGetMaxVcpus: { policy: 'first', api: 'virDomainGetMaxVcpus' },
  domainGetVcpus: { policy: 'first', api: 'virDomainGetVcpus' },
  domainGetVcpuPinInfo: { policy: 'first', api: 'virDomainGetVcpuPinInfo' },
  domainPinVcpu: { policy: 'first', api: 'virDomainPinVcpu', writes: true },
  domainPinVcpuFlags: { policy: 'first', api: 'virDomainPinVcpuFlags', writes: true },
  domainPinEmulator: { policy: 'first', api: 'virDomainPinEmulator', writes: true },
  domainGetEmulatorPinInfo: { policy: 'first', api: 'virDomainGetEmulatorPinInfo' },
  domainGetCPUStats: { policy: 'first', api: 'virDomainGetCPUStats' },
  domainGetSchedulerType: { policy: 'first', api: 'virDomainGetSchedulerType' },
  domainGetSchedulerParameters: { policy: 'first', api: 'virDomainGetSchedulerParameters' },
  domainGetSchedulerParametersFlags: { policy: 'first', api: 'virDomainGetSchedulerParametersFlags' },
  domainSetSchedulerParameters: { policy: 'first', api: 'virDomainSetSchedulerParameters', writes: true },
  domainSetSchedulerParametersFlags: { policy: 'first', api: 'virDomainSetSchedulerParametersFlags', writes: true },
  domainGetControlInfo: { policy: 'first', api: 'virDomainGetControlInfo' },
  domainGetIOThreadInfo: { policy: 'first', api: 'virDomainGetIOThreadInfo' },
  domainPinIOThread: { policy: 'first', api: 'virDomainPinIOThread', writes: true },
  domainAddIOThread: { policy: 'first', api: 'virDomainAddIOThread', writes: true },
  domainDelIOThread: { policy: 'first', api: 'virDomainDelIOThread', writes: true },
  domainSetIOThreadParams: { policy: 'first', api: 'virDomainSetIOThreadParams', writes: true },
  // snapshots
  domainSnapshotCreateXML: { policy: 'first', api: 'virDomainSnapshotCreateXML', writes: true },
  domainSnapshotNum: { policy: 'first', api: 'virDomainSnapshotNum' },
  domainSnapshotListNames: { policy: 'first', api: 'virDomainSnapshotListNames' },
  domainListAllSnapshots: { policy: 'first', api: 'virDomainListAllSnapshots' },
  domainSnapshotLookupByName: { policy: 'first', api: 'virDomainSnapshotLookupByName' },
  domainHasCurrentSnapshot: { policy: 'first', api: 'virDomainHasCurrentSnapshot' },
  domainSnapshotCurrent: { policy: 'first', api: 'virDomainSnapshotCurrent' },
  domainRevertToSnapshot: { policy: 'first', api: 'virDomainRevertToSnapshot', writes: true },
  domainSnapshotGetXMLDesc: { policy: 'first', api: 'virDomainSnapshotGetXMLDesc' },
  domainSnapshotGetParent: { policy: 'first', api: 'virDomainSnapshotGetParent' },
  domainSnapshotNumChildren: { policy: 'first', api: 'virDomainSnapshotNumChildren' },
  domainSnapshotListChildrenNames: { policy: 'first', api: 'virDomainSnapshotListChildrenNames' },
  domainSnapshotListAllChildren: { policy: 'first', api: 'virDomainSnapshotListAllChildren' },
  domainSnapshotIsCurrent: { policy: 'first', api: 'virDomainSnapshotIsCurrent' },
  domainSnapshotHasMetadata: { policy: 'first', api: 'virDomainSnapshotHasMetadata' },
  domainSnapshotDelete: { policy: 'first', api: 'virDomainSnapshotDelete', writes: true },
  storagePoolDefineXML: { policy: 'first', api: 'virStoragePoolDefineXML', writes: true },
  // libvirt-qemu refuses read-only connections for its monitor calls.
  domainQemuMonitorCommand: { policy: 'first', api: 'virDomainQemuMonitorCommand', writes: true },
  domainQemuMonitorCommandWithFiles: { policy: 'first', api: 'virDomainQemuMonitorCommandWithFiles', writes: true },
  domainCheckpointCreateXML: { policy: 'first', api: 'virDomainCheckpointCreateXML', writes: true },
  domainListAllCheckpoints: { policy: 'first', api: 'virDomainListAllCheckpoints' },
  domainCheckpointListAllChildren: { policy: 'first', api: 'virDomainCheckpointListAllChildren' },
  domainCheckpointLookupByName: { policy: 'first', api: 'virDomainCheckpointLookupByName' },
  domainCheckpointGetParent: { policy: 'first', api: 'virDomainCheckpointGetParent' },
  domainCheckpointGetXMLDesc: { policy: 'first', api: 'virDomainCheckpointGetXMLDesc' },
  domainCheckpointDelete: { policy: 'first', api: 'virDomainCheckpointDelete', writes: true },
};

/**
 * Runs `method` on `drivers` (the connection's opened drivers, in priority order) by its policy.
 * Read-only refusal is the caller's (the connection knows whether it is read-only).
 */
export function dispatch<M extends DriverMethod>(
  drivers: readonly OpenedDriver[],
  method: M,
  ...args: DriverMethodArgs<M>
): Answer<DriverMethodResult<M>> {
  const implementers = implementersOf(drivers, method);
  // One implementer (every local connection): its answer or its error as it gives them, at once
  // or in a promise, whatever the policy, with no async function of dispatch's own around it
  // (every API call comes here).
  if (implementers.length === 1) {
    const driver = implementers[0] as Driver;
    return (driver[method] as DriverCall<M>).apply(driver, args);
  }
  return dispatchByPolicy(implementers, method, args);
}

type DriverCall<M extends DriverMethod> = (...a: DriverMethodArgs<M>) => Answer<DriverMethodResult<M>>;

async function dispatchByPolicy<M extends DriverMethod>(
  implementers: Driver[],
  method: M,
  args: DriverMethodArgs<M>,
): Promise<DriverMethodResult<M>> {
  const rule = CALL_RULES[method];
  if (implementers.length === 0) throw noSupport(rule.api);
  const callEvery = rule.policy === 'every' || rule.policy === 'every-direct-last';
  const errors: unknown[] = [];
  let answered = false;
  let answer: DriverMethodResult<M> | undefined;
  for (const driver of implementers) {
    try {
      const result = await (driver[method] as DriverCall<M>).apply(driver, args);
      if (!answered) {
        answer = result;
        answered = result !== undefined || !method.startsWith('lookup');
      }
      if (answered && !callEvery) break;
    } catch (error) {
      errors.push(error);
    }
  }
  if (answered || errors.length === 0) return answer as DriverMethodResult<M>;
  throw preferredError(errors);
}

/**
 * The drivers that implement `method`, in the order its policy calls them. A connection's driver
 * list and its drivers' methods never change, so the answer is kept per list and method: every
 * API call dispatches, and working it out each time was most of a fast call's cost.
 */
const implementersByList = new WeakMap<readonly OpenedDriver[], Map<DriverMethod, Driver[]>>();

function implementersOf(drivers: readonly OpenedDriver[], method: DriverMethod): Driver[] {
  let byMethod = implementersByList.get(drivers);
  if (!byMethod) {
    byMethod = new Map();
    implementersByList.set(drivers, byMethod);
  }
  let implementers = byMethod.get(method);
  if (!implementers) {
    const policy = CALL_RULES[method].policy;
    const opened = drivers.filter(({ driver }) => typeof driver[method] === 'function');
    // a stable sort: the direct drivers move after the others, each group keeping its priority order
    if (policy === 'every-direct-last' || policy === 'first-direct-last') {
      opened.sort((a, b) => Number(a.factory.direct === true) - Number(b.factory.direct === true));
    }
    implementers = opened.map(({ driver }) => driver);
    byMethod.set(method, implementers);
  }
  return implementers;
}

/** The first error that is not NO_SUPPORT, else the first one. */
function preferredError(errors: unknown[]): unknown {
  return errors.find((e) => !(VirtError.isInstance(e) && e.code === 'NO_SUPPORT')) ?? errors[0];
}

/** NO_SUPPORT as libvirt 9 words it: `this function is not supported by the connection driver: virX`. */
export function noSupport(api: string): VirtError {
  return new VirtError({ code: 'NO_SUPPORT', domain: 'NONE', info: api });
}

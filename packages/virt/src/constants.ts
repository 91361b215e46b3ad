/**
 * libvirt's enums and flag values (include/libvirt/libvirt-domain.h, virterror.h), numbers as
 * libvirt's: the one place they are written. Free of side effects, so `@libvirt-ts/virt/constants`
 * can be imported without loading any driver.
 */

/** virDomainState: the state byte of virDomainInfo. Numbers are libvirt's. */
export const DomainState = {
  NOSTATE: 0,
  RUNNING: 1,
  BLOCKED: 2,
  PAUSED: 3,
  SHUTDOWN: 4,
  SHUTOFF: 5,
  CRASHED: 6,
  PMSUSPENDED: 7,
} as const;
export type DomainState = (typeof DomainState)[keyof typeof DomainState];

/** virDomainRunningReason. */
export const RunningReason = {
  UNKNOWN: 0,
  BOOTED: 1,
  MIGRATED: 2,
  RESTORED: 3,
  FROM_SNAPSHOT: 4,
  UNPAUSED: 5,
  MIGRATION_CANCELED: 6,
  SAVE_CANCELED: 7,
  WAKEUP: 8,
  CRASHED: 9,
} as const;

/** virDomainPausedReason. */
export const PausedReason = {
  UNKNOWN: 0,
  USER: 1,
  MIGRATION: 2,
  SAVE: 3,
  DUMP: 4,
  IOERROR: 5,
  WATCHDOG: 6,
  FROM_SNAPSHOT: 7,
  SHUTTING_DOWN: 8,
  SNAPSHOT: 9,
  CRASHED: 10,
  STARTING_UP: 11,
  POSTCOPY: 12,
  POSTCOPY_FAILED: 13,
} as const;

/** virDomainShutdownReason. */
export const ShutdownReason = { UNKNOWN: 0, USER: 1 } as const;

/** virDomainShutoffReason. */
export const ShutoffReason = {
  UNKNOWN: 0,
  SHUTDOWN: 1,
  DESTROYED: 2,
  CRASHED: 3,
  MIGRATED: 4,
  SAVED: 5,
  FAILED: 6,
  FROM_SNAPSHOT: 7,
  DAEMON: 8,
} as const;

/** virDomainCrashedReason. */
export const CrashedReason = { UNKNOWN: 0, PANICKED: 1 } as const;

/** virDomainModificationImpact: which definition a change applies to. */
export const DomainModificationImpact = { AFFECT_CURRENT: 0, AFFECT_LIVE: 1, AFFECT_CONFIG: 2 } as const;

/** virDomainMemoryModFlags (virDomainSetMemoryFlags): the impact, or MEM_MAXIMUM to change the maximum. */
export const DomainMemoryModFlags = { MEM_CURRENT: 0, MEM_LIVE: 1, MEM_CONFIG: 2, MEM_MAXIMUM: 4 } as const;

/** virDomainDeviceModifyFlags (virDomainAttachDeviceFlags, virDomainDetachDeviceFlags). */
export const DomainDeviceModifyFlags = { AFFECT_CURRENT: 0, AFFECT_LIVE: 1, AFFECT_CONFIG: 2, FORCE: 4 } as const;

/** virDomainQemuMonitorCommandFlags (libvirt-qemu.h): HMP sends the command in the human monitor protocol. */
export const DomainQemuMonitorCommandFlags = { DEFAULT: 0, HMP: 1 } as const;

/** virDomainVcpuFlags (virDomainSetVcpusFlags). */
export const DomainVcpuFlags = {
  VCPU_CURRENT: 0,
  VCPU_LIVE: 1,
  VCPU_CONFIG: 2,
  VCPU_MAXIMUM: 4,
  VCPU_GUEST: 8,
  VCPU_HOTPLUGGABLE: 16,
} as const;

/** virDomainXMLFlags (virDomainGetXMLDesc). */
export const DomainXMLFlags = { XML_SECURE: 1, XML_INACTIVE: 2, XML_UPDATE_CPU: 4, XML_MIGRATABLE: 8 } as const;

/** virDomainCreateFlags (virDomainCreateXML, virDomainCreateWithFlags). */
export const DomainCreateFlags = {
  NONE: 0,
  START_PAUSED: 1,
  START_AUTODESTROY: 2,
  START_BYPASS_CACHE: 4,
  START_FORCE_BOOT: 8,
  START_VALIDATE: 16,
  START_RESET_NVRAM: 32,
} as const;

/** virDomainRebootFlagValues (virDomainReboot); virDomainShutdownFlagValues has the same bits. */
export const DomainRebootFlagValues = {
  REBOOT_DEFAULT: 0,
  REBOOT_ACPI_POWER_BTN: 1,
  REBOOT_GUEST_AGENT: 2,
  REBOOT_INITCTL: 4,
  REBOOT_SIGNAL: 8,
  REBOOT_PARAVIRT: 16,
} as const;

/** virConnectListAllDomainsFlags: the filters this library knows; neither ACTIVE nor INACTIVE means both. */
export const ConnectListAllDomainsFlags = { ACTIVE: 1, INACTIVE: 2 } as const;

/** virDomainEventType: what a lifecycle event says happened (libvirt-domain.h, numbers as libvirt's). */
export const DomainEventType = {
  DEFINED: 0,
  UNDEFINED: 1,
  STARTED: 2,
  SUSPENDED: 3,
  RESUMED: 4,
  STOPPED: 5,
  SHUTDOWN: 6,
  PMSUSPENDED: 7,
  CRASHED: 8,
} as const;
export type DomainEventType = (typeof DomainEventType)[keyof typeof DomainEventType];

/** virDomainEventDefinedDetailType. */
export const DomainEventDefinedDetail = { ADDED: 0, UPDATED: 1, RENAMED: 2, FROM_SNAPSHOT: 3 } as const;

/** virDomainEventUndefinedDetailType. */
export const DomainEventUndefinedDetail = { REMOVED: 0, RENAMED: 1 } as const;

/** virDomainEventStartedDetailType. */
export const DomainEventStartedDetail = { BOOTED: 0, MIGRATED: 1, RESTORED: 2, FROM_SNAPSHOT: 3, WAKEUP: 4 } as const;

/** virDomainEventSuspendedDetailType. */
export const DomainEventSuspendedDetail = {
  PAUSED: 0,
  MIGRATED: 1,
  IOERROR: 2,
  WATCHDOG: 3,
  RESTORED: 4,
  FROM_SNAPSHOT: 5,
  API_ERROR: 6,
  POSTCOPY: 7,
  POSTCOPY_FAILED: 8,
} as const;

/** virDomainEventResumedDetailType. */
export const DomainEventResumedDetail = { UNPAUSED: 0, MIGRATED: 1, FROM_SNAPSHOT: 2, POSTCOPY: 3, POSTCOPY_FAILED: 4 } as const;

/** virDomainEventStoppedDetailType. */
export const DomainEventStoppedDetail = {
  SHUTDOWN: 0,
  DESTROYED: 1,
  CRASHED: 2,
  MIGRATED: 3,
  SAVED: 4,
  FAILED: 5,
  FROM_SNAPSHOT: 6,
} as const;

/** virDomainEventShutdownDetailType. */
export const DomainEventShutdownDetail = { FINISHED: 0, GUEST: 1, HOST: 2 } as const;

/** virDomainEventPMSuspendedDetailType. */
export const DomainEventPMSuspendedDetail = { MEMORY: 0, DISK: 1 } as const;

/** virDomainEventCrashedDetailType. */
export const DomainEventCrashedDetail = { PANICKED: 0, CRASHLOADED: 1 } as const;

/** virConnectCredentialType: what an open's authentication callback is asked for. */
export const CredentialType = {
  USERNAME: 1,
  AUTHNAME: 2,
  LANGUAGE: 3,
  CNONCE: 4,
  PASSPHRASE: 5,
  ECHOPROMPT: 6,
  NOECHOPROMPT: 7,
  REALM: 8,
  EXTERNAL: 9,
} as const;
export type CredentialType = (typeof CredentialType)[keyof typeof CredentialType];

// ---- daily domain commands (autostart, managed save, memory and block statistics, metadata, blkio, stats)

/** virDomainSaveRestoreFlags (virDomainManagedSave, virDomainSaveFlags, virDomainRestoreFlags). */
export const DomainSaveRestoreFlags = { SAVE_BYPASS_CACHE: 1, SAVE_RUNNING: 2, SAVE_PAUSED: 4, SAVE_RESET_NVRAM: 8 } as const;

/** virDomainMemoryStatTags: the tag of each virDomainMemoryStats record; NR is how many tags there are. */
export const DomainMemoryStatTags = {
  SWAP_IN: 0,
  SWAP_OUT: 1,
  MAJOR_FAULT: 2,
  MINOR_FAULT: 3,
  UNUSED: 4,
  AVAILABLE: 5,
  ACTUAL_BALLOON: 6,
  RSS: 7,
  USABLE: 8,
  LAST_UPDATE: 9,
  DISK_CACHES: 10,
  HUGETLB_PGALLOC: 11,
  HUGETLB_PGFAIL: 12,
  NR: 13,
} as const;

/** virDomainMetadataType (virDomainSetMetadata, virDomainGetMetadata). */
export const DomainMetadataType = { DESCRIPTION: 0, TITLE: 1, ELEMENT: 2 } as const;
export type DomainMetadataType = (typeof DomainMetadataType)[keyof typeof DomainMetadataType];

/** virTypedParameterType: the type of one typed parameter's value. */
export const TypedParameterType = { INT: 1, UINT: 2, LLONG: 3, ULLONG: 4, DOUBLE: 5, BOOLEAN: 6, STRING: 7 } as const;
export type TypedParameterType = (typeof TypedParameterType)[keyof typeof TypedParameterType];

/** virTypedParameterFlags: STRING_OKAY lets a getter return string parameters. */
export const TypedParameterFlags = { STRING_OKAY: 4 } as const;

/** The blkio parameters' names (VIR_DOMAIN_BLKIO_*): WEIGHT is a UINT, the DEVICE_* ones "path,value,..." strings. */
export const DomainBlkioParam = {
  WEIGHT: 'weight',
  DEVICE_WEIGHT: 'device_weight',
  DEVICE_READ_IOPS: 'device_read_iops_sec',
  DEVICE_WRITE_IOPS: 'device_write_iops_sec',
  DEVICE_READ_BPS: 'device_read_bytes_sec',
  DEVICE_WRITE_BPS: 'device_write_bytes_sec',
} as const;

/** virDomainStatsTypes (virConnectGetAllDomainStats): the groups of statistics asked for. */
export const DomainStatsTypes = {
  STATE: 0x1,
  CPU_TOTAL: 0x2,
  BALLOON: 0x4,
  VCPU: 0x8,
  INTERFACE: 0x10,
  BLOCK: 0x20,
  PERF: 0x40,
  IOTHREAD: 0x80,
  MEMORY: 0x100,
  DIRTYRATE: 0x200,
  VM: 0x400,
} as const;

/** virConnectGetAllDomainStatsFlags: which domains, and how. */
export const ConnectGetAllDomainStatsFlags = {
  ACTIVE: 1,
  INACTIVE: 2,
  PERSISTENT: 4,
  TRANSIENT: 8,
  RUNNING: 16,
  PAUSED: 32,
  SHUTOFF: 64,
  OTHER: 128,
  NOWAIT: 0x20000000,
  BACKING: 0x40000000,
  ENFORCE_STATS: 0x80000000,
} as const;

/** virVcpuState: what a vcpu is doing (virVcpuInfo.state). */
export const VcpuState = { OFFLINE: 0, RUNNING: 1, BLOCKED: 2 } as const;
export type VcpuState = (typeof VcpuState)[keyof typeof VcpuState];

/** virDomainControlState: the state of the control interface to a domain (virDomainGetControlInfo). */
export const DomainControlState = { OK: 0, JOB: 1, OCCUPIED: 2, ERROR: 3 } as const;
export type DomainControlState = (typeof DomainControlState)[keyof typeof DomainControlState];

/** virDomainControlErrorReason: why the control interface is in state ERROR. */
export const DomainControlErrorReason = { NONE: 0, UNKNOWN: 1, MONITOR: 2, INTERNAL: 3 } as const;

/** The fields of virDomainGetCPUStats (VIR_DOMAIN_CPU_STATS_*). */
export const DomainCPUStatsField = { CPUTIME: 'cpu_time', USERTIME: 'user_time', SYSTEMTIME: 'system_time', VCPUTIME: 'vcpu_time' } as const;

/** Scheduler parameter fields (VIR_DOMAIN_SCHEDULER_*) of virDomainGetSchedulerParameters. */
export const DomainSchedulerField = { WEIGHT: 'weight', CAP: 'cap' } as const;

/** IOThread parameter fields (VIR_DOMAIN_IOTHREAD_*) of virDomainSetIOThreadParams. */
export const DomainIOThreadField = {
  POLL_MAX_NS: 'poll_max_ns',
  POLL_GROW: 'poll_grow',
  POLL_SHRINK: 'poll_shrink',
  THREAD_POOL_MIN: 'thread_pool_min',
  THREAD_POOL_MAX: 'thread_pool_max',
} as const;

export { ErrorCode } from './errors/error-codes.js';
export { ErrorDomain, ErrorLevel } from './errors/error-domains.js';

// ---- snapshots and checkpoints (libvirt-domain-snapshot.h, libvirt-domain-checkpoint.h)

/** virDomainSnapshotCreateFlags. */
export const DomainSnapshotCreateFlags = {
  REDEFINE: 1,
  CURRENT: 2,
  NO_METADATA: 4,
  HALT: 8,
  DISK_ONLY: 16,
  REUSE_EXT: 32,
  QUIESCE: 64,
  ATOMIC: 128,
  LIVE: 256,
  VALIDATE: 512,
} as const;

/**
 * virDomainSnapshotListFlags. ROOTS and DESCENDANTS are one bit: ROOTS on a domain's list,
 * DESCENDANTS on a snapshot's children.
 */
export const DomainSnapshotListFlags = {
  ROOTS: 1,
  DESCENDANTS: 1,
  METADATA: 2,
  LEAVES: 4,
  NO_LEAVES: 8,
  NO_METADATA: 16,
  INACTIVE: 32,
  ACTIVE: 64,
  DISK_ONLY: 128,
  INTERNAL: 256,
  EXTERNAL: 512,
  TOPOLOGICAL: 1024,
} as const;

/** virDomainSnapshotRevertFlags. */
export const DomainSnapshotRevertFlags = { RUNNING: 1, PAUSED: 2, FORCE: 4, RESET_NVRAM: 8 } as const;

/** virDomainSnapshotDeleteFlags. */
export const DomainSnapshotDeleteFlags = { CHILDREN: 1, METADATA_ONLY: 2, CHILDREN_ONLY: 4 } as const;

/** virDomainSnapshotXMLFlags. */
export const DomainSnapshotXMLFlags = { SECURE: 1 } as const;

/** virStoragePoolDefineFlags: VALIDATE checks the XML against libvirt's schema. */
export const StoragePoolDefineFlags = { VALIDATE: 1 } as const;
// ---- checkpoints (libvirt-domain-checkpoint.h)

/** virDomainCheckpointCreateFlags. */
export const DomainCheckpointCreateFlags = { REDEFINE: 1, QUIESCE: 2, REDEFINE_VALIDATE: 4 } as const;

/** virDomainCheckpointListFlags: ROOTS (of a domain's list) and DESCENDANTS (of a checkpoint's children) share bit 1. */
export const DomainCheckpointListFlags = { ROOTS: 1, DESCENDANTS: 1, TOPOLOGICAL: 2, LEAVES: 4, NO_LEAVES: 8 } as const;

/** virDomainCheckpointDeleteFlags. */
export const DomainCheckpointDeleteFlags = { CHILDREN: 1, METADATA_ONLY: 2, CHILDREN_ONLY: 4 } as const;

/** virDomainCheckpointXMLFlags. */
export const DomainCheckpointXMLFlags = { SECURE: 1, NO_DOMAIN: 2, SIZE: 4 } as const;

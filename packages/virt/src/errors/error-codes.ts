/**
 * virErrorNumber: every error code libvirt has, with its number and message templates.
 * 0.1.3 defined 0..28; the rest take the numbers libvirt gives them today (include/libvirt/virterror.h),
 * and the templates are today's (src/util/virerror.c), because virsh 9 prints them verbatim.
 * `bare` is the message without detail; `withInfo` has one `%s` for the detail string.
 */
export const ERROR_CODE_TABLE = {
  OK: { number: 0, bare: '', withInfo: '%s' },
  INTERNAL_ERROR: { number: 1, bare: 'internal error', withInfo: 'internal error: %s' },
  NO_MEMORY: { number: 2, bare: 'out of memory', withInfo: 'out of memory: %s' },
  NO_SUPPORT: { number: 3, bare: 'this function is not supported by the connection driver', withInfo: 'this function is not supported by the connection driver: %s' },
  UNKNOWN_HOST: { number: 4, bare: 'unknown host', withInfo: 'unknown host %s' },
  NO_CONNECT: { number: 5, bare: 'no connection driver available', withInfo: 'no connection driver available for %s' },
  INVALID_CONN: { number: 6, bare: 'invalid connection pointer in', withInfo: 'invalid connection pointer in %s' },
  INVALID_DOMAIN: { number: 7, bare: 'invalid domain pointer in', withInfo: 'invalid domain pointer in %s' },
  INVALID_ARG: { number: 8, bare: 'invalid argument', withInfo: 'invalid argument: %s' },
  OPERATION_FAILED: { number: 9, bare: 'operation failed', withInfo: 'operation failed: %s' },
  GET_FAILED: { number: 10, bare: 'GET operation failed', withInfo: 'GET operation failed: %s' },
  POST_FAILED: { number: 11, bare: 'POST operation failed', withInfo: 'POST operation failed: %s' },
  HTTP_ERROR: { number: 12, bare: 'got unknown HTTP error code', withInfo: 'got unknown HTTP error code %s' },
  SEXPR_SERIAL: { number: 13, bare: 'failed to serialize S-Expr', withInfo: 'failed to serialize S-Expr: %s' },
  NO_XEN: { number: 14, bare: 'could not use Xen hypervisor entry', withInfo: 'could not use Xen hypervisor entry %s' },
  XEN_CALL: { number: 15, bare: 'failed Xen syscall', withInfo: 'failed Xen syscall %s' },
  OS_TYPE: { number: 16, bare: 'unknown OS type', withInfo: 'unknown OS type %s' },
  NO_KERNEL: { number: 17, bare: 'missing kernel information', withInfo: 'missing kernel information: %s' },
  NO_ROOT: { number: 18, bare: 'missing root device information', withInfo: 'missing root device information in %s' },
  NO_SOURCE: { number: 19, bare: 'missing source information for device', withInfo: 'missing source information for device %s' },
  NO_TARGET: { number: 20, bare: 'missing target information for device', withInfo: 'missing target information for device %s' },
  NO_NAME: { number: 21, bare: 'missing name information', withInfo: 'missing name information in %s' },
  NO_OS: { number: 22, bare: 'missing operating system information', withInfo: 'missing operating system information for %s' },
  NO_DEVICE: { number: 23, bare: 'missing devices information', withInfo: 'missing devices information for %s' },
  NO_XENSTORE: { number: 24, bare: 'could not connect to Xen Store', withInfo: 'could not connect to Xen Store %s' },
  DRIVER_FULL: { number: 25, bare: 'too many drivers registered', withInfo: 'too many drivers registered in %s' },
  CALL_FAILED: { number: 26, bare: 'library call failed', withInfo: 'library call failed: %s' },
  XML_ERROR: { number: 27, bare: 'XML description is invalid or not well formed', withInfo: 'XML error: %s' },
  DOM_EXIST: { number: 28, bare: 'this domain exists already', withInfo: 'domain %s exists already' },
  OPERATION_DENIED: { number: 29, bare: 'operation forbidden for read only access', withInfo: 'operation forbidden: %s' },
  OPEN_FAILED: { number: 30, bare: 'failed to open configuration file', withInfo: 'failed to open configuration file %s' },
  READ_FAILED: { number: 31, bare: 'failed to read configuration file', withInfo: 'failed to read configuration file %s' },
  PARSE_FAILED: { number: 32, bare: 'failed to parse configuration file', withInfo: 'failed to parse configuration file %s' },
  CONF_SYNTAX: { number: 33, bare: 'configuration file syntax error', withInfo: 'configuration file syntax error: %s' },
  WRITE_FAILED: { number: 34, bare: 'failed to write configuration file', withInfo: 'failed to write configuration file: %s' },
  XML_DETAIL: { number: 35, bare: 'parser error', withInfo: '%s' },
  INVALID_NETWORK: { number: 36, bare: 'invalid network pointer in', withInfo: 'invalid network pointer in %s' },
  NETWORK_EXIST: { number: 37, bare: 'this network exists already', withInfo: 'network %s exists already' },
  SYSTEM_ERROR: { number: 38, bare: 'system call error', withInfo: '%s' },
  RPC: { number: 39, bare: 'RPC error', withInfo: '%s' },
  GNUTLS_ERROR: { number: 40, bare: 'GNUTLS call error', withInfo: '%s' },
  WAR_NO_NETWORK: { number: 41, bare: 'Failed to find the network', withInfo: 'Failed to find the network: %s' },
  NO_DOMAIN: { number: 42, bare: 'Domain not found', withInfo: 'Domain not found: %s' },
  NO_NETWORK: { number: 43, bare: 'Network not found', withInfo: 'Network not found: %s' },
  INVALID_MAC: { number: 44, bare: 'invalid MAC address', withInfo: 'invalid MAC address: %s' },
  AUTH_FAILED: { number: 45, bare: 'authentication failed', withInfo: 'authentication failed: %s' },
  INVALID_STORAGE_POOL: { number: 46, bare: 'invalid storage pool pointer in', withInfo: 'invalid storage pool pointer in %s' },
  INVALID_STORAGE_VOL: { number: 47, bare: 'invalid storage volume pointer in', withInfo: 'invalid storage volume pointer in %s' },
  WAR_NO_STORAGE: { number: 48, bare: 'Failed to find a storage driver', withInfo: 'Failed to find a storage driver: %s' },
  NO_STORAGE_POOL: { number: 49, bare: 'Storage pool not found', withInfo: 'Storage pool not found: %s' },
  NO_STORAGE_VOL: { number: 50, bare: 'Storage volume not found', withInfo: 'Storage volume not found: %s' },
  WAR_NO_NODE: { number: 51, bare: 'Failed to find a node driver', withInfo: 'Failed to find a node driver: %s' },
  INVALID_NODE_DEVICE: { number: 52, bare: 'invalid node device pointer', withInfo: 'invalid node device pointer in %s' },
  NO_NODE_DEVICE: { number: 53, bare: 'Node device not found', withInfo: 'Node device not found: %s' },
  NO_SECURITY_MODEL: { number: 54, bare: 'Security model not found', withInfo: 'Security model not found: %s' },
  OPERATION_INVALID: { number: 55, bare: 'Requested operation is not valid', withInfo: 'Requested operation is not valid: %s' },
  WAR_NO_INTERFACE: { number: 56, bare: 'Failed to find the interface', withInfo: 'Failed to find the interface: %s' },
  NO_INTERFACE: { number: 57, bare: 'Interface not found', withInfo: 'Interface not found: %s' },
  INVALID_INTERFACE: { number: 58, bare: 'invalid interface pointer in', withInfo: 'invalid interface pointer in %s' },
  MULTIPLE_INTERFACES: { number: 59, bare: 'multiple matching interfaces found', withInfo: 'multiple matching interfaces found: %s' },
  WAR_NO_NWFILTER: { number: 60, bare: 'Failed to start the nwfilter driver', withInfo: 'Failed to start the nwfilter driver: %s' },
  INVALID_NWFILTER: { number: 61, bare: 'Invalid network filter', withInfo: 'Invalid network filter: %s' },
  NO_NWFILTER: { number: 62, bare: 'Network filter not found', withInfo: 'Network filter not found: %s' },
  BUILD_FIREWALL: { number: 63, bare: 'Error while building firewall', withInfo: 'Error while building firewall: %s' },
  WAR_NO_SECRET: { number: 64, bare: 'Failed to find a secret storage driver', withInfo: 'Failed to find a secret storage driver: %s' },
  INVALID_SECRET: { number: 65, bare: 'Invalid secret', withInfo: 'Invalid secret: %s' },
  NO_SECRET: { number: 66, bare: 'Secret not found', withInfo: 'Secret not found: %s' },
  CONFIG_UNSUPPORTED: { number: 67, bare: 'unsupported configuration', withInfo: 'unsupported configuration: %s' },
  OPERATION_TIMEOUT: { number: 68, bare: 'Timed out during operation', withInfo: 'Timed out during operation: %s' },
  MIGRATE_PERSIST_FAILED: { number: 69, bare: 'Failed to make domain persistent after migration', withInfo: 'Failed to make domain persistent after migration: %s' },
  HOOK_SCRIPT_FAILED: { number: 70, bare: 'Hook script execution failed', withInfo: 'Hook script execution failed: %s' },
  INVALID_DOMAIN_SNAPSHOT: { number: 71, bare: 'Invalid domain snapshot', withInfo: 'Invalid domain snapshot: %s' },
  NO_DOMAIN_SNAPSHOT: { number: 72, bare: 'Domain snapshot not found', withInfo: 'Domain snapshot not found: %s' },
  INVALID_STREAM: { number: 73, bare: 'invalid stream pointer', withInfo: 'invalid stream pointer in %s' },
  ARGUMENT_UNSUPPORTED: { number: 74, bare: 'argument unsupported', withInfo: 'argument unsupported: %s' },
  STORAGE_PROBE_FAILED: { number: 75, bare: 'Storage pool probe failed', withInfo: 'Storage pool probe failed: %s' },
  STORAGE_POOL_BUILT: { number: 76, bare: 'Storage pool already built', withInfo: 'Storage pool already built: %s' },
  SNAPSHOT_REVERT_RISKY: { number: 77, bare: 'revert requires force', withInfo: 'revert requires force: %s' },
  OPERATION_ABORTED: { number: 78, bare: 'operation aborted', withInfo: 'operation aborted: %s' },
  AUTH_CANCELLED: { number: 79, bare: 'authentication cancelled', withInfo: 'authentication cancelled: %s' },
  NO_DOMAIN_METADATA: { number: 80, bare: 'metadata not found', withInfo: 'metadata not found: %s' },
  MIGRATE_UNSAFE: { number: 81, bare: 'Unsafe migration', withInfo: 'Unsafe migration: %s' },
  OVERFLOW: { number: 82, bare: 'numerical overflow', withInfo: 'numerical overflow: %s' },
  BLOCK_COPY_ACTIVE: { number: 83, bare: 'block copy still active', withInfo: 'block copy still active: %s' },
  OPERATION_UNSUPPORTED: { number: 84, bare: 'Operation not supported', withInfo: 'Operation not supported: %s' },
  SSH: { number: 85, bare: 'SSH transport error', withInfo: 'SSH transport error: %s' },
  AGENT_UNRESPONSIVE: { number: 86, bare: 'Guest agent is not responding', withInfo: 'Guest agent is not responding: %s' },
  RESOURCE_BUSY: { number: 87, bare: 'resource busy', withInfo: 'resource busy: %s' },
  ACCESS_DENIED: { number: 88, bare: 'access denied', withInfo: 'access denied: %s' },
  DBUS_SERVICE: { number: 89, bare: 'error from service', withInfo: 'error from service: %s' },
  STORAGE_VOL_EXIST: { number: 90, bare: 'this storage volume exists already', withInfo: 'storage volume %s exists already' },
  CPU_INCOMPATIBLE: { number: 91, bare: 'the CPU is incompatible with host CPU', withInfo: 'the CPU is incompatible with host CPU: %s' },
  XML_INVALID_SCHEMA: { number: 92, bare: 'XML document failed to validate against schema', withInfo: 'XML document failed to validate against schema: %s' },
  MIGRATE_FINISH_OK: { number: 93, bare: 'migration successfully aborted', withInfo: 'migration successfully aborted: %s' },
  AUTH_UNAVAILABLE: { number: 94, bare: 'authentication unavailable', withInfo: 'authentication unavailable: %s' },
  NO_SERVER: { number: 95, bare: 'Server not found', withInfo: 'Server not found: %s' },
  NO_CLIENT: { number: 96, bare: 'Client not found', withInfo: 'Client not found: %s' },
  AGENT_UNSYNCED: { number: 97, bare: 'guest agent replied with wrong id to guest-sync command', withInfo: 'guest agent replied with wrong id to guest-sync command: %s' },
  LIBSSH: { number: 98, bare: 'libssh transport error', withInfo: 'libssh transport error: %s' },
  DEVICE_MISSING: { number: 99, bare: 'device not found', withInfo: 'device not found: %s' },
  INVALID_NWFILTER_BINDING: { number: 100, bare: 'Invalid network filter binding', withInfo: 'Invalid network filter binding: %s' },
  NO_NWFILTER_BINDING: { number: 101, bare: 'Network filter binding not found', withInfo: 'Network filter binding not found: %s' },
  INVALID_DOMAIN_CHECKPOINT: { number: 102, bare: 'Invalid domain checkpoint', withInfo: 'Invalid domain checkpoint: %s' },
  NO_DOMAIN_CHECKPOINT: { number: 103, bare: 'Domain checkpoint not found', withInfo: 'Domain checkpoint not found: %s' },
  NO_DOMAIN_BACKUP: { number: 104, bare: 'Domain backup job id not found', withInfo: 'Domain backup job id not found: %s' },
  INVALID_NETWORK_PORT: { number: 105, bare: 'Invalid network port pointer', withInfo: 'Invalid network port pointer: %s' },
  NETWORK_PORT_EXIST: { number: 106, bare: 'this network port exists already', withInfo: 'network port %s exists already' },
  NO_NETWORK_PORT: { number: 107, bare: 'network port not found', withInfo: 'network port not found: %s' },
  NO_HOSTNAME: { number: 108, bare: 'no hostname found', withInfo: 'no hostname found: %s' },
  CHECKPOINT_INCONSISTENT: { number: 109, bare: 'checkpoint inconsistent', withInfo: 'checkpoint inconsistent: %s' },
  MULTIPLE_DOMAINS: { number: 110, bare: 'multiple matching domains found', withInfo: 'multiple matching domains found: %s' },
  NO_NETWORK_METADATA: { number: 111, bare: 'metadata not found', withInfo: 'metadata not found: %s' },
} as const;

export type ErrorCodeName = keyof typeof ERROR_CODE_TABLE;

/** virErrorNumber: name → number, e.g. `ErrorCode.NO_DOMAIN === 42`. */
export const ErrorCode = Object.freeze(
  Object.fromEntries(Object.entries(ERROR_CODE_TABLE).map(([name, entry]) => [name, entry.number])),
) as { readonly [K in ErrorCodeName]: (typeof ERROR_CODE_TABLE)[K]['number'] };
export type ErrorCode = (typeof ErrorCode)[ErrorCodeName];

const NAME_BY_NUMBER = new Map<number, ErrorCodeName>(
  Object.entries(ERROR_CODE_TABLE).map(([name, entry]) => [entry.number, name as ErrorCodeName]),
);

/** The code name for a number (as a peer reports it), undefined when libvirt has none. */
export function errorCodeName(number: number): ErrorCodeName | undefined {
  return NAME_BY_NUMBER.get(number);
}

/** libvirt's virErrorMsg + printf: the message for `code`, with `info` as its detail when given. */
export function errorMessage(code: ErrorCodeName, info?: string): string {
  const entry = ERROR_CODE_TABLE[code];
  return info === undefined ? entry.bare : entry.withInfo.replace('%s', () => info);
}

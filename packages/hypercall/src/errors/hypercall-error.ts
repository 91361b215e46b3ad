/**
 * HypercallError: every failure of this package. `code` is stable; `op` names the Xen
 * operation (XEN_DOMCTL_pausedomain, DOM0_GETDOMAININFOLIST, ...), `domain` the domain id
 * and `device` the privcmd device where they apply; `errno` is the errno value the
 * kernel or hypervisor answered with.
 */
export type HypercallErrorCode =
  /** No usable Xen: no privcmd device, the addon cannot load, or the device is not Xen's. */
  | 'NO_XEN'
  /** The hypervisor's interface or this operation is not supported by this package. */
  | 'NO_SUPPORT'
  /** Not privileged: opening privcmd or the hypercall was refused (EPERM/EACCES on open). */
  | 'EPERM'
  /** The hypervisor rejected the interface version (Xen answers EACCES). */
  | 'EACCES'
  /** The hypervisor rejected an argument (e.g. pausing the calling domain). */
  | 'EINVAL'
  /** No such domain. */
  | 'ESRCH'
  /** Any other errno; see `errno`. */
  | 'ERRNO'
  /** The caller passed a value out of range (domain id, memory size, ...). */
  | 'INVALID_ARGUMENT'
  /** The hypervisor's answer does not fit the layout (short buffer, impossible count). */
  | 'BAD_REPLY'
  /** The hypervisor handle was closed. */
  | 'CLOSED';

export interface HypercallErrorInit {
  code: HypercallErrorCode;
  message: string;
  op?: string;
  domain?: number;
  device?: string;
  errno?: number;
  cause?: unknown;
}

const marker = Symbol.for('libvirt-ts.HypercallError');

export class HypercallError extends Error {
  override readonly name = 'HypercallError';
  readonly code: HypercallErrorCode;
  readonly op: string | undefined;
  readonly domain: number | undefined;
  readonly device: string | undefined;
  readonly errno: number | undefined;
  readonly [marker] = true;

  constructor(init: HypercallErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.code = init.code;
    this.op = init.op;
    this.domain = init.domain;
    this.device = init.device;
    this.errno = init.errno;
  }

  /** True for a HypercallError from any copy of this package. */
  static isInstance(value: unknown): value is HypercallError {
    return typeof value === 'object' && value !== null && marker in value;
  }
}

/**
 * The privcmd device as the hypervisor object uses it: hypercall-safe memory (allocate,
 * copy in, copy out, free) and the hypercall itself. The native addon implements it;
 * `@libvirt-ts/hypercall/testing` has a fake that records every call's bytes.
 */
export type HypercallArgs = readonly [bigint, bigint, bigint, bigint, bigint];

export interface PrivcmdBackend {
  /** The device path, e.g. /dev/xen/privcmd. */
  readonly device: string;
  /** Where hypercall memory comes from: "/dev/xen/hypercall" or "mlock". */
  readonly bufferSource: string;
  /** Page-aligned, zeroed memory of at least `size` bytes; returns its address. */
  alloc(size: number): bigint;
  write(address: bigint, bytes: Uint8Array): void;
  /** A copy of `length` bytes at `address`. */
  read(address: bigint, length: number): Uint8Array;
  free(address: bigint): void;
  /**
   * Runs hypercall `op` off the main thread. Resolves with its non-negative result;
   * rejects with an Error whose `errno` is the (positive) errno value.
   */
  hypercall(op: number, args: HypercallArgs): Promise<number>;
  /** Releases the device and all memory, once running hypercalls have finished. */
  close(): void;
}

/** The rejection shape of PrivcmdBackend.hypercall (and of a failed open). */
export interface ErrnoFailure {
  errno: number;
  message: string;
}

export function isErrnoFailure(value: unknown): value is ErrnoFailure {
  return value instanceof Error && typeof (value as Partial<ErrnoFailure>).errno === 'number';
}

/**
 * An in-memory privcmd backend for tests: hypercall memory is plain Uint8Arrays at
 * made-up page-aligned addresses, every hypercall is recorded with a snapshot of all
 * live buffers, and a `respond` function plays the hypervisor.
 */
import type { HypercallArgs, PrivcmdBackend } from '../backend/privcmd-backend.js';

const PAGE = 4096;

export interface FakeHypercall {
  /** Index of the call, from 0. */
  index: number;
  op: number;
  args: HypercallArgs;
  /** Bytes of hypercall memory (what Xen would read through a guest handle). */
  read(address: bigint, length: number): Uint8Array;
  /** Writes hypercall memory (what Xen would copy back to the guest). */
  write(address: bigint, bytes: Uint8Array): void;
}

/** Answers a hypercall: its result, or throw `errnoError(...)` to fail it. */
export type FakeResponder = (call: FakeHypercall) => number | Promise<number>;

export interface RecordedHypercall {
  op: number;
  args: HypercallArgs;
  /** Every live buffer's bytes when the call was made, by address. */
  buffers: Map<bigint, Uint8Array>;
}

export interface FakePrivcmdOptions {
  device?: string;
  /** Addresses to hand out, in order (a replayed tape's); else consecutive pages. */
  addresses?: Iterable<bigint>;
}

export class FakePrivcmd implements PrivcmdBackend {
  readonly device: string;
  readonly bufferSource = 'fake';
  readonly calls: RecordedHypercall[] = [];
  private readonly memory = new Map<bigint, Uint8Array>();
  private readonly addresses: Iterator<bigint> | undefined;
  private nextAddress = 0x7f00_0000_0000n;
  private closed = false;

  constructor(
    private readonly respond: FakeResponder,
    options: FakePrivcmdOptions = {},
  ) {
    this.device = options.device ?? '/fake/privcmd';
    this.addresses = options.addresses?.[Symbol.iterator]();
  }

  /** Buffers allocated and not yet freed. */
  get liveBuffers(): number {
    return this.memory.size;
  }
  get isClosed(): boolean {
    return this.closed;
  }

  alloc(size: number): bigint {
    this.ensureOpen();
    const length = Math.max(PAGE, Math.ceil(size / PAGE) * PAGE);
    const next = this.addresses?.next();
    let address: bigint;
    if (next === undefined) {
      address = this.nextAddress;
      this.nextAddress += BigInt(length);
    } else if (next.done) {
      throw new Error('FakePrivcmd: more allocations than the given addresses');
    } else {
      address = next.value;
    }
    if (this.memory.has(address)) throw new Error(`FakePrivcmd: address 0x${address.toString(16)} is in use`);
    this.memory.set(address, new Uint8Array(length));
    return address;
  }

  write(address: bigint, bytes: Uint8Array): void {
    this.resolve(address, bytes.length).set(bytes);
  }

  read(address: bigint, length: number): Uint8Array {
    return this.resolve(address, length).slice();
  }

  free(address: bigint): void {
    this.ensureOpen();
    if (!this.memory.delete(address)) throw new RangeError('address is not a hypercall buffer of this handle');
  }

  async hypercall(op: number, args: HypercallArgs): Promise<number> {
    this.ensureOpen();
    const buffers = new Map([...this.memory].map(([address, bytes]) => [address, bytes.slice()] as const));
    const index = this.calls.push({ op, args, buffers }) - 1;
    return this.respond({
      index,
      op,
      args,
      read: (address, length) => this.read(address, length),
      write: (address, bytes) => this.write(address, bytes),
    });
  }

  close(): void {
    this.closed = true;
    this.memory.clear();
  }

  private ensureOpen(): void {
    if (this.closed) throw new Error('FakePrivcmd: handle is closed');
  }

  private resolve(address: bigint, length: number): Uint8Array {
    this.ensureOpen();
    for (const [start, bytes] of this.memory) {
      const offset = Number(address - start);
      if (address >= start && offset + length <= bytes.length) return bytes.subarray(offset, offset + length);
    }
    throw new RangeError('address range is not inside a hypercall buffer of this handle');
  }
}

/**
 * Tapes: the bytes of every hypercall made through a real privcmd device, and replaying
 * them through a FakePrivcmd. A replay hands out the recorded addresses in the recorded
 * order, so requests (which embed buffer addresses) must match the tape byte for byte.
 */
import type { HypercallArgs, PrivcmdBackend } from '../backend/privcmd-backend.js';
import { isErrnoFailure } from '../backend/privcmd-backend.js';
import { errnoError } from './errno-error.js';
import { FakePrivcmd } from './fake-privcmd.js';

export interface TapeCall {
  op: number;
  /** The five arguments, hex. */
  args: string[];
  /** Live buffers before the call: address (hex) -> bytes (hex). */
  request: Record<string, string>;
  /** The same buffers after the call. */
  response: Record<string, string>;
  result?: number;
  errno?: number;
}

export interface HypercallTape {
  description: string;
  /** Every allocation's address (hex), in order. */
  allocations: string[];
  calls: TapeCall[];
}

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
const fromHex = (text: string) => new Uint8Array(Buffer.from(text, 'hex'));
const addressHex = (address: bigint) => `0x${address.toString(16)}`;

/** Wraps a backend and records everything that goes through it. */
export class RecordingBackend implements PrivcmdBackend {
  private readonly allocations: string[] = [];
  private readonly calls: TapeCall[] = [];
  private readonly live = new Map<bigint, number>();

  constructor(private readonly inner: PrivcmdBackend) {}

  get device(): string {
    return this.inner.device;
  }
  get bufferSource(): string {
    return this.inner.bufferSource;
  }

  alloc(size: number): bigint {
    const address = this.inner.alloc(size);
    this.allocations.push(addressHex(address));
    this.live.set(address, size);
    return address;
  }
  write(address: bigint, bytes: Uint8Array): void {
    this.inner.write(address, bytes);
  }
  read(address: bigint, length: number): Uint8Array {
    return this.inner.read(address, length);
  }
  free(address: bigint): void {
    this.inner.free(address);
    this.live.delete(address);
  }
  close(): void {
    this.inner.close();
  }

  async hypercall(op: number, args: HypercallArgs): Promise<number> {
    const call: TapeCall = { op, args: args.map(addressHex), request: this.snapshot(), response: {} };
    this.calls.push(call);
    try {
      call.result = await this.inner.hypercall(op, args);
      return call.result;
    } catch (error) {
      if (isErrnoFailure(error)) call.errno = error.errno;
      throw error;
    } finally {
      call.response = this.snapshot();
    }
  }

  tape(description: string): HypercallTape {
    return { description, allocations: [...this.allocations], calls: structuredClone(this.calls) };
  }

  private snapshot(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [address, size] of this.live) out[addressHex(address)] = hex(this.inner.read(address, size));
    return out;
  }
}

/** A FakePrivcmd that expects exactly the tape's calls and answers with its recorded bytes. */
export function replayTape(tape: HypercallTape): FakePrivcmd {
  return new FakePrivcmd(
    (call) => {
      const recorded = tape.calls[call.index];
      const where = `tape "${tape.description}" call #${call.index}`;
      if (recorded === undefined) throw new Error(`${where}: not on the tape (op ${call.op})`);
      const args = call.args.map(addressHex);
      if (recorded.op !== call.op || args.join() !== recorded.args.join()) {
        throw new Error(`${where}: expected op ${recorded.op} (${recorded.args}), got op ${call.op} (${args})`);
      }
      for (const [address, expected] of Object.entries(recorded.request)) {
        const actual = hex(call.read(BigInt(address), expected.length / 2));
        if (actual !== expected) throw new Error(`${where}: buffer ${address} differs:\n  tape ${expected}\n  sent ${actual}`);
      }
      for (const [address, bytes] of Object.entries(recorded.response)) call.write(BigInt(address), fromHex(bytes));
      if (recorded.errno !== undefined) throw errnoError(recorded.errno);
      return recorded.result ?? 0;
    },
    { device: `tape:${tape.description}`, addresses: tape.allocations.map((a) => BigInt(a)) },
  );
}

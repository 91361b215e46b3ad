import { RemoteError } from '../remote-error.js';

const encoder = new TextEncoder();
const INT32_MIN = -0x80000000;
const INT32_MAX = 0x7fffffff;
const UINT32_MAX = 0xffffffff;
const INT64_MIN = -(1n << 63n);
const INT64_MAX = (1n << 63n) - 1n;
const UINT64_MAX = (1n << 64n) - 1n;

function invalid(what: string, value: unknown): RemoteError {
  return new RemoteError({ code: 'XDR', message: `cannot encode ${String(value)} as ${what}` });
}

/** Writes XDR (RFC 4506): big-endian 4-byte units, padded opaque data, into a buffer that grows. */
export class XdrWriter {
  private buffer: Uint8Array;
  private view: DataView;
  /** Bytes written so far. */
  length = 0;

  constructor(initialSize = 1024) {
    this.buffer = new Uint8Array(initialSize);
    this.view = new DataView(this.buffer.buffer);
  }

  /** Forgets what was written; the buffer is kept for the next message. */
  reset(): void {
    this.length = 0;
  }

  /** A copy of the bytes written. */
  toBytes(): Uint8Array {
    return this.buffer.slice(0, this.length);
  }

  /** Overwrites 4 bytes already written (a length known only at the end). */
  patchUint32(offset: number, value: number): void {
    this.view.setUint32(offset, value);
  }

  private reserve(bytes: number): void {
    const needed = this.length + bytes;
    if (needed <= this.buffer.length) return;
    let size = this.buffer.length * 2;
    while (size < needed) size *= 2;
    const grown = new Uint8Array(size);
    grown.set(this.buffer.subarray(0, this.length));
    this.buffer = grown;
    this.view = new DataView(grown.buffer);
  }

  int(value: number): void {
    if (!Number.isInteger(value) || value < INT32_MIN || value > INT32_MAX) throw invalid('int', value);
    this.reserve(4);
    this.view.setInt32(this.length, value);
    this.length += 4;
  }

  uint(value: number): void {
    if (!Number.isInteger(value) || value < 0 || value > UINT32_MAX) throw invalid('unsigned int', value);
    this.reserve(4);
    this.view.setUint32(this.length, value);
    this.length += 4;
  }

  /** rpcgen's char, short and their unsigned forms: one int on the wire, within the C type's range. */
  ranged(value: number, min: number, max: number, what: string): void {
    if (!Number.isInteger(value) || value < min || value > max) throw invalid(what, value);
    this.reserve(4);
    this.view.setInt32(this.length, value);
    this.length += 4;
  }

  hyper(value: bigint): void {
    if (typeof value !== 'bigint' || value < INT64_MIN || value > INT64_MAX) throw invalid('hyper', value);
    this.reserve(8);
    this.view.setBigInt64(this.length, value);
    this.length += 8;
  }

  uhyper(value: bigint): void {
    if (typeof value !== 'bigint' || value < 0n || value > UINT64_MAX) throw invalid('unsigned hyper', value);
    this.reserve(8);
    this.view.setBigUint64(this.length, value);
    this.length += 8;
  }

  float(value: number): void {
    if (typeof value !== 'number') throw invalid('float', value);
    this.reserve(4);
    this.view.setFloat32(this.length, value);
    this.length += 4;
  }

  double(value: number): void {
    if (typeof value !== 'number') throw invalid('double', value);
    this.reserve(8);
    this.view.setFloat64(this.length, value);
    this.length += 8;
  }

  bool(value: boolean): void {
    if (typeof value !== 'boolean') throw invalid('bool', value);
    this.reserve(4);
    this.view.setInt32(this.length, value ? 1 : 0);
    this.length += 4;
  }

  /** A variable array's element count, checked against the .x file's bound. */
  count(value: number, max: number): void {
    if (!Number.isInteger(value) || value > max) {
      throw new RemoteError({ code: 'XDR', message: `cannot encode ${value} items: the most is ${max}` });
    }
    this.uint(value);
  }

  /** A string as UTF-8 bytes with its length first; `max` counts bytes, as libvirt's limits do. */
  string(value: string, max: number): void {
    if (typeof value !== 'string') throw invalid('string', value);
    this.reserve(4 + value.length * 3 + 3);
    const start = this.length + 4;
    const { written } = encoder.encodeInto(value, this.buffer.subarray(start));
    if (written > max) throw new RemoteError({ code: 'XDR', message: `cannot encode a string of ${written} bytes: the most is ${max}` });
    this.view.setUint32(this.length, written);
    this.length = start + written;
    this.pad(written);
  }

  fixedOpaque(value: Uint8Array, size: number): void {
    if (!(value instanceof Uint8Array) || value.length !== size) {
      throw new RemoteError({ code: 'XDR', message: `cannot encode opaque[${size}] from ${value?.length ?? String(value)} bytes` });
    }
    this.reserve(size + 3);
    this.buffer.set(value, this.length);
    this.length += size;
    this.pad(size);
  }

  variableOpaque(value: Uint8Array, max: number): void {
    if (!(value instanceof Uint8Array)) throw invalid('opaque', value);
    this.count(value.length, max);
    this.reserve(value.length + 3);
    this.buffer.set(value, this.length);
    this.length += value.length;
    this.pad(value.length);
  }

  private pad(written: number): void {
    const padding = (4 - (written % 4)) % 4;
    for (let i = 0; i < padding; i++) this.buffer[this.length++] = 0;
  }
}

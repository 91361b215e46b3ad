import { RemoteError } from '../remote-error.js';

const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads XDR from one whole message body. Every read checks the bytes are there, and a count or
 * length is checked against the .x file's bound and against the bytes left (each item takes at
 * least 4), so a lying length cannot make it allocate more than the message holds.
 */
export class XdrReader {
  private readonly view: DataView;
  offset: number;

  constructor(
    private readonly bytes: Uint8Array,
    offset = 0,
    private readonly end = bytes.length,
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.offset = offset;
  }

  get remaining(): number {
    return this.end - this.offset;
  }

  /** The error for bad data at `at` (default: the current offset). */
  fail(message: string, at = this.offset): RemoteError {
    return new RemoteError({ code: 'XDR', message: `${message} at byte ${at}` });
  }

  /** An enum: an int that must be one of `values`. */
  member(values: ReadonlySet<number>, what: string): number {
    this.need(4, what);
    const value = this.view.getInt32(this.offset);
    if (!values.has(value)) throw this.fail(`${value} is not a ${what}`);
    this.offset += 4;
    return value;
  }

  private need(bytes: number, what: string): void {
    if (this.end - this.offset < bytes) {
      throw this.fail(`${what} needs ${bytes} bytes, ${this.end - this.offset} left`);
    }
  }

  /** Throws unless every byte was read. */
  done(): void {
    if (this.offset !== this.end) throw this.fail(`${this.end - this.offset} bytes left over`);
  }

  int(): number {
    this.need(4, 'int');
    const value = this.view.getInt32(this.offset);
    this.offset += 4;
    return value;
  }

  uint(): number {
    this.need(4, 'unsigned int');
    const value = this.view.getUint32(this.offset);
    this.offset += 4;
    return value;
  }

  /** rpcgen's char, short and their unsigned forms: one int on the wire, within the C type's range. */
  ranged(min: number, max: number, what: string): number {
    this.need(4, what);
    const value = this.view.getInt32(this.offset);
    if (value < min || value > max) throw this.fail(`${value} is not a ${what}`);
    this.offset += 4;
    return value;
  }

  hyper(): bigint {
    this.need(8, 'hyper');
    const value = this.view.getBigInt64(this.offset);
    this.offset += 8;
    return value;
  }

  uhyper(): bigint {
    this.need(8, 'unsigned hyper');
    const value = this.view.getBigUint64(this.offset);
    this.offset += 8;
    return value;
  }

  float(): number {
    this.need(4, 'float');
    const value = this.view.getFloat32(this.offset);
    this.offset += 4;
    return value;
  }

  double(): number {
    this.need(8, 'double');
    const value = this.view.getFloat64(this.offset);
    this.offset += 8;
    return value;
  }

  bool(): boolean {
    this.need(4, 'bool');
    const value = this.view.getInt32(this.offset);
    if (value !== 0 && value !== 1) throw this.fail(`${value} is not a bool`);
    this.offset += 4;
    return value === 1;
  }

  /** A variable array's element count: at most `max`, and no more than the bytes left could hold. */
  count(max: number, minItemBytes = 4): number {
    const value = this.uint();
    if (value > max) {
      this.offset -= 4;
      throw this.fail(`count ${value} is over the limit of ${max}`);
    }
    if (value * minItemBytes > this.end - this.offset) {
      this.offset -= 4;
      throw this.fail(`count ${value} is more than the ${this.end - this.offset - 4} bytes left can hold`);
    }
    return value;
  }

  string(max: number): string {
    const length = this.count(max, 1);
    const start = this.offset;
    this.skipPadded(length);
    if (length < 48) {
      let ascii = '';
      for (let i = start; i < start + length; i++) {
        const byte = this.bytes[i]!;
        if (byte >= 0x80) return this.utf8(start, length);
        ascii += String.fromCharCode(byte);
      }
      return ascii;
    }
    return this.utf8(start, length);
  }

  private utf8(start: number, length: number): string {
    try {
      return decoder.decode(this.bytes.subarray(start, start + length));
    } catch {
      throw new RemoteError({ code: 'XDR', message: `the string at byte ${start - 4} is not UTF-8` });
    }
  }

  fixedOpaque(size: number): Uint8Array {
    const start = this.offset;
    this.skipPadded(size);
    return this.bytes.slice(start, start + size);
  }

  variableOpaque(max: number): Uint8Array {
    const length = this.count(max, 1);
    return this.fixedOpaque(length);
  }

  private skipPadded(length: number): void {
    const padded = length + ((4 - (length % 4)) % 4);
    this.need(padded, `${length} bytes of data`);
    this.offset += padded;
  }
}

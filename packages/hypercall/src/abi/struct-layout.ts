/**
 * A C struct's layout as data: each field's kind and byte offset, the struct's size.
 * encode/decode are little-endian (x86). The layouts are compared with Xen's own headers
 * by test/header-offsets.test.ts, so offsets are written out, never computed.
 */
import { HypercallError } from '../errors/hypercall-error.js';

export type FieldKind = 'u8' | 'u16' | 'u32' | 'u64' | 'bytes';

export interface Field<K extends FieldKind = FieldKind> {
  readonly kind: K;
  readonly offset: number;
  /** Size in bytes. */
  readonly length: number;
}

export type FieldValue<K extends FieldKind> = K extends 'u64' ? bigint : K extends 'bytes' ? Uint8Array : number;
export type StructValues<F extends Record<string, Field>> = { [N in keyof F]: FieldValue<F[N]['kind']> };

export const u8 = (offset: number): Field<'u8'> => ({ kind: 'u8', offset, length: 1 });
export const u16 = (offset: number): Field<'u16'> => ({ kind: 'u16', offset, length: 2 });
export const u32 = (offset: number): Field<'u32'> => ({ kind: 'u32', offset, length: 4 });
export const u64 = (offset: number): Field<'u64'> => ({ kind: 'u64', offset, length: 8 });
export const bytes = (offset: number, length: number): Field<'bytes'> => ({ kind: 'bytes', offset, length });

const maxOf = { u8: 0xff, u16: 0xffff, u32: 0xffff_ffff } as const;

export interface StructLayout<F extends Record<string, Field>> {
  /** The C name, e.g. `xen_domctl_getdomaininfo`. */
  readonly name: string;
  readonly size: number;
  readonly fields: F;
  /** Writes the given fields into `target` at `at` (a fresh zeroed buffer if omitted); others stay as they are. */
  encode(values: Partial<StructValues<F>>, target?: Uint8Array, at?: number): Uint8Array;
  /** Reads every field of the struct that starts at `at`. */
  decode(source: Uint8Array, at?: number): StructValues<F>;
}

export function defineStruct<F extends Record<string, Field>>(name: string, size: number, fields: F): StructLayout<F> {
  for (const [fieldName, field] of Object.entries(fields)) {
    if (field.offset + field.length > size) {
      throw new RangeError(`${name}.${fieldName} ends at ${field.offset + field.length}, past the size ${size}`);
    }
  }
  const view = (buffer: Uint8Array) => new DataView(buffer.buffer, buffer.byteOffset, buffer.byteLength);

  return {
    name,
    size,
    fields,
    encode(values, target = new Uint8Array(size), at = 0) {
      if (at < 0 || at + size > target.length) {
        throw new RangeError(`${name} (${size} bytes) does not fit at offset ${at} of a ${target.length}-byte buffer`);
      }
      const dv = view(target);
      for (const [fieldName, value] of Object.entries(values) as [string, unknown][]) {
        const field = fields[fieldName];
        if (field === undefined || value === undefined) continue;
        writeField(dv, target, at + field.offset, field, value, `${name}.${fieldName}`);
      }
      return target;
    },
    decode(source, at = 0) {
      if (at < 0 || at + size > source.length) {
        throw new HypercallError({
          code: 'BAD_REPLY',
          message: `${name} needs ${size} bytes at offset ${at}, the buffer has ${source.length}`,
        });
      }
      const dv = view(source);
      const out: Record<string, unknown> = {};
      for (const [fieldName, field] of Object.entries(fields)) {
        out[fieldName] = readField(dv, source, at + field.offset, field);
      }
      return out as StructValues<F>;
    },
  };
}

function writeField(dv: DataView, target: Uint8Array, offset: number, field: Field, value: unknown, where: string) {
  const invalid = (what: string) =>
    new HypercallError({ code: 'INVALID_ARGUMENT', message: `${where}: ${what}, got ${String(value)}` });
  switch (field.kind) {
    case 'u64':
      if (typeof value !== 'bigint' || value < 0n || value > 0xffff_ffff_ffff_ffffn) {
        throw invalid('expected a bigint from 0 to 2^64-1');
      }
      dv.setBigUint64(offset, value, true);
      return;
    case 'bytes':
      if (!(value instanceof Uint8Array) || value.length > field.length) {
        throw invalid(`expected a Uint8Array of at most ${field.length} bytes`);
      }
      target.fill(0, offset, offset + field.length);
      target.set(value, offset);
      return;
    default: {
      const max = maxOf[field.kind];
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > max) {
        throw invalid(`expected an integer from 0 to ${max}`);
      }
      if (field.kind === 'u8') dv.setUint8(offset, value);
      else if (field.kind === 'u16') dv.setUint16(offset, value, true);
      else dv.setUint32(offset, value, true);
    }
  }
}

function readField(dv: DataView, source: Uint8Array, offset: number, field: Field): unknown {
  switch (field.kind) {
    case 'u8':
      return dv.getUint8(offset);
    case 'u16':
      return dv.getUint16(offset, true);
    case 'u32':
      return dv.getUint32(offset, true);
    case 'u64':
      return dv.getBigUint64(offset, true);
    case 'bytes':
      return source.slice(offset, offset + field.length);
  }
}

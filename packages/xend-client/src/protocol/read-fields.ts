import { SexprCursor, SexprError } from '@libvirt-ts/sexpr';
import { canonicalUuid } from '@libvirt-ts/xml-format';
import { XendError } from '../errors/xend-error.js';

/** A PARSE_ERROR about a xend record or answer (`what`: `node`, `domain "x"`, `domain list`). */
export function recordError(what: string, message: string, cause?: unknown): XendError {
  return new XendError({ code: 'PARSE_ERROR', message: `xend ${what}: ${message}`, cause });
}

/**
 * Typed reads of the fields of one xend record, `(domain (name x) (memory 420) ...)`, by key,
 * straight from the parser's tape (a SexprCursor: no node object is made per field). The first
 * field of each key counts, as in libvirt's lookup, and a bad or missing field fails as
 * PARSE_ERROR naming the record and field, with the sexpr package's error as the cause.
 */
export class FieldReader {
  /** `domain "pvtest"`, `node`: what the record is, for messages. */
  what: string;

  /** Reads `record` (a node of `cursor`, by default the one the cursor was made for). */
  constructor(
    private readonly cursor: SexprCursor,
    private readonly head: string,
    private readonly record = cursor.root,
  ) {
    this.what = `${head} record`;
    if (!cursor.isHeaded(record, head)) throw this.error(`expected a (${head} ...) record`);
  }

  string(key: string): string | undefined {
    return this.read(key, this.cursor.lookupString);
  }

  requiredString(key: string): string {
    return this.string(key) ?? this.missing(key);
  }

  /** An integer field; libvirt reads a missing one as 0. */
  int(key: string): number {
    return this.optionalInt(key) ?? 0;
  }

  optionalInt(key: string): number | undefined {
    return this.read(key, this.cursor.lookupInt);
  }

  /** A UUID as virUUIDParse reads it, in canonical 8-4-4-4-12 form. */
  requiredUuid(key: string): string {
    const text = this.requiredString(key);
    return canonicalUuid(text) ?? this.fail(`bad field ${this.head}/${key}: expected a UUID but found "${text}"`);
  }

  /** A failure about this record that is not a lookup error. */
  error(message: string, cause?: unknown): XendError {
    return recordError(this.what, message, cause);
  }

  private read<T>(key: string, getter: (this: SexprCursor, field: number, key: string) => T | undefined): T | undefined {
    const field = this.cursor.child(this.record, key);
    if (field === SexprCursor.NONE) return undefined;
    try {
      return getter.call(this.cursor, field, key);
    } catch (cause) {
      if (!SexprError.isInstance(cause)) throw cause;
      throw this.error(`bad field ${this.head}/${key}: ${cause.message}`, cause);
    }
  }

  private missing(key: string): never {
    return this.fail(`required field ${this.head}/${key} is missing`);
  }

  private fail(message: string): never {
    throw this.error(message);
  }
}

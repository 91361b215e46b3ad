import { lookupInt, lookupString, lookupUuid, type SExpr, SexprError } from '@libvirt-ts/sexpr';
import { XendError } from '../errors/xend-error.js';

/**
 * Typed reads of one xend record that fail as PARSE_ERROR (the sexpr error as `cause`)
 * naming the record and field, instead of the sexpr package's own error.
 */
export class FieldReader {
  constructor(
    private readonly node: SExpr,
    /** `domain pvtest`, `node`: what the record is, for messages. */
    private readonly what: string,
  ) {}

  string(path: string): string | undefined {
    return this.read(path, lookupString);
  }

  requiredString(path: string): string {
    return this.read(path, lookupString) ?? this.missing(path);
  }

  /** An integer field; libvirt reads a missing one as 0. */
  int(path: string): number {
    return this.read(path, lookupInt) ?? 0;
  }

  optionalInt(path: string): number | undefined {
    return this.read(path, lookupInt);
  }

  requiredUuid(path: string): string {
    return this.read(path, lookupUuid) ?? this.missing(path);
  }

  /** A failure about this record that is not a lookup error. */
  error(message: string, cause?: unknown): XendError {
    return new XendError({ code: 'PARSE_ERROR', message: `xend ${this.what}: ${message}`, cause });
  }

  private read<T>(path: string, getter: (node: SExpr, path: string) => T): T {
    try {
      return getter(this.node, path);
    } catch (cause) {
      if (!SexprError.isInstance(cause)) throw cause;
      throw this.error(`bad field ${path}: ${cause.message}`, cause);
    }
  }

  private missing(path: string): never {
    throw this.error(`required field ${path} is missing`);
  }
}

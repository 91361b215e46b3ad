import { parse } from '../generated/rpcgen-parser.js';
import type { Specification } from './ast.js';

const marker = Symbol.for('libvirt-ts.RpcgenSyntaxError');

/** A .x file the grammar does not accept; `line`/`column` point at the first character it could not read. */
export class RpcgenSyntaxError extends Error {
  override readonly name = 'RpcgenSyntaxError';
  readonly code = 'RPCGEN_SYNTAX';
  readonly [marker] = true;
  constructor(
    message: string,
    readonly source: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(`${source}:${line}:${column}: ${message}`);
  }

  static isInstance(value: unknown): value is RpcgenSyntaxError {
    return typeof value === 'object' && value !== null && marker in value;
  }
}

/** Parses the text of an rpcgen (.x) file; `source` names it in errors. */
export function parseRpcgen(text: string, source = '<input>'): Specification {
  try {
    return parse(text, { grammarSource: source }) as Specification;
  } catch (error) {
    const location = (error as { location?: { start: { line: number; column: number } } }).location;
    if (location === undefined) throw error;
    throw new RpcgenSyntaxError((error as Error).message, source, location.start.line, location.start.column);
  }
}

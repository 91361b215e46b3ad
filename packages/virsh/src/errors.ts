const marker = Symbol.for('libvirt-ts.VirshError');

export type VirshErrorCode =
  /** The command line or script could not be parsed; nothing ran. */
  | 'PARSE'
  /** A global option (before the command) was wrong. */
  | 'GLOBAL_OPTION'
  /** A command ran and failed; `lines` are what virsh prints after "error: ". */
  | 'COMMAND_FAILED';

export interface VirshErrorInit {
  code: VirshErrorCode;
  /** What virsh prints, one "error: <line>" each. */
  lines: string[];
  /** The command concerned, if any. */
  command?: string | undefined;
  cause?: unknown;
}

/**
 * The one error class of the virsh package. `lines` are the messages virsh prints,
 * one "error: <line>" each; `command` names the command concerned, if any.
 */
export class VirshError extends Error {
  override readonly name = 'VirshError';
  readonly code: VirshErrorCode;
  readonly lines: readonly string[];
  readonly command: string | undefined;
  readonly [marker] = true;

  constructor(init: VirshErrorInit) {
    super(init.lines.join('\n'), init.cause === undefined ? undefined : { cause: init.cause });
    this.code = init.code;
    this.lines = init.lines;
    this.command = init.command;
  }

  /** True for a VirshError from any copy of this package. */
  static isInstance(value: unknown): value is VirshError {
    return typeof value === 'object' && value !== null && marker in value;
  }
}

/** A parse error of a script: printed as one "error:" line, and nothing runs. */
export function parseError(message: string, command?: string): VirshError {
  return new VirshError({ code: 'PARSE', lines: [message], ...(command === undefined ? {} : { command }) });
}

/** What virsh prints after "error: " for an error from virt (its libvirt message) or anywhere else. */
export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/**
 * A command failure as virsh prints most of them: its own context line, then the
 * libvirt error that caused it ("Failed to suspend domain 'x'" / "internal error: ...").
 */
export function failedBecause(context: string, cause: unknown): VirshError {
  return new VirshError({ code: 'COMMAND_FAILED', lines: [context, errorMessage(cause)], cause });
}

/** A command failure of one line of virsh's own. */
export function failed(message: string): VirshError {
  return new VirshError({ code: 'COMMAND_FAILED', lines: [message] });
}

/** A command failure virsh reports with no message (its command returns false having printed nothing). */
export function silentFailure(): VirshError {
  return new VirshError({ code: 'COMMAND_FAILED', lines: [] });
}

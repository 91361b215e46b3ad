import type { Connection } from '@libvirt-ts/virt';
import type { Output } from '../output/output.js';

export type OptionType = 'bool' | 'string' | 'number' | 'data';

/** One option of a command, as virsh's vshCmdOptDef. */
export interface OptionDef {
  name: string;
  type: OptionType;
  help: string;
  required?: boolean;
  /** Takes the next bare word when not given by name. */
  positional?: boolean;
  /** What tab completion offers for its value. */
  completer?: 'domain' | 'file';
}

export type OptionValues = Map<string, string | boolean>;

export interface CommandContext {
  options: OptionValues;
  out: Output;
  /** The open connection; the command fails as virsh does when there is none. */
  connection(): Promise<Connection>;
}

/** One virsh command as data: the same table drives parsing, help and completion. */
export interface CommandDef {
  name: string;
  group: string;
  summary: string;
  description: string;
  options: OptionDef[];
  /** Resolves true on success, false on a reported failure. */
  run(ctx: CommandContext): Promise<boolean>;
}

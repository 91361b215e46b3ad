import type { GroupName } from '../help/virsh9-commands.js';
import type { CommandOptions } from '../parse/command-options.js';
import type { Session } from '../session.js';

/**
 * virsh 9's option types: a flag, a named string, a number, a positional word
 * (`data`), or the rest of the words (`argv`).
 */
export type OptionType = 'bool' | 'string' | 'number' | 'data' | 'argv';

/** What tab completion offers for an option's value. */
export type Completer = 'domain' | 'active-domain' | 'inactive-domain' | 'file' | 'command' | 'shutdown-mode';

/**
 * Another spelling of an option, as virsh's VSH_OT_ALIAS entries: accepted by the parser,
 * left out of help and completion.
 */
export interface OptionAlias {
  name: string;
  /** The value the alias stands for (virsh's "target=value"): `echo --hi` is `echo --string hello`. */
  value?: string;
}

/** One option of a command, as virsh's vshCmdOptDef. */
export interface OptionDef {
  name: string;
  type: OptionType;
  help: string;
  /** The command cannot run without it. */
  required?: boolean;
  /** Only given as `--name value`, never filled from a bare word (VSH_OFLAG_REQ_OPT). */
  namedOnly?: boolean;
  /** An empty value is allowed (VSH_OFLAG_EMPTY_OK). */
  emptyOk?: boolean;
  completer?: Completer;
  /** Ours, not virsh 9's (such as --json): left out of `help` so it stays byte-identical. */
  extension?: boolean;
  /** Other spellings virsh 9 accepts for this option. */
  aliases?: readonly OptionAlias[];
}

export interface CommandContext {
  options: CommandOptions;
  session: Session;
}

/** The help groups of virsh 9 (help/virsh9-commands.ts). */
export type { GroupName } from '../help/virsh9-commands.js';

/** One virsh command as data: the same table drives parsing, help, completion and the man page. */
export interface CommandDef {
  name: string;
  group: GroupName;
  /** The one-line help. */
  summary: string;
  /** The DESCRIPTION paragraph of `help <command>`; empty for none. */
  description: string;
  options: OptionDef[];
  /** Runs without a connection (help, echo, quit...). */
  noConnect?: boolean;
  /** Left out of the command lists of `help` and `-h`, as virsh's hidden commands. */
  hidden?: boolean;
  /** Succeeds or throws (a VirshError or a VirtError); output goes through `session.out`. */
  run(ctx: CommandContext): Promise<void>;
}

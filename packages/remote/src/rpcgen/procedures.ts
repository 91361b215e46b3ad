import type { Specification } from './ast.js';

/** Which enum of a .x file lists a program's procedures, and the names to generate for it. */
export interface ProcedureSet {
  /** e.g. `remote_procedure`. */
  enumName: string;
  /** The members' prefix, e.g. `REMOTE_PROC_`. */
  prefix: string;
  /** The prefix of the procedures' structs, e.g. `remote_` for `remote_domain_get_info_args`. */
  structPrefix: string;
  /** The stub class, e.g. `RemoteProcedures`. */
  className: string;
  /** The generated constant naming each procedure number. */
  namesConstant: string;
  /** The generated constant with the body codec of each event message. */
  messagesConstant: string;
  /** The generated set of stream procedures. */
  streamsConstant: string;
}

export interface Procedure {
  /** e.g. `REMOTE_PROC_DOMAIN_GET_INFO`. */
  constant: string;
  /** e.g. `domain_get_info`. */
  name: string;
  number: number;
  /** The .x struct names of its call arguments, reply and event message, where they exist. */
  args: string | undefined;
  ret: string | undefined;
  message: string | undefined;
  /** libvirt's annotations from the comment before it: `generate`, `priority`, `readstream`, `acl`... */
  annotations: Record<string, string>;
}

/** The `@key: value` annotations in a procedure's comment; repeated keys are joined with `, `. */
export function parseAnnotations(comments: readonly string[]): Record<string, string> {
  const annotations: Record<string, string> = {};
  for (const comment of comments) {
    for (const match of comment.matchAll(/@(\w+):\s*([^\n*]*)/g)) {
      const key = match[1]!;
      const value = match[2]!.trim();
      annotations[key] = annotations[key] === undefined ? value : `${annotations[key]}, ${value}`;
    }
  }
  return annotations;
}

/**
 * The procedures of a program: each member of its procedure enum, with the structs named after it
 * by libvirt's convention (`REMOTE_PROC_X` uses `remote_x_args`, `remote_x_ret`, `remote_x_msg`).
 */
export function findProcedures(spec: Specification, set: ProcedureSet, hasType: (name: string) => boolean): Procedure[] {
  const definition = spec.definitions.find((candidate) => candidate.kind === 'enum' && candidate.name === set.enumName);
  if (definition === undefined || definition.kind !== 'enum') throw new Error(`no enum ${set.enumName}`);
  return definition.members.map((member) => {
    if (!member.name.startsWith(set.prefix)) throw new Error(`${member.name} does not start with ${set.prefix}`);
    if (member.value.kind !== 'number') throw new Error(`${member.name} is not numbered`);
    const name = member.name.slice(set.prefix.length).toLowerCase();
    const struct = (suffix: string) => {
      const candidate = `${set.structPrefix}${name}_${suffix}`;
      return hasType(candidate) ? candidate : undefined;
    };
    return {
      constant: member.name,
      name,
      number: member.value.value,
      args: struct('args'),
      ret: struct('ret'),
      message: struct('msg'),
      // Only the comment right before a member is its own (the first one follows the enum's long explanation).
      annotations: parseAnnotations(member.comments.slice(-1)),
    };
  });
}

import { DomainQemuMonitorCommandFlags } from '@libvirt-ts/virt/constants';
import { failed, VirshError } from '../errors.js';
import type { CommandOptions } from '../parse/command-options.js';
import { parseInt32 } from '../parse/numbers.js';
import type { CommandDef } from './command.js';
import { domainOption } from './common-options.js';
import { lookupDomain } from './domain-lookup.js';

const parsesAsJson = (text: string): boolean => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

const isJsonObject = (text: string): boolean => {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
};

/**
 * The QMP command virsh 9 sends for the words given: words that are JSON already as they are;
 * otherwise the first word is the command to execute and the rest its arguments, either one JSON
 * object or `"key":value` members joined into one.
 */
function qmpCommand(words: string[]): string {
  const joined = words.join(' ');
  if (parsesAsJson(joined)) return joined;
  const [execute, ...rest] = words as [string, ...string[]];
  if (rest.length === 0) return JSON.stringify({ execute });
  const single = rest.length === 1 ? (rest[0] as string) : undefined;
  const members = single !== undefined && isJsonObject(single) ? single : `{${rest.join(',')}}`;
  let args: unknown;
  try {
    args = JSON.parse(members);
  } catch (err) {
    // virsh 9's second line is yajl's own report; ours is JavaScript's parser's.
    const lines = [
      `failed to wrap arguments '${rest.join(' ')}' into a QMP command wrapper`,
      `internal error: cannot parse json ${members}: ${(err as Error).message}`,
    ];
    throw new VirshError({ code: 'COMMAND_FAILED', lines });
  }
  return JSON.stringify({ execute, arguments: args });
}

/** --pass-fds N,M,...: each a C int as virStrToLong_i reads it; an empty value passes none. */
function passedFds(options: CommandOptions): number[] | undefined {
  const list = options.quietString('pass-fds');
  if (list === undefined) return undefined;
  return list.split(',').map((word) => {
    const fd = parseInt32(word);
    if (fd === undefined) throw failed(`Unable to parse FD number '${word}'`);
    return fd;
  });
}

/** The reply as virsh prints it: whole, or its `return` member; pretty-printed on request. */
function formatReply(reply: string, options: CommandOptions): string {
  if (!options.bool('pretty') && !options.bool('return-value')) return reply;
  let value: unknown;
  try {
    value = JSON.parse(reply);
  } catch {
    throw failed('failed to parse the monitor reply as JSON');
  }
  if (options.bool('return-value')) {
    if (typeof value !== 'object' || value === null || !('return' in value)) throw failed("the monitor reply has no 'return' member");
    value = value.return;
  }
  return options.bool('pretty') ? JSON.stringify(value, null, 2) : JSON.stringify(value);
}

export const qemuMonitorCommandCommand: CommandDef = {
  name: 'qemu-monitor-command',
  group: 'domain',
  summary: 'QEMU Monitor Command',
  description: 'QEMU Monitor Command',
  options: [
    domainOption(),
    { name: 'hmp', type: 'bool', help: 'command is in human monitor protocol' },
    { name: 'pretty', type: 'bool', help: 'pretty-print any qemu monitor protocol output' },
    { name: 'return-value', type: 'bool', help: "extract the value of the 'return' key from the returned string" },
    { name: 'pass-fds', type: 'string', namedOnly: true, help: 'pass file descriptors N,M,... along with the command' },
    { name: 'cmd', type: 'argv', required: true, help: 'command' },
  ],
  async run(ctx) {
    const { options, session } = ctx;
    options.exclusive('hmp', 'pretty');
    options.exclusive('hmp', 'return-value');
    const { domain } = await lookupDomain(ctx);
    const hmp = options.bool('hmp');
    const words = options.words('cmd');
    const command = hmp ? words.join(' ') : qmpCommand(words);
    const fds = passedFds(options);
    const flags = hmp ? DomainQemuMonitorCommandFlags.HMP : DomainQemuMonitorCommandFlags.DEFAULT;
    const reply = fds ? (await domain.qemuMonitorCommandWithFiles(command, fds, flags)).result : await domain.qemuMonitorCommand(command, flags);
    session.out.print(`${formatReply(reply, options)}\n`);
  },
};

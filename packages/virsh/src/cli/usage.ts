import { allCommands } from '../commands/table.js';
import { groupsWithCommands } from '../help/groups.js';

const OPTIONS_TEXT = `  options:
    -c | --connect=URI      hypervisor connection URI
    -d | --debug=NUM        debug level [0-4]
    -e | --escape <char>    set escape sequence for console
    -h | --help             this help
    -k | --keepalive-interval=NUM
                            keepalive interval in seconds, 0 for disable
    -K | --keepalive-count=NUM
                            number of possible missed keepalive messages
    -l | --log=FILE         output logging to file
    -q | --quiet            quiet mode
    -r | --readonly         connect readonly
    -t | --timing           print timing information
    -v                      short version
    -V                      long version
         --version[=TYPE]   version, TYPE is short or long (default short)
`;

/** `virsh -h`, as virsh 9's virshUsage prints it. */
export function formatUsage(progname = 'virsh'): string {
  let text = `\n${progname} [options]... [<command_string>]\n${progname} [options]... <command> [args...]\n\n`;
  text += `${OPTIONS_TEXT}  commands (non interactive mode):\n\n`;
  const commands = allCommands();
  for (const group of groupsWithCommands(commands)) {
    text += ` ${group.title} (help keyword '${group.keyword}')\n`;
    for (const def of commands) if (def.group === group.keyword && !def.hidden) text += `    ${def.name.padEnd(30)} ${def.summary}\n`;
    text += '\n';
  }
  text += '\n  (specify help <group> for details about the commands in the group)\n';
  text += '\n  (specify help <command> for details about the command)\n\n';
  return text;
}

/** `virsh -V`: what this virsh was built with. */
export function formatLongVersion(version: string): string {
  return (
    `Virsh command line tool of libvirt ${version}\n` +
    'See web site at https://libvirt.org/\n\n' +
    'Compiled with support for:\n' +
    ' Hypervisors: Xen Test\n' +
    ' Miscellaneous: Readline (node:readline) JSON\n'
  );
}

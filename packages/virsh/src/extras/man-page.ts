import type { CommandDef } from '../commands/command.js';
import { describeOptions } from '../help/command-help.js';
import { groupsWithCommands } from '../help/groups.js';

/** Escapes text for roff: backslashes, hyphens, and a leading dot or quote. */
function roff(text: string): string {
  return text
    .replaceAll('\\', '\\e')
    .replaceAll('-', '\\-')
    .replace(/^([.'])/gm, '\\&$1');
}

/** A description as one paragraph (the help text is wrapped for the terminal). */
const paragraph = (text: string) => roff(text.replace(/\n\s*/g, ' '));

const GLOBAL_OPTIONS: Array<[string, string]> = [
  ['-c, --connect=URI', 'Connect to the hypervisor at URI (test:///default, test:///ABSOLUTE/PATH/node.xml, xen:///). Without it, LIBVIRT_DEFAULT_URI, else xen:/// when a Xen host is found.'],
  ['-d, --debug=NUM', 'Print debug messages of level NUM (0-4) and above on stdout.'],
  ['-e, --escape=CHAR', 'Console escape sequence: checked as virsh 9 does; there is no console command here to use it.'],
  ['-h, --help', 'Print the usage and the list of commands.'],
  ['-k, --keepalive-interval=NUM', 'Keepalive interval in seconds (5 by default, 0 turns keepalive off). Only connections through libvirtd have keepalive; on other drivers a value given with -k or -K fails the connection, as virsh 9 does.'],
  ['-K, --keepalive-count=NUM', 'Number of missed keepalive messages allowed.'],
  ['-l, --log=FILE', 'Append every error message (and the debug messages -d prints) to FILE, one "[date time virsh pid] LEVEL message" line each.'],
  ['-q, --quiet', 'Quiet mode: no banner, no table headers, no blank line after each command, no success messages.'],
  ['-r, --readonly', 'Open the connection read-only.'],
  ['-t, --timing', 'Print the time each command took.'],
  ['-v, --version[=short]', 'Print the libvirt version this virsh reproduces.'],
  ['-V, --version=long', 'Print the long version.'],
];

function commandSection(def: CommandDef): string {
  const { synopsis, labels } = describeOptions(def);
  const extensions = def.options.filter((o) => o.extension);
  let text = `.TP\n.B ${roff(synopsis)}${extensions.map((o) => ` [\\-\\-${roff(o.name)}]`).join('')}\n${paragraph(def.summary)}.`;
  if (def.description) text += ` ${paragraph(def.description)}`;
  text += '\n';
  const rows: Array<[string, string]> = [...labels.map(([o, label]): [string, string] => [label, o.help]), ...extensions.map((o): [string, string] => [`--${o.name}`, o.help])];
  if (rows.length > 0) {
    text += '.RS\n';
    for (const [label, help] of rows) text += `.TP\n.B ${roff(label)}\n${paragraph(help)}\n`;
    text += '.RE\n';
  }
  return text;
}

/** The virsh(1) man page, generated from the command table. */
export function generateManPage(commands: readonly CommandDef[]): string {
  let text = `.\\" Generated from the virsh command table of @libvirt-ts/virsh; do not edit.
.TH VIRSH 1 "" "libvirt-ts" "Virtualization Support"
.SH NAME
virsh \\- management user interface for libvirt-ts
.SH SYNOPSIS
.B virsh
[\\fIOPTION\\fR]... [\\fICOMMAND_STRING\\fR]
.br
.B virsh
[\\fIOPTION\\fR]... \\fICOMMAND\\fR [\\fIARG\\fR]...
.SH DESCRIPTION
virsh manages virtual machines (domains) through the libvirt-ts API, byte for byte as libvirt 9's virsh does.
With no command it starts an interactive shell (prompt \\fBvirsh #\\fR, or \\fBvirsh >\\fR read-only) with history and tab completion.
One argument is a script: commands separated by \\fB;\\fR or newlines, words quoted with \\fB'...'\\fR or \\fB"..."\\fR, \\fB\\e\\fR escapes, \\fB#\\fR comments.
Several arguments are the words of one command.
The whole script is parsed before anything runs; a command that fails does not stop the ones after it.
Options are given by name (\\fB\\-\\-domain test\\fR, \\fB\\-\\-domain=test\\fR) or by position (\\fBdominfo test\\fR).
.SH OPTIONS
`;
  for (const [flag, help] of GLOBAL_OPTIONS) text += `.TP\n.B ${roff(flag)}\n${roff(help)}\n`;
  text += '.SH COMMANDS\n';
  for (const group of groupsWithCommands(commands)) {
    text += `.SS "${group.title} (help keyword '${group.keyword}')"\n`;
    for (const def of commands) if (def.group === group.keyword && !def.hidden) text += commandSection(def);
  }
  text += '.SS "libvirt\\-ts extensions"\n';
  for (const def of commands) if (def.hidden) text += commandSection(def);
  text += `.SH JSON OUTPUT
\\fB\\-\\-json\\fR on \\fBlist\\fR, \\fBdominfo\\fR, \\fBdomstate\\fR, \\fBnodeinfo\\fR and \\fBversion\\fR prints one JSON document instead of the table; the field names are listed in the package README and do not change.
.SH EXIT STATUS
0 when the last command run succeeded (always 0 after an interactive session, and for \\fB\\-h\\fR and \\fB\\-v\\fR);
1 when the command line could not be parsed (nothing runs), the connection named by \\fB\\-c\\fR failed, or the last command failed.
.SH ENVIRONMENT
.TP
.B VIRSH_DEFAULT_CONNECT_URI
The URI to connect to, as \\fB\\-c\\fR.
.TP
.B LIBVIRT_DEFAULT_URI
The URI used when none is named.
.TP
.B VIRSH_HISTSIZE
How many lines of history to keep (500).
.SH FILES
.TP
.I $XDG_CACHE_HOME/libvirt/virsh/history
The interactive shell's history (\\fI~/.cache/libvirt/virsh/history\\fR by default), as virsh 9 keeps it.
.SH SEE ALSO
The libvirt-ts README; libvirt's virsh(1).
`;
  return text;
}

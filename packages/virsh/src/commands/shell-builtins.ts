import { failed } from '../errors.js';
import { errnoText } from '../read-file.js';
import type { CommandDef } from './command.js';

function quitCommand(name: string): CommandDef {
  return {
    name,
    group: 'virsh',
    summary: 'quit this interactive terminal',
    description: '',
    noConnect: true,
    options: [],
    async run({ session }) {
      session.stopRequested = true;
    },
  };
}

export const quit = quitCommand('quit');
export const exit = quitCommand('exit');

/** Shell quoting as libvirt's virBufferEscapeShell: plain words as they are, others in '...'. */
function shellQuote(word: string): string {
  if (word !== '' && /^[A-Za-z0-9_+,./:=@-]+$/.test(word)) return word;
  return `'${word.replaceAll("'", "'\\''")}'`;
}

const xmlEscape = (word: string) =>
  word
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;');

/** Splits on ',' with ',,' standing for a literal comma (virsh's vshStringToArray). */
function splitCommas(word: string): string[] {
  const parts: string[] = [];
  let part = '';
  for (let i = 0; i < word.length; i++) {
    if (word[i] !== ',') part += word[i];
    else if (word[i + 1] === ',') {
      part += ',';
      i++;
    } else {
      parts.push(part);
      part = '';
    }
  }
  parts.push(part);
  return parts;
}

export const echo: CommandDef = {
  name: 'echo',
  group: 'virsh',
  summary: 'echo arguments. Used for internal testing.',
  description: 'Echo back arguments, possibly with quoting. Used for internal testing.',
  noConnect: true,
  options: [
    { name: 'shell', type: 'bool', help: 'escape for shell use' },
    { name: 'xml', type: 'bool', help: 'escape for XML use' },
    { name: 'split', type: 'bool', help: "split each argument on ','; ',,' is an escape sequence" },
    { name: 'err', type: 'bool', help: 'output to stderr' },
    {
      name: 'string',
      type: 'argv',
      help: 'arguments to echo',
      aliases: [{ name: 'str' }, { name: 'hi', value: 'hello' }],
    },
  ],
  async run({ options, session }) {
    options.exclusive('shell', 'xml');
    options.exclusive('shell', 'split');
    options.exclusive('xml', 'split');
    const words = options.words('string').map((word) => {
      if (options.bool('xml')) return xmlEscape(word);
      if (options.bool('shell')) return shellQuote(word);
      if (options.bool('split')) return splitCommas(word).map((part) => `${part}\n`).join('');
      return word;
    });
    if (words.length === 0) return;
    // virsh prints no newline of its own: the per-command blank line ends the output.
    const text = words.join(' ');
    if (options.bool('err')) session.out.error(text);
    else session.out.print(text);
  },
};

export const cd: CommandDef = {
  name: 'cd',
  group: 'virsh',
  summary: 'change the current directory',
  description: 'Change the current directory.',
  noConnect: true,
  options: [{ name: 'dir', type: 'string', help: 'directory to switch to (default: home or else root)', completer: 'file' }],
  async run({ options, session }) {
    if (!session.interactive) throw failed('cd: command valid only in interactive mode');
    const dir = options.string('dir') ?? ((await import('node:os')).homedir() || '/');
    try {
      process.chdir(dir);
    } catch (err) {
      throw failed(`cd: ${errnoText(err)}: ${dir}`);
    }
  },
};

export const pwd: CommandDef = {
  name: 'pwd',
  group: 'virsh',
  summary: 'print the current directory',
  description: 'Print the current directory.',
  noConnect: true,
  options: [],
  async run({ session }) {
    session.out.print(`${process.cwd()}\n`);
  },
};

export const connect: CommandDef = {
  name: 'connect',
  group: 'virsh',
  summary: '(re)connect to hypervisor',
  description: 'Connect to local hypervisor. This is built-in command after shell start up.',
  noConnect: true,
  options: [
    { name: 'name', type: 'string', emptyOk: true, help: 'hypervisor connection URI' },
    { name: 'readonly', type: 'bool', help: 'read-only connection' },
  ],
  async run({ options, session }) {
    await session.reconnect(options.string('name') ?? session.uri, options.bool('readonly'));
  },
};

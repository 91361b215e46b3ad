import type { Connection } from '@libvirt-ts/virt';
import { failed, failedBecause } from '../errors.js';
import { formatVersion, LIBVIRT_VERSION } from '../libvirt-version.js';
import { printJson } from '../output/json.js';
import type { CommandDef } from './command.js';
import { JSON_OPTION } from './common-options.js';

export const nodeinfoCommand: CommandDef = {
  name: 'nodeinfo',
  group: 'host',
  summary: 'node information',
  description: 'Returns basic information about the node.',
  options: [JSON_OPTION],
  async run({ options, session }) {
    const conn = await session.connection();
    const info = await conn.nodeGetInfo().catch((err) => {
      throw failedBecause('failed to get node information', err);
    });
    if (options.bool('json')) {
      printJson(session.out, {
        model: info.model,
        cpus: info.cpus,
        mhz: info.mhz,
        sockets: info.sockets,
        coresPerSocket: info.cores,
        threadsPerCore: info.threads,
        numaCells: info.nodes,
        memoryKiB: info.memory,
      });
      return;
    }
    const line = (label: string, value: string | number) => `${label.padEnd(20)} ${value}\n`;
    let text = line('CPU model:', info.model) + line('CPU(s):', info.cpus);
    if (info.mhz) text += line('CPU frequency:', `${info.mhz} MHz`);
    text +=
      line('CPU socket(s):', info.sockets) +
      line('Core(s) per socket:', info.cores) +
      line('Thread(s) per core:', info.threads) +
      line('NUMA cell(s):', info.nodes) +
      line('Memory size:', `${info.memory} KiB`);
    session.out.print(text);
  },
};

export const versionCommand: CommandDef = {
  name: 'version',
  group: 'host',
  summary: 'show version',
  description: 'Display the system version information.',
  options: [{ name: 'daemon', type: 'bool', help: 'report daemon version too' }, JSON_OPTION],
  async run({ options, session }) {
    const conn = await session.connection();
    const type = await conn.getType().catch((err) => {
      throw failedBecause('failed to get hypervisor type', err);
    });
    const hypervisor = await conn.getVersion().catch((err) => {
      throw failedBecause('failed to get the hypervisor version', err);
    });
    const daemon = options.bool('daemon')
      ? await conn.getLibVersion().catch((err) => {
          throw failedBecause('failed to get the daemon version', err);
        })
      : undefined;
    const library = formatVersion(LIBVIRT_VERSION);
    if (options.bool('json')) {
      printJson(session.out, {
        compiledAgainst: library,
        library,
        hypervisorType: type,
        api: library,
        hypervisor: hypervisor === 0 ? null : formatVersion(hypervisor),
        ...(daemon === undefined ? {} : { daemon: formatVersion(daemon) }),
      });
      return;
    }
    let text = `Compiled against library: libvirt ${library}\n`;
    text += `Using library: libvirt ${library}\n`;
    text += `Using API: ${type} ${library}\n`;
    text +=
      hypervisor === 0
        ? `Cannot extract running ${type} hypervisor version\n`
        : `Running hypervisor: ${type} ${formatVersion(hypervisor)}\n`;
    if (daemon !== undefined) text += `Running against daemon: ${formatVersion(daemon)}\n`;
    session.out.print(text);
  },
};

/** A command printing one string the connection knows, or failing with virsh's words. */
function connectionFactCommand(
  name: string,
  summary: string,
  read: (conn: Connection) => Promise<string>,
  failure: string,
): CommandDef {
  return {
    name,
    group: 'host',
    summary,
    description: '',
    options: [],
    async run({ session }) {
      const conn = await session.connection();
      const value = await read(conn).catch((err) => {
        throw failedBecause(failure, err);
      });
      session.out.print(`${value}\n`);
    },
  };
}

export const uriCommand = connectionFactCommand(
  'uri',
  'print the hypervisor canonical URI',
  (conn) => conn.getURI(),
  'failed to get URI',
);

export const hostnameCommand = connectionFactCommand(
  'hostname',
  'print the hypervisor hostname',
  (conn) => conn.getHostname(),
  'failed to get hostname',
);

export const capabilitiesCommand: CommandDef = {
  name: 'capabilities',
  group: 'host',
  summary: 'capabilities',
  description: 'Returns capabilities of hypervisor/driver.',
  options: [],
  async run({ session }) {
    const conn = await session.connection();
    const caps = await conn.getCapabilities().catch((err) => {
      throw failedBecause('failed to get capabilities', err);
    });
    if (!caps) throw failed('failed to get capabilities');
    session.out.print(`${caps}\n`);
  },
};

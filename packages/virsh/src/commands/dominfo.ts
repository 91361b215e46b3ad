import type { Domain } from '@libvirt-ts/virt';
import { printJson } from '../output/json.js';
import { DebugLevel } from '../session.js';
import type { CommandDef } from './command.js';
import { domainOption, JSON_OPTION } from './common-options.js';
import { lookupDomain } from './domain-lookup.js';
import { stateName } from './domain-state.js';

/** The facts dominfo shows; a field is undefined where the driver cannot tell. */
interface DomainFacts {
  id: number;
  name: string;
  uuid: string;
  osType: string | undefined;
  state: number;
  cpus: number;
  cpuTimeNs: bigint;
  maxMemory: number;
  usedMemory: number;
  persistent: boolean | undefined;
  autostart: boolean | undefined;
  managedSave: boolean | undefined;
  security: { model: string; doi: string; label: string | undefined; enforcing: boolean } | undefined;
  messages: string[];
}

const optional = <T>(promise: Promise<T>) => promise.catch(() => undefined);

async function readFacts(domain: Domain, securityModel: () => Promise<{ model: string; doi: string }>) {
  const [info, osType, persistent, autostart, managedSave, messages] = await Promise.all([
    domain.info(),
    optional(domain.OSType()),
    optional(domain.isPersistent()),
    optional(domain.autostart()),
    optional(domain.hasManagedSaveImage()),
    optional(domain.messages()),
  ]);
  let security: DomainFacts['security'];
  const model = await optional(securityModel());
  // Like virsh, the security lines appear only when a security model is active.
  if (model && model.model !== '') {
    const label = await domain.securityLabel();
    security = { model: model.model, doi: model.doi, label: label.label || undefined, enforcing: label.enforcing };
  }
  const facts: DomainFacts = {
    id: domain.ID(),
    name: domain.name(),
    uuid: domain.UUIDString(),
    osType,
    state: info.state,
    cpus: info.nrVirtCpu,
    cpuTimeNs: info.cpuTime,
    maxMemory: info.maxMem,
    usedMemory: info.memory,
    persistent,
    autostart,
    managedSave,
    security,
    messages: messages ?? [],
  };
  return facts;
}

const yesNo = (value: boolean | undefined) => (value === undefined ? 'unknown' : value ? 'yes' : 'no');
const line = (label: string, value: string | number) => `${label.padEnd(15)} ${value}\n`;

/** `beforePersistent`: virsh's -d line about the persistent flag goes right before that line. */
function formatFacts(f: DomainFacts, beforePersistent = ''): string {
  let text = line('Id:', f.id >= 0 ? f.id : '-');
  text += line('Name:', f.name);
  text += line('UUID:', f.uuid);
  if (f.osType !== undefined) text += line('OS Type:', f.osType);
  text += line('State:', stateName(f.state));
  text += line('CPU(s):', f.cpus);
  if (f.cpuTimeNs !== 0n) text += line('CPU time:', `${(Number(f.cpuTimeNs) / 1e9).toFixed(1)}s`);
  text += line('Max memory:', f.maxMemory === 0xffffffff ? 'no limit' : `${f.maxMemory} KiB`);
  text += line('Used memory:', `${f.usedMemory} KiB`);
  text += beforePersistent;
  text += line('Persistent:', yesNo(f.persistent));
  if (f.autostart !== undefined) text += line('Autostart:', f.autostart ? 'enable' : 'disable');
  text += line('Managed save:', yesNo(f.managedSave));
  if (f.security) {
    text += line('Security model:', f.security.model);
    text += line('Security DOI:', f.security.doi);
    if (f.security.label !== undefined) {
      text += line('Security label:', `${f.security.label} (${f.security.enforcing ? 'enforcing' : 'permissive'})`);
    }
  }
  f.messages.forEach((message, i) => {
    text += line(i === 0 ? 'Messages:' : '', message);
  });
  return text;
}

function factsAsJson(f: DomainFacts) {
  return {
    id: f.id >= 0 ? f.id : null,
    name: f.name,
    uuid: f.uuid,
    osType: f.osType ?? null,
    state: stateName(f.state),
    cpus: f.cpus,
    cpuTimeNs: f.cpuTimeNs.toString(),
    maxMemoryKiB: f.maxMemory,
    usedMemoryKiB: f.usedMemory,
    persistent: f.persistent ?? null,
    autostart: f.autostart ?? null,
    managedSave: f.managedSave ?? null,
    security: f.security
      ? { model: f.security.model, doi: f.security.doi, label: f.security.label ?? null, enforcing: f.security.enforcing }
      : null,
    messages: f.messages,
  };
}

export const dominfoCommand: CommandDef = {
  name: 'dominfo',
  group: 'monitor',
  summary: 'domain information',
  description: 'Returns basic information about the domain.',
  options: [domainOption(), JSON_OPTION],
  async run(ctx) {
    const { domain } = await lookupDomain(ctx);
    const conn = await ctx.session.connection();
    const facts = await readFacts(domain, () => conn.nodeGetSecurityModel());
    if (ctx.options.bool('json')) printJson(ctx.session.out, factsAsJson(facts));
    else {
      const flag = facts.persistent === undefined ? -1 : Number(facts.persistent);
      const debugLine = ctx.session.debugLevel <= DebugLevel.DEBUG ? `Domain persistent flag value: ${flag}\n` : '';
      ctx.session.out.print(formatFacts(facts, debugLine));
    }
  },
};

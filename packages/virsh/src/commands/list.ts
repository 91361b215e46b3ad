import type { Domain } from '@libvirt-ts/virt';
import { ConnectListAllDomainsFlags, DomainState } from '@libvirt-ts/virt/constants';
import { printJson } from '../output/json.js';
import { formatTable } from '../output/table.js';
import type { CommandDef, OptionDef } from './command.js';
import { JSON_OPTION } from './common-options.js';
import { stateName } from './domain-state.js';

const flag = (name: string, help: string): OptionDef => ({ name, type: 'bool', help });

interface ListedDomain {
  domain: Domain;
  id: number;
  name: string;
  /** From the listing (virsh 9 asks virDomainGetState of each domain; the test driver lists with it). */
  state: DomainState;
}

/** --state-* filter flag naming a state. */
function stateFilterOf(state: DomainState): string {
  if (state === DomainState.RUNNING) return 'state-running';
  if (state === DomainState.PAUSED) return 'state-paused';
  return state === DomainState.SHUTOFF ? 'state-shutoff' : 'state-other';
}

/** virsh's domain order: active domains by id, then inactive ones by name, case-insensitively. */
function compareDomains(a: ListedDomain, b: ListedDomain): number {
  if (a.id >= 0 && b.id >= 0) return a.id - b.id;
  if (a.id >= 0) return -1;
  if (b.id >= 0) return 1;
  const x = a.name.toLowerCase();
  const y = b.name.toLowerCase();
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Reads the <title> of a domain's XML, as virsh's --title column. */
function titleOf(xml: string): string {
  const match = /<title>([^<]*)<\/title>/.exec(xml);
  return (match?.[1] ?? '').replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');
}

export const listCommand: CommandDef = {
  name: 'list',
  group: 'monitor',
  summary: 'list domains',
  description: 'Returns list of domains.',
  options: [
    flag('inactive', 'list inactive domains'),
    flag('all', 'list inactive & active domains'),
    flag('transient', 'list transient domains'),
    flag('persistent', 'list persistent domains'),
    flag('with-snapshot', 'list domains with existing snapshot'),
    flag('without-snapshot', 'list domains without a snapshot'),
    flag('with-checkpoint', 'list domains with existing checkpoint'),
    flag('without-checkpoint', 'list domains without a checkpoint'),
    flag('state-running', 'list domains in running state'),
    flag('state-paused', 'list domains in paused state'),
    flag('state-shutoff', 'list domains in shutoff state'),
    flag('state-other', 'list domains in other states'),
    flag('autostart', 'list domains with autostart enabled'),
    flag('no-autostart', 'list domains with autostart disabled'),
    flag('with-managed-save', 'list domains with managed save state'),
    flag('without-managed-save', 'list domains without managed save'),
    flag('uuid', "list uuid's only"),
    flag('name', 'list domain names only'),
    flag('id', 'list domain IDs only'),
    flag('table', 'list table (default)'),
    flag('managed-save', 'mark inactive domains with managed save state'),
    flag('title', 'show domain title'),
    JSON_OPTION,
  ],
  async run({ options, session }) {
    const given = options.givenFlags();
    const opt = (name: string) => given.has(name);
    if (given.has('table')) {
      options.exclusive('table', 'name');
      options.exclusive('table', 'uuid');
      options.exclusive('table', 'id');
    }
    const conn = await session.connection();

    let active = !opt('inactive') && !opt('state-shutoff');
    let inactive = !active;
    if (opt('all')) active = inactive = true;
    const { ACTIVE, INACTIVE } = ConnectListAllDomainsFlags;
    const found = await conn.listAllDomainsWithInfo((active ? ACTIVE : 0) | (inactive ? INACTIVE : 0));
    let domains: ListedDomain[] = found.map(({ domain, info }) => ({ domain, id: domain.ID(), name: domain.name(), state: info.state }));

    // The filters libvirt's listAllDomains applies for the other flags, one query per domain.
    const keep = async (test: (d: Domain) => Promise<boolean>) => {
      const verdicts = await Promise.all(domains.map((d) => test(d.domain)));
      domains = domains.filter((_, i) => verdicts[i]);
    };
    if (opt('persistent') !== opt('transient')) {
      const wanted = opt('persistent');
      await keep(async (d) => (await d.isPersistent()) === wanted);
    }
    if (opt('with-managed-save') !== opt('without-managed-save')) {
      const wanted = opt('with-managed-save');
      await keep(async (d) => (await d.hasManagedSaveImage()) === wanted);
    }
    if (opt('autostart') !== opt('no-autostart')) {
      const wanted = opt('autostart');
      await keep(async (d) => (await d.autostart()) === wanted);
    }
    if (opt('with-snapshot') !== opt('without-snapshot')) {
      const wanted = opt('with-snapshot');
      await keep(async (d) => (await d.snapshotNum()) > 0 === wanted);
    }
    if (opt('with-checkpoint') !== opt('without-checkpoint')) {
      const wanted = opt('with-checkpoint');
      await keep(async (d) => (await d.listAllCheckpoints()).length > 0 === wanted);
    }
    const states = ['state-running', 'state-paused', 'state-shutoff', 'state-other'].filter(opt);
    if (states.length > 0) domains = domains.filter((d) => states.includes(stateFilterOf(d.state)));
    domains.sort(compareDomains);

    const table = opt('table') || (!opt('uuid') && !opt('name') && !opt('id'));
    if (opt('json')) {
      const rows = await Promise.all(
        domains.map(async ({ domain, id, name, state }) => ({
          id: id >= 0 ? id : null,
          name,
          uuid: domain.UUIDString(),
          state: stateName(state),
          ...(opt('title') ? { title: titleOf(await domain.XMLDesc()) } : {}),
        })),
      );
      printJson(session.out, rows);
      return;
    }
    if (!table) {
      let text = '';
      for (const { domain, id, name } of domains) {
        const parts: string[] = [];
        if (opt('uuid')) parts.push(domain.UUIDString());
        if (opt('id')) {
          // IDs alone are printed for running domains only.
          if (id < 0 && !opt('uuid') && !opt('name')) continue;
          parts.push(id >= 0 ? String(id) : '-');
        }
        if (opt('name')) parts.push(name);
        text += `${parts.join(' ')}\n`;
      }
      session.out.print(text);
      return;
    }
    const plainRow = ({ id, name, state }: ListedDomain, saved = false) => [id >= 0 ? String(id) : '-', name, saved ? 'saved' : stateName(state)];
    // Only --managed-save and --title ask the driver more: the plain table needs no call per domain.
    const rows =
      opt('managed-save') || opt('title')
        ? await Promise.all(
            domains.map(async (d) => {
              const row = plainRow(d, opt('managed-save') && d.state === DomainState.SHUTOFF && (await d.domain.hasManagedSaveImage()));
              if (opt('title')) row.push(titleOf(await d.domain.XMLDesc()));
              return row;
            }),
          )
        : domains.map((d) => plainRow(d));
    const header = opt('title') ? ['Id', 'Name', 'State', 'Title'] : ['Id', 'Name', 'State'];
    session.out.print(formatTable(header, rows, session.out.quiet));
  },
};

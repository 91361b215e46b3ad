import { DomainSnapshotDeleteFlags, DomainSnapshotRevertFlags } from '@libvirt-ts/virt/constants';
import { failedBecause } from '../errors.js';
import type { CommandDef } from './command.js';
import { domainOption } from './common-options.js';
import { lookupDomain } from './domain-lookup.js';
import { currentOption, lookupSnapshot, snapshotNameOption } from './snapshot-lookup.js';

export const snapshotRevertCommand: CommandDef = {
  name: 'snapshot-revert',
  group: 'snapshot',
  summary: 'Revert a domain to a snapshot',
  description: 'Revert domain to snapshot',
  options: [
    domainOption(),
    snapshotNameOption(),
    currentOption('revert to current snapshot'),
    { name: 'running', type: 'bool', help: 'after reverting, change state to running' },
    { name: 'paused', type: 'bool', help: 'after reverting, change state to paused' },
    { name: 'force', type: 'bool', help: 'try harder on risky reverts' },
    { name: 'reset-nvram', type: 'bool', help: 're-initialize NVRAM from its pristine template' },
  ],
  async run(ctx) {
    const { RUNNING, PAUSED, FORCE, RESET_NVRAM } = DomainSnapshotRevertFlags;
    let flags = 0;
    if (ctx.options.bool('running')) flags |= RUNNING;
    if (ctx.options.bool('paused')) flags |= PAUSED;
    if (ctx.options.bool('reset-nvram')) flags |= RESET_NVRAM;
    const { domain } = await lookupDomain(ctx);
    const snapshot = await lookupSnapshot(ctx, domain, 'snapshotname', true);
    const name = snapshot.name();
    try {
      await snapshot.revertToSnapshot(flags).catch((err: unknown) => {
        // virsh asks for FORCE only when the driver says the revert needs it.
        if (!ctx.options.bool('force') || (err as { code?: string }).code !== 'SNAPSHOT_REVERT_RISKY') throw err;
        return snapshot.revertToSnapshot(flags | FORCE);
      });
    } catch (err) {
      throw failedBecause(`Failed to revert snapshot ${name}`, err);
    }
    ctx.session.out.printExtra(`Domain snapshot ${name} reverted\n`);
  },
};

export const snapshotDeleteCommand: CommandDef = {
  name: 'snapshot-delete',
  group: 'snapshot',
  summary: 'Delete a domain snapshot',
  description: 'Snapshot Delete',
  options: [
    domainOption(),
    snapshotNameOption(),
    currentOption('delete current snapshot'),
    { name: 'children', type: 'bool', help: 'delete snapshot and all children' },
    { name: 'children-only', type: 'bool', help: 'delete children but not snapshot' },
    { name: 'metadata', type: 'bool', help: 'delete only libvirt metadata, leaving snapshot contents behind' },
  ],
  async run(ctx) {
    const { domain } = await lookupDomain(ctx);
    const snapshot = await lookupSnapshot(ctx, domain, 'snapshotname', true);
    const name = snapshot.name();
    const { CHILDREN, CHILDREN_ONLY, METADATA_ONLY } = DomainSnapshotDeleteFlags;
    let flags = 0;
    if (ctx.options.bool('children')) flags |= CHILDREN;
    if (ctx.options.bool('children-only')) flags |= CHILDREN_ONLY;
    if (ctx.options.bool('metadata')) flags |= METADATA_ONLY;
    try {
      await snapshot.delete(flags);
    } catch (err) {
      throw failedBecause(`Failed to delete snapshot ${name}`, err);
    }
    ctx.session.out.printExtra((flags & CHILDREN_ONLY) !== 0 ? `Domain snapshot ${name} children deleted\n` : `Domain snapshot ${name} deleted\n`);
  },
};

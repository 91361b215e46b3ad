import { DomainSaveRestoreFlags } from '@libvirt-ts/virt/constants';
import { failedBecause } from '../errors.js';
import { withProgress } from '../output/progress.js';
import type { CommandDef } from './command.js';
import { domainOption } from './common-options.js';
import { lookupDomain } from './domain-lookup.js';

export const managedSaveCommand: CommandDef = {
  name: 'managedsave',
  group: 'domain',
  summary: 'managed save of a domain state',
  description:
    "Save and destroy a running domain, so it can be restarted from\n    the same state at a later time.  When the virsh 'start'\n    command is next run for the domain, it will automatically\n    be started from this saved state.",
  options: [
    domainOption(undefined, 'active-domain'),
    { name: 'bypass-cache', type: 'bool', help: 'avoid file system cache when saving' },
    { name: 'running', type: 'bool', help: 'set domain to be running on next start' },
    { name: 'paused', type: 'bool', help: 'set domain to be paused on next start' },
    { name: 'verbose', type: 'bool', help: 'display the progress of save' },
  ],
  async run(ctx) {
    const { options } = ctx;
    let flags = 0;
    if (options.bool('bypass-cache')) flags |= DomainSaveRestoreFlags.SAVE_BYPASS_CACHE;
    if (options.bool('running')) flags |= DomainSaveRestoreFlags.SAVE_RUNNING;
    if (options.bool('paused')) flags |= DomainSaveRestoreFlags.SAVE_PAUSED;
    const { domain, typed } = await lookupDomain(ctx);
    const out = ctx.session.out;
    await withProgress(out, 'Managedsave', options.bool('verbose'), () => domain.managedSave(flags)).catch((err) => {
      throw failedBecause(`Failed to save domain '${typed}' state`, err);
    });
    out.printExtra(`\nDomain '${typed}' state saved by libvirt\n`);
  },
};

export const managedSaveRemoveCommand: CommandDef = {
  name: 'managedsave-remove',
  group: 'domain',
  summary: 'Remove managed save of a domain',
  description: 'Remove an existing managed save state file from a domain',
  options: [domainOption(undefined, 'inactive-domain')],
  async run(ctx) {
    const { domain, typed } = await lookupDomain(ctx);
    const hasImage = await domain.hasManagedSaveImage().catch((err) => {
      throw failedBecause('Failed to check for domain managed save image', err);
    });
    const out = ctx.session.out;
    if (!hasImage) {
      out.printExtra(`Domain '${typed}' has no manage save image; removal skipped`);
      return;
    }
    await domain.managedSaveRemove().catch((err) => {
      throw failedBecause(`Failed to remove managed save image for domain '${typed}'`, err);
    });
    out.printExtra(`Removed managedsave image for domain '${typed}'`);
  },
};

import { failedBecause } from '../errors.js';
import { withProgress } from '../output/progress.js';
import { readXmlFile } from '../read-file.js';
import type { CommandContext, CommandDef } from './command.js';
import { domainOption } from './common-options.js';
import { lookupDomain } from './domain-lookup.js';
import { rejectUnsupported } from './unsupported.js';

const xmlOption = { name: 'xml', type: 'string', help: 'filename containing updated XML for the target' } as const;

/**
 * Checks the options before the API is asked, in virsh 9's order: the --xml file is read
 * first; --running with --paused is libvirt's error under the command's `failure` line;
 * the flags this API has no room for are NO_SUPPORT.
 */
function checkSaveOptions(ctx: CommandContext, failure: string, api: string): void {
  const xmlFile = ctx.options.string('xml');
  if (xmlFile !== undefined) readXmlFile(xmlFile);
  if (ctx.options.bool('running') && ctx.options.bool('paused')) {
    throw failedBecause(failure, "Flags 'VIR_DOMAIN_SAVE_RUNNING' and 'VIR_DOMAIN_SAVE_PAUSED' are mutually exclusive");
  }
  rejectUnsupported(ctx, ['bypass-cache', 'xml', 'running', 'paused', 'reset-nvram'], api);
}

export const saveCommand: CommandDef = {
  name: 'save',
  group: 'domain',
  summary: 'save a domain state to a file',
  description: 'Save the RAM state of a running domain.',
  options: [
    domainOption(undefined, 'active-domain'),
    { name: 'file', type: 'data', required: true, help: 'where to save the data', completer: 'file' },
    { name: 'bypass-cache', type: 'bool', help: 'avoid file system cache when saving' },
    xmlOption,
    { name: 'running', type: 'bool', help: 'set domain to be running on restore' },
    { name: 'paused', type: 'bool', help: 'set domain to be paused on restore' },
    { name: 'verbose', type: 'bool', help: 'display the progress of save' },
  ],
  async run(ctx) {
    const { domain, typed } = await lookupDomain(ctx);
    const file = ctx.options.requiredString('file');
    const failure = `Failed to save domain '${typed}' to ${file}`;
    checkSaveOptions(ctx, failure, 'virDomainSaveFlags');
    const out = ctx.session.out;
    await withProgress(out, 'Save', ctx.options.bool('verbose'), () => domain.save(file)).catch((err) => {
      throw failedBecause(failure, err);
    });
    out.printExtra(`\nDomain '${typed}' saved to ${file}\n`);
  },
};

export const restoreCommand: CommandDef = {
  name: 'restore',
  group: 'domain',
  summary: 'restore a domain from a saved state in a file',
  description: 'Restore a domain.',
  options: [
    { name: 'file', type: 'data', required: true, help: 'the state to restore', completer: 'file' },
    { name: 'bypass-cache', type: 'bool', help: 'avoid file system cache when restoring' },
    xmlOption,
    { name: 'running', type: 'bool', help: 'restore domain into running state' },
    { name: 'paused', type: 'bool', help: 'restore domain into paused state' },
    { name: 'reset-nvram', type: 'bool', help: 're-initialize NVRAM from its pristine template' },
  ],
  async run(ctx) {
    const file = ctx.options.requiredString('file');
    const failure = `Failed to restore domain from ${file}`;
    checkSaveOptions(ctx, failure, 'virDomainRestoreFlags');
    const conn = await ctx.session.connection();
    const out = ctx.session.out;
    const showing = out.stderrIsTTY;
    await withProgress(out, 'Restore', false, () => conn.restore(file)).catch((err) => {
      if (showing) out.stderr('\n');
      throw failedBecause(failure, err);
    });
    // virsh 9 draws no restore progress; ours ends its line itself.
    if (showing) out.stderr('\n');
    out.printExtra(`Domain restored from ${file}\n`);
  },
};

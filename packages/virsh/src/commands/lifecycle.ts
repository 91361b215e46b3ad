import type { Domain } from '@libvirt-ts/virt';
import { DomainRebootFlagValues } from '@libvirt-ts/virt/constants';
import { errorMessage, failed, failedBecause } from '../errors.js';
import type { CommandContext, CommandDef, OptionDef } from './command.js';
import { domainOption } from './common-options.js';
import { type LookupWays, lookupDomain } from './domain-lookup.js';
import { rejectUnsupported } from './unsupported.js';

interface LifecycleSpec {
  name: string;
  summary: string;
  description: string;
  domainHelp?: string;
  completer?: OptionDef['completer'];
  extraOptions?: OptionDef[];
  lookup?: LookupWays;
  /** Checks of the options alone, before the domain is looked up; throws to fail. */
  checkOptions?(ctx: CommandContext): void;
  /** Checks before acting; throws to fail. */
  check?(ctx: CommandContext, domain: Domain): void | Promise<void>;
  act(domain: Domain, ctx: CommandContext): Promise<void>;
  /** "Domain '%s' <done>" */
  done: string;
  /** "Failed to <verb> domain '%s'" */
  verb: string;
}

/** A command that looks a domain up, does one thing to it and says so. */
function lifecycleCommand(spec: LifecycleSpec): CommandDef {
  return {
    name: spec.name,
    group: 'domain',
    summary: spec.summary,
    description: spec.description,
    options: [domainOption(spec.domainHelp, spec.completer), ...(spec.extraOptions ?? [])],
    async run(ctx) {
      spec.checkOptions?.(ctx);
      const { domain, typed } = await lookupDomain(ctx, 'domain', spec.lookup);
      await spec.check?.(ctx, domain);
      try {
        await spec.act(domain, ctx);
      } catch (err) {
        throw failedBecause(`Failed to ${spec.verb} domain '${typed}'`, err);
      }
      ctx.session.out.printExtra(`Domain '${typed}' ${spec.done}\n`);
    },
  };
}

const modeOption: OptionDef = {
  name: 'mode',
  type: 'string',
  help: 'shutdown mode: acpi|agent|initctl|signal|paravirt',
  completer: 'shutdown-mode',
};
/** --mode words, as virDomainReboot/Shutdown flags (virDomainShutdownFlagValues has the reboot ones' bits). */
const MODES: Readonly<Record<string, number>> = {
  acpi: DomainRebootFlagValues.REBOOT_ACPI_POWER_BTN,
  agent: DomainRebootFlagValues.REBOOT_GUEST_AGENT,
  initctl: DomainRebootFlagValues.REBOOT_INITCTL,
  signal: DomainRebootFlagValues.REBOOT_SIGNAL,
  paravirt: DomainRebootFlagValues.REBOOT_PARAVIRT,
};
/** The --mode words, for completion. */
export const SHUTDOWN_MODE_WORDS = Object.keys(MODES);
const REBOOT_MODES = "'acpi', 'agent', 'initctl', 'signal' or 'paravirt'";

/** --mode words as virsh checks them, as virDomainReboot/Shutdown flags. */
function modeFlags(ctx: CommandContext, expecting: string): number {
  const modes = ctx.options.string('mode');
  if (modes === undefined) return 0;
  let flags = 0;
  for (const mode of modes.split(',')) {
    const bit = Object.hasOwn(MODES, mode) ? MODES[mode] : undefined;
    if (bit === undefined) throw failed(`Unknown mode ${mode} value, expecting ${expecting}`);
    flags |= bit;
  }
  return flags;
}

export const suspendCommand = lifecycleCommand({
  name: 'suspend',
  summary: 'suspend a domain',
  description: 'Suspend a running domain.',
  completer: 'active-domain',
  act: (d) => d.suspend(),
  done: 'suspended',
  verb: 'suspend',
});

export const resumeCommand = lifecycleCommand({
  name: 'resume',
  summary: 'resume a domain',
  description: 'Resume a previously suspended domain.',
  completer: 'active-domain',
  act: (d) => d.resume(),
  done: 'resumed',
  verb: 'resume',
});

export const destroyCommand = lifecycleCommand({
  name: 'destroy',
  summary: 'destroy (stop) a domain',
  description: 'Forcefully stop a given domain, but leave its resources intact.',
  completer: 'active-domain',
  extraOptions: [
    { name: 'graceful', type: 'bool', help: 'terminate gracefully' },
    { name: 'remove-logs', type: 'bool', help: 'remove domain logs' },
  ],
  check: (ctx) => rejectUnsupported(ctx, ['graceful', 'remove-logs'], 'virDomainDestroyFlags'),
  act: (d) => d.destroy(),
  done: 'destroyed',
  verb: 'destroy',
});

export const shutdownCommand = lifecycleCommand({
  name: 'shutdown',
  summary: 'gracefully shutdown a domain',
  description: 'Run shutdown in the target domain.',
  completer: 'active-domain',
  extraOptions: [modeOption],
  check(ctx) {
    modeFlags(ctx, "'acpi', 'agent', 'initctl', 'signal', or 'paravirt'");
    // The virt API shuts down one way only: a mode cannot be passed on.
    rejectUnsupported(ctx, ['mode'], 'virDomainShutdownFlags');
  },
  act: (d) => d.shutdown(),
  done: 'is being shutdown',
  verb: 'shutdown',
});

export const rebootCommand = lifecycleCommand({
  name: 'reboot',
  summary: 'reboot a domain',
  description: 'Run a reboot command in the target domain.',
  completer: 'active-domain',
  extraOptions: [modeOption],
  // Checked before the domain is touched; the same words then give the flags.
  check: (ctx) => void modeFlags(ctx, REBOOT_MODES),
  act: (d, ctx) => d.reboot(modeFlags(ctx, REBOOT_MODES)),
  done: 'is being rebooted',
  verb: 'reboot',
});

export const resetCommand = lifecycleCommand({
  name: 'reset',
  summary: 'reset a domain',
  description: 'Reset the target domain as if by power button',
  completer: 'active-domain',
  act: (d) => d.reset(),
  done: 'was reset',
  verb: 'reset',
});

export const startCommand = lifecycleCommand({
  name: 'start',
  summary: 'start a (previously defined) inactive domain',
  description:
    'Start a domain, either from the last managedsave\n    state, or via a fresh boot if no managedsave state\n    is present.',
  domainHelp: 'name of the inactive domain',
  completer: 'inactive-domain',
  lookup: { name: true, uuid: true },
  extraOptions: [
    { name: 'console', type: 'bool', help: 'attach to console after creation' },
    { name: 'paused', type: 'bool', help: 'leave the guest paused after creation' },
    { name: 'autodestroy', type: 'bool', help: 'automatically destroy the guest when virsh disconnects' },
    { name: 'bypass-cache', type: 'bool', help: 'avoid file system cache when loading' },
    { name: 'force-boot', type: 'bool', help: 'force fresh boot by discarding any managed save' },
    { name: 'pass-fds', type: 'string', help: 'pass file descriptors N,M,... to the guest' },
    { name: 'reset-nvram', type: 'bool', help: 're-initialize NVRAM from its pristine template' },
  ],
  check(ctx, domain) {
    if (domain.ID() >= 0) throw failed('Domain is already active');
    rejectUnsupported(
      ctx,
      ['console', 'paused', 'autodestroy', 'bypass-cache', 'force-boot', 'pass-fds', 'reset-nvram'],
      'virDomainCreateWithFlags',
    );
  },
  act: (d) => d.create(),
  done: 'started',
  verb: 'start',
});

export const undefineCommand = lifecycleCommand({
  name: 'undefine',
  summary: 'undefine a domain',
  description: 'Undefine an inactive domain, or convert persistent to transient.',
  extraOptions: [
    { name: 'managed-save', type: 'bool', help: 'remove domain managed state file' },
    {
      name: 'storage',
      type: 'string',
      help: 'remove associated storage volumes (comma separated list of targets or source paths) (see domblklist)',
    },
    { name: 'remove-all-storage', type: 'bool', help: 'remove all associated storage volumes (use with caution)' },
    {
      name: 'delete-storage-volume-snapshots',
      type: 'bool',
      help: 'delete snapshots associated with volume(s), requires --remove-all-storage (must be supported by storage driver)',
      aliases: [{ name: 'delete-snapshots' }],
    },
    { name: 'wipe-storage', type: 'bool', help: 'wipe data on the removed volumes' },
    { name: 'snapshots-metadata', type: 'bool', help: 'remove all domain snapshot metadata (vm must be inactive)' },
    { name: 'checkpoints-metadata', type: 'bool', help: 'remove all domain checkpoint metadata (vm must be inactive)' },
    { name: 'nvram', type: 'bool', help: 'remove nvram file' },
    { name: 'keep-nvram', type: 'bool', help: 'keep nvram file' },
    { name: 'tpm', type: 'bool', help: 'remove TPM state' },
    { name: 'keep-tpm', type: 'bool', help: 'keep TPM state' },
  ],
  checkOptions: checkUndefineOptions,
  check: async (ctx, domain) => {
    if (removesStorage(ctx) && (await domain.isActive())) throw failed('Storage volume deletion is supported only on stopped domains');
    rejectUnsupported(
      ctx,
      [
        // An empty --storage names no volume: virsh 9 ignores it.
        ...(ctx.options.quietString('storage') === undefined ? [] : ['storage']),
        'remove-all-storage',
        'delete-storage-volume-snapshots',
        'wipe-storage',
        'snapshots-metadata',
        'checkpoints-metadata',
        'nvram',
        'keep-nvram',
        'tpm',
        'keep-tpm',
      ],
      'virDomainUndefineFlags',
    );
    await removeManagedSave(domain, ctx.options.bool('managed-save'));
  },
  act: (d) => d.undefine(),
  done: 'has been undefined',
  verb: 'undefine',
});

/** cmdUndefine's checks of its options alone, in virsh 9's order. */
function checkUndefineOptions(ctx: CommandContext): void {
  const { options } = ctx;
  options.requires('delete-storage-volume-snapshots', 'remove-all-storage');
  options.exclusive('nvram', 'keep-nvram');
  options.exclusive('tpm', 'keep-tpm');
  if (options.has('wipe-storage') && !removesStorage(ctx)) {
    throw failed("'--wipe-storage' requires '--storage <string>' or '--remove-all-storage'");
  }
}

/** Whether storage volumes are to go with the domain (virsh 9 takes an empty --storage as none). */
function removesStorage(ctx: CommandContext): boolean {
  return ctx.options.quietString('storage') !== undefined || ctx.options.has('remove-all-storage');
}

/**
 * cmdUndefine's piecewise path: a managed save image is removed first with --managed-save, and
 * refused without it (virsh 9's one-line error).
 */
async function removeManagedSave(domain: Domain, allowed: boolean): Promise<void> {
  if (!(await domain.hasManagedSaveImage().catch(() => false))) return;
  if (!allowed) throw failed('Refusing to undefine while domain managed save image exists');
  await domain.managedSaveRemove().catch((err) => {
    throw failed(errorMessage(err));
  });
}

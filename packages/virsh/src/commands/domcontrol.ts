import { DomainControlState } from '@libvirt-ts/virt/constants';
import type { CommandDef } from './command.js';
import { domainOption } from './common-options.js';
import { lookupDomain } from './domain-lookup.js';

/** virshDomainControlStateToString. */
const STATE_NAMES: Readonly<Record<number, string>> = {
  [DomainControlState.OK]: 'ok',
  [DomainControlState.JOB]: 'background job',
  [DomainControlState.OCCUPIED]: 'occupied',
  [DomainControlState.ERROR]: 'error',
};

/** virshDomainControlErrorReasonToString (DomainControlErrorReason). */
const ERROR_REASONS = ['', 'unknown', 'monitor failure', 'internal (locking) error'];

export const domcontrolCommand: CommandDef = {
  name: 'domcontrol',
  group: 'monitor',
  summary: 'domain control interface state',
  description: 'Returns state of a control interface to the domain.',
  options: [domainOption()],
  async run(ctx) {
    const { domain } = await lookupDomain(ctx);
    const info = await domain.controlInfo();
    const state = STATE_NAMES[info.state] ?? 'unknown';
    let line = state;
    if (info.state !== DomainControlState.OK && info.state !== DomainControlState.ERROR) {
      line = `${state} (${(Number(info.stateTime) / 1000).toFixed(3)}s)`;
    } else if (info.state === DomainControlState.ERROR && info.details > 0) {
      line = `${state}: ${ERROR_REASONS[info.details] ?? 'unknown'}`;
    }
    ctx.session.out.print(`${line}\n`);
  },
};

import { failedBecause } from '../errors.js';
import { printJson } from '../output/json.js';
import type { CommandDef } from './command.js';
import { domainOption, JSON_OPTION } from './common-options.js';
import { lookupDomain } from './domain-lookup.js';
import { reasonName, stateName } from './domain-state.js';

export const domstateCommand: CommandDef = {
  name: 'domstate',
  group: 'monitor',
  summary: 'domain state',
  description: 'Returns state about a domain.',
  options: [domainOption(), { name: 'reason', type: 'bool', help: 'also print reason for the state' }, JSON_OPTION],
  async run(ctx) {
    const { domain } = await lookupDomain(ctx);
    const { state, reason } = await domain.state().catch((err) => {
      throw failedBecause('Unable to get domain status', err);
    });
    const out = ctx.session.out;
    if (ctx.options.bool('json')) printJson(out, { state: stateName(state), reason: reasonName(state, reason) });
    else if (ctx.options.bool('reason')) out.print(`${stateName(state)} (${reasonName(state, reason)})\n`);
    else out.print(`${stateName(state)}\n`);
  },
};

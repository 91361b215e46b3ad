import { formatTable } from '../output/table.js';
import type { CommandDef } from './command.js';
import { stateName } from './state-names.js';

export const listCommand: CommandDef = {
  name: 'list',
  group: 'Domain Monitoring',
  summary: 'list domains',
  description: 'Returns list of domains.',
  options: [
    { name: 'inactive', type: 'bool', help: 'list inactive domains' },
    { name: 'all', type: 'bool', help: 'list inactive & active domains' },
  ],
  async run(ctx) {
    const conn = await ctx.connection();
    const wantInactive = ctx.options.has('inactive') || ctx.options.has('all');
    const wantActive = !ctx.options.has('inactive');
    const rows: string[][] = [];
    if (wantActive) {
      const ids = (await conn.listDomainIDs()).sort((a, b) => a - b);
      for (const id of ids) {
        const dom = await conn.lookupDomainById(id);
        rows.push([String(id), dom.getName(), stateName((await dom.getInfo()).state)]);
      }
    }
    if (wantInactive) {
      const names = (await conn.listDefinedDomains()).sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' }));
      for (const name of names) {
        const dom = await conn.lookupDomainByName(name);
        rows.push(['-', name, stateName((await dom.getInfo()).state)]);
      }
    }
    ctx.out.print(formatTable(['Id', 'Name', 'State'], rows));
    return true;
  },
};

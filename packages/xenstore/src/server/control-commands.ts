import { XenstoreError } from '../errors.js';
import { checkQuota, QUOTA_NAMES, type Quotas } from './quotas.js';

const HELP = ['check', 'help', 'log', 'print <text>', 'quota [<name> [<value>]]'];

/** XS_CONTROL commands, a subset of C xenstored's; returns the reply text. */
export function runControlCommand(quotas: Quotas, command: string, args: string[]): string {
  switch (command) {
    case 'help':
      return HELP.join('\n');
    case 'check':
    case 'log':
      return 'OK';
    case 'print':
      if (args.length !== 1) throw new XenstoreError({ code: 'EINVAL', message: 'print takes one argument' });
      return 'OK';
    case 'quota':
      return quotaCommand(quotas, args);
    default:
      throw new XenstoreError({ code: 'EINVAL', message: `unknown control command ${JSON.stringify(command)}` });
  }
}

function quotaCommand(quotas: Quotas, args: string[]): string {
  if (args.length === 0) return QUOTA_NAMES.map((name) => `${name}: ${quotas[name]}`).join('\n');
  const [name = '', value] = args;
  if (!(QUOTA_NAMES as string[]).includes(name)) throw new XenstoreError({ code: 'EINVAL', message: `unknown quota ${JSON.stringify(name)}` });
  const key = name as keyof Quotas;
  if (value === undefined) return String(quotas[key]);
  if (!/^\d{1,12}$/.test(value) || args.length > 2) throw new XenstoreError({ code: 'EINVAL', message: `quota value ${JSON.stringify(value)} is not a count` });
  checkQuota(key, Number(value));
  quotas[key] = Number(value);
  return 'OK';
}

import type { OptionDef } from './command.js';

/** The positional <domain> option most commands start with. */
export function domainOption(help = 'domain name, id or uuid', completer: OptionDef['completer'] = 'domain'): OptionDef {
  return { name: 'domain', type: 'data', required: true, help, completer };
}

/** The positional <file> option of create, define and restore. */
export function fileOption(help: string): OptionDef {
  return { name: 'file', type: 'data', required: true, help, completer: 'file' };
}

/** --json: ours, not virsh 9's; see the README for the field names. */
export const JSON_OPTION: OptionDef = {
  name: 'json',
  type: 'bool',
  help: 'print the result as JSON (libvirt-ts extension)',
  extension: true,
};

/** --config/--live/--current of the memory and vCPU commands. */
export const SCOPE_OPTIONS: OptionDef[] = [
  { name: 'config', type: 'bool', help: 'affect next boot' },
  { name: 'live', type: 'bool', help: 'affect running domain' },
  { name: 'current', type: 'bool', help: 'affect current domain' },
];

import { type TypedParameter, VirtError } from '@libvirt-ts/virt';
import { TypedParameterFlags, TypedParameterType } from '@libvirt-ts/virt/constants';
import { failed } from '../errors.js';
import type { CommandContext, CommandDef } from './command.js';
import { domainOption } from './common-options.js';
import { lookupDomain } from './domain-lookup.js';
import { scopeFlags } from './impact-flags.js';
import { typedParamText } from './typed-param-text.js';

const UINT_MAX = 0xffffffffn;
const INT_MAX = 0x7fffffffn;
const ULLONG_MAX = 0xffffffffffffffffn;
const LLONG_MAX = 0x7fffffffffffffffn;

/**
 * strtoul/strtoull as libvirt's virStrToLong_* use them: blanks and a sign allowed, nothing after
 * the digits; "-N" of an unsigned type wraps (libvirt takes "-1" for the largest value).
 */
function parseInteger(text: string, min: bigint, max: bigint, unsigned: boolean): bigint | undefined {
  const match = /^[ \t\n\v\f\r]*([+-]?)(\d+)$/.exec(text);
  if (!match) return undefined;
  const digits = BigInt(match[2] as string);
  if (match[1] !== '-') return digits <= max ? digits : undefined;
  if (unsigned) return digits <= max ? (max + 1n - digits) % (max + 1n) : undefined;
  return -digits >= min ? -digits : undefined;
}

/** virTypedParameterAssignFromStr: `text` as a parameter of `type`, or libvirt's INVALID_ARG naming what was expected. */
function parameterFromText(field: string, type: TypedParameter['type'], text: string): TypedParameter {
  const invalid = (expected: string) => new VirtError({ code: 'INVALID_ARG', domain: 'NONE', info: `Invalid value for field '${field}': expected ${expected}` });
  switch (type) {
    case TypedParameterType.INT:
    case TypedParameterType.UINT: {
      const unsigned = type === TypedParameterType.UINT;
      const value = parseInteger(text, -INT_MAX - 1n, unsigned ? UINT_MAX : INT_MAX, unsigned);
      if (value === undefined) throw invalid(unsigned ? 'unsigned int' : 'int');
      return { field, type, value: Number(value) };
    }
    case TypedParameterType.LLONG:
    case TypedParameterType.ULLONG: {
      const unsigned = type === TypedParameterType.ULLONG;
      const value = parseInteger(text, -LLONG_MAX - 1n, unsigned ? ULLONG_MAX : LLONG_MAX, unsigned);
      if (value === undefined) throw invalid(unsigned ? 'unsigned long long' : 'long long');
      return { field, type, value };
    }
    case TypedParameterType.DOUBLE: {
      const value = Number(text);
      if (text.trim() === '' || Number.isNaN(value)) throw invalid('double');
      return { field, type, value };
    }
    case TypedParameterType.BOOLEAN:
      if (['1', 'yes', 'true'].includes(text.toLowerCase())) return { field, type, value: true };
      if (['0', 'no', 'false'].includes(text.toLowerCase())) return { field, type, value: false };
      throw invalid('boolean');
    case TypedParameterType.STRING:
      return { field, type, value: text };
  }
}

/** cmdSchedInfoUpdate: the --set name=value pairs, then --cap and --weight, each typed as the domain's parameter of that name. */
function updates(ctx: CommandContext, current: readonly TypedParameter[]): TypedParameter[] {
  const wanted: [string, string][] = [];
  for (const word of ctx.options.words('set')) {
    const at = word.indexOf('=');
    if (at < 0) throw failed('Invalid syntax for --set, expecting name=value');
    wanted.push([word.slice(0, at), word.slice(at + 1)]);
  }
  for (const name of ['cap', 'weight']) {
    const value = ctx.options.string(name);
    if (value !== undefined) wanted.push([name, value]);
  }
  return wanted.map(([name, value]) => {
    const param = current.find((p) => p.field === name);
    if (!param) throw failed(`invalid scheduler option: ${name}`);
    return parameterFromText(name, param.type, value);
  });
}

export const schedinfoCommand: CommandDef = {
  name: 'schedinfo',
  group: 'domain',
  summary: 'show/set scheduler parameters',
  description: 'Show/Set scheduler parameters.',
  options: [
    domainOption(),
    { name: 'weight', type: 'number', namedOnly: true, help: 'weight for XEN_CREDIT' },
    { name: 'cap', type: 'number', namedOnly: true, help: 'cap for XEN_CREDIT' },
    { name: 'current', type: 'bool', help: 'get/set current scheduler info' },
    { name: 'config', type: 'bool', help: 'get/set value to be used on next boot' },
    { name: 'live', type: 'bool', help: 'get/set value from running domain' },
    { name: 'set', type: 'argv', help: 'parameter=value' },
  ],
  async run(ctx) {
    const flags = scopeFlags(ctx);
    const { domain } = await lookupDomain(ctx);
    const out = ctx.session.out;
    const label = (name: string) => `${name.padEnd(15)}: `;
    let nparams: number;
    try {
      const scheduler = await domain.schedulerType();
      out.print(`${label('Scheduler')}${scheduler.type}\n`);
      nparams = scheduler.nparams;
    } catch (error) {
      out.print(`${label('Scheduler')}Unknown\n`);
      throw error;
    }
    if (nparams === 0) return;
    const live = ctx.options.bool('live');
    const config = ctx.options.bool('config');
    // --live and --config cannot be queried together: virsh asks for the current values then.
    const queryFlags = (live && config ? 0 : flags) | TypedParameterFlags.STRING_OKAY;
    const withFlags = flags !== 0 || ctx.options.bool('current');
    const query = () => (withFlags ? domain.schedulerParametersFlags(queryFlags) : domain.schedulerParameters());
    let params = await query();
    const changes = updates(ctx, params);
    if (changes.length > 0) {
      await (withFlags ? domain.setSchedulerParametersFlags(changes, flags) : domain.setSchedulerParameters(changes));
      params = await query();
    } else if (live && config) {
      throw failed('cannot query both live and config at once');
    }
    out.print(params.map((p) => `${label(p.field)}${typedParamText(p)}\n`).join(''));
  },
};

import { headOf, lookupFloat, lookupInt, lookupString, type SExpr } from '@libvirt-ts/sexpr';
import { canonicalUuid } from '@libvirt-ts/xml-format';
import { type FakeDomain, newDomain, type RunState, runStateOfFlags } from './fake-domain.js';

/** Fields the fake computes itself rather than keeping as extras. */
const COMPUTED_FIELDS = new Set([
  'domid',
  'uuid',
  'vcpus',
  'vcpu_avail',
  'cpu_weight',
  'memory',
  'shadow_memory',
  'maxmem',
  'name',
  'state',
  'shutdown_reason',
  'cpu_time',
  'online_vcpus',
  'status',
]);

export interface FromSexprOptions {
  now: number;
  randomUuid: () => string;
  /** The state when the record has no (state ...): created domains start paused. */
  defaultState: RunState;
}

/**
 * A domain from a `(domain ...)` record as xend prints it, or from a `(vm ...)` config as
 * `op=create` receives it and a save image keeps it. Items the fake does not compute (image,
 * devices, on_poweroff...) are kept and printed back as given. Throws a plain Error or
 * SexprError saying what is wrong; callers wrap it for their context.
 */
export function domainFromSexpr(record: SExpr, head: 'domain' | 'vm', options: FromSexprOptions): FakeDomain {
  if (headOf(record) !== head || record.type !== 'list') throw new Error(`expected a (${head} ...) record`);
  const name = lookupString(record, `${head}/name`);
  if (name === undefined || name === '') throw new Error(`the ${head} record has no (name ...)`);
  const memory = lookupInt(record, `${head}/memory`) ?? 128;
  const maxmem = lookupInt(record, `${head}/maxmem`) ?? memory;
  const vcpus = lookupInt(record, `${head}/vcpus`) ?? 1;
  if (memory < 1 || maxmem < memory) throw new Error(`memory ${memory} MiB must be at least 1 and at most maxmem ${maxmem}`);
  if (vcpus < 1) throw new Error(`vcpus ${vcpus} must be at least 1`);
  const flags = lookupString(record, `${head}/state`);
  const state = flags === undefined ? options.defaultState : (runStateOfFlags(flags) ?? options.defaultState);
  return newDomain({
    id: lookupInt(record, `${head}/domid`) ?? -1,
    name,
    uuid: uuidOf(lookupString(record, `${head}/uuid`)) ?? options.randomUuid(),
    memory,
    maxmem,
    vcpus,
    state,
    cpuSeconds: lookupFloat(record, `${head}/cpu_time`) ?? 0,
    runningSince: state === 'running' || state === 'blocked' ? options.now : undefined,
    extras: record.items.slice(1).filter((item) => !COMPUTED_FIELDS.has(headOf(item) ?? '')),
  });
}

/** The record's UUID as virUUIDParse reads it; a malformed one is refused, as xend refuses it. */
function uuidOf(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const uuid = canonicalUuid(text);
  if (uuid === undefined) throw new Error(`expected a UUID but found "${text}"`);
  return uuid;
}

import { DomainState, DomainStatsTypes, ConnectGetAllDomainStatsFlags as F, TypedParameterType } from '../../constants.js';
import type { TypedParameter } from '../../types.js';
import { isActive, type TestDomain } from './test-domain-list.js';
import { checkFlags, testError } from './test-errors.js';

/** The groups libvirt 9's test driver reports: the state, and IOThreads (none of which it has statistics for). */
const SUPPORTED = DomainStatsTypes.STATE | DomainStatsTypes.IOTHREAD;

const ALLOWED_FLAGS =
  F.ACTIVE | F.INACTIVE | F.PERSISTENT | F.TRANSIENT | F.RUNNING | F.PAUSED | F.SHUTOFF | F.OTHER | F.NOWAIT | F.BACKING | F.ENFORCE_STATS;

/**
 * The groups to report: none asked means every supported one; with ENFORCE_STATS an unsupported
 * group is an error, else it is dropped (asking only for unsupported ones gives empty records).
 */
export function statsGroups(stats: number, flags: number): number {
  checkFlags(flags, ALLOWED_FLAGS, 'testConnectGetAllDomainStats');
  const unsupported = stats & ~SUPPORTED;
  if ((flags & F.ENFORCE_STATS) !== 0 && unsupported !== 0) {
    throw testError('ARGUMENT_UNSUPPORTED', `Stats types bits 0x${unsupported.toString(16)} are not supported by this daemon`);
  }
  return stats === 0 ? SUPPORTED : stats & SUPPORTED;
}

/** virDomainObjListFilter: each pair (or group) of filters keeps the domains matching one of those given. */
export function passesFilters(dom: TestDomain, flags: number): boolean {
  const active = isActive(dom);
  if ((flags & (F.ACTIVE | F.INACTIVE)) !== 0 && !((flags & F.ACTIVE && active) || (flags & F.INACTIVE && !active))) return false;
  const persistent = dom.persistent;
  if ((flags & (F.PERSISTENT | F.TRANSIENT)) !== 0 && !((flags & F.PERSISTENT && persistent) || (flags & F.TRANSIENT && !persistent))) {
    return false;
  }
  const states = F.RUNNING | F.PAUSED | F.SHUTOFF | F.OTHER;
  if ((flags & states) === 0) return true;
  const other = dom.state !== DomainState.RUNNING && dom.state !== DomainState.PAUSED && dom.state !== DomainState.SHUTOFF;
  return Boolean(
    (flags & F.RUNNING && dom.state === DomainState.RUNNING) ||
      (flags & F.PAUSED && dom.state === DomainState.PAUSED) ||
      (flags & F.SHUTOFF && dom.state === DomainState.SHUTOFF) ||
      (flags & F.OTHER && other),
  );
}

/** One domain's parameters for `groups`. */
export function domainStats(dom: TestDomain, groups: number): TypedParameter[] {
  const params: TypedParameter[] = [];
  if ((groups & DomainStatsTypes.STATE) !== 0) {
    params.push({ field: 'state.state', type: TypedParameterType.INT, value: dom.state });
    params.push({ field: 'state.reason', type: TypedParameterType.INT, value: dom.reason });
  }
  return params;
}

import { DomainState } from '@libvirt-ts/virt/constants';

/** virsh 9's words for a domain state (virshDomainStateToString). */
const STATE_NAMES = ['no state', 'running', 'idle', 'paused', 'in shutdown', 'shut off', 'crashed', 'pmsuspended'];

export function stateName(state: number): string {
  return STATE_NAMES[state] ?? 'no state';
}

/** Reasons per state, each list indexed by libvirt's virDomain<State>Reason numbers. */
const REASONS: Record<number, string[]> = {
  [DomainState.NOSTATE]: ['unknown'],
  [DomainState.RUNNING]: [
    'unknown',
    'booted',
    'migrated',
    'restored',
    'from snapshot',
    'unpaused',
    'migration canceled',
    'save canceled',
    'event wakeup',
    'crashed',
    'post-copy',
    'post-copy failed',
  ],
  [DomainState.BLOCKED]: ['unknown'],
  [DomainState.PAUSED]: [
    'unknown',
    'user',
    'migrating',
    'saving',
    'dumping',
    'I/O error',
    'watchdog',
    'from snapshot',
    'shutting down',
    'creating snapshot',
    'crashed',
    'starting up',
    'post-copy',
    'post-copy failed',
    'api error',
  ],
  [DomainState.SHUTDOWN]: ['unknown', 'user'],
  [DomainState.SHUTOFF]: ['unknown', 'shutdown', 'destroyed', 'crashed', 'migrated', 'saved', 'failed', 'from snapshot', 'daemon'],
  [DomainState.CRASHED]: ['unknown', 'panicked'],
  [DomainState.PMSUSPENDED]: ['unknown'],
};

/** virsh 9's words for why a domain is in its state (virshDomainStateReasonToString). */
export function reasonName(state: number, reason: number): string {
  return REASONS[state]?.[reason] ?? 'unknown';
}

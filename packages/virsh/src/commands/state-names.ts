import { DomainState } from '@libvirt-ts/virt';

const names: Record<number, string> = {
  [DomainState.NOSTATE]: 'no state',
  [DomainState.RUNNING]: 'running',
  [DomainState.BLOCKED]: 'idle',
  [DomainState.PAUSED]: 'paused',
  [DomainState.SHUTDOWN]: 'in shutdown',
  [DomainState.SHUTOFF]: 'shut off',
  [DomainState.CRASHED]: 'crashed',
  [DomainState.PMSUSPENDED]: 'pmsuspended',
};

/** virsh's words for a domain state. */
export function stateName(state: number): string {
  return names[state] ?? 'no state';
}

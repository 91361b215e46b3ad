import { DomainEventType } from '@libvirt-ts/virt/constants';

/** virsh 9's `event --list`: every domain event kind it can wait for, in virDomainEventID order. */
export const EVENT_KINDS = [
  'lifecycle',
  'reboot',
  'rtc-change',
  'watchdog',
  'io-error',
  'graphics',
  'io-error-reason',
  'control-error',
  'block-job',
  'disk-change',
  'tray-change',
  'pm-wakeup',
  'pm-suspend',
  'balloon-change',
  'pm-suspend-disk',
  'device-removed',
  'block-job-2',
  'tunable',
  'agent-lifecycle',
  'device-added',
  'migration-iteration',
  'job-completed',
  'device-removal-failed',
  'metadata-change',
  'block-threshold',
  'memory-failure',
  'memory-device-size-change',
] as const;

/** How virsh 9 names each virDomainEventType, then each of its details (virsh-domain-event.c). */
const LIFECYCLE_WORDS: Record<DomainEventType, readonly [string, readonly string[]]> = {
  [DomainEventType.DEFINED]: ['Defined', ['Added', 'Updated', 'Renamed', 'Snapshot']],
  [DomainEventType.UNDEFINED]: ['Undefined', ['Removed', 'Renamed']],
  [DomainEventType.STARTED]: ['Started', ['Booted', 'Migrated', 'Restored', 'Snapshot', 'Event wakeup']],
  [DomainEventType.SUSPENDED]: [
    'Suspended',
    ['Paused', 'Migrated', 'I/O Error', 'Watchdog', 'Restored', 'Snapshot', 'API error', 'Post-copy', 'Post-copy Error'],
  ],
  [DomainEventType.RESUMED]: ['Resumed', ['Unpaused', 'Migrated', 'Snapshot', 'Post-copy', 'Post-copy Error']],
  [DomainEventType.STOPPED]: ['Stopped', ['Shutdown', 'Destroyed', 'Crashed', 'Migrated', 'Saved', 'Failed', 'Snapshot']],
  [DomainEventType.SHUTDOWN]: ['Shutdown', ['Finished', 'Finished after guest request', 'Finished after host request']],
  [DomainEventType.PMSUSPENDED]: ['PMSuspended', ['Memory', 'Disk']],
  [DomainEventType.CRASHED]: ['Crashed', ['Panicked', 'Crashloaded']],
};

/** "Started Booted": the words virsh 9 prints for a lifecycle event ("unknown" for numbers it lacks). */
export function lifecycleWords(event: number, detail: number): string {
  const words = LIFECYCLE_WORDS[event as DomainEventType];
  return `${words?.[0] ?? 'unknown'} ${words?.[1][detail] ?? 'unknown'}`;
}

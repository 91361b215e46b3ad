import type { GroupName } from '../commands/command.js';

/** virsh 9's help groups, in its order, with their titles and keywords. */
export const GROUPS: ReadonlyArray<{ keyword: GroupName; title: string }> = [
  { keyword: 'domain', title: 'Domain Management' },
  { keyword: 'monitor', title: 'Domain Monitoring' },
  { keyword: 'events', title: 'Domain Events' },
  { keyword: 'host', title: 'Host and Hypervisor' },
  { keyword: 'virsh', title: 'Virsh itself' },
];

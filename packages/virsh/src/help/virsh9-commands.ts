/**
 * virsh 9's command groups and every command in them, in the order `virsh help` lists them
 * (Debian's virsh 9.0.0, `help` on test:///default; `complete -- ''` gives the same order).
 * Our `help` and command completion list the commands we have in this order, so a command
 * added to the table takes its place here without anyone ordering the table by hand.
 */
export const VIRSH9_GROUPS = [
  {
    keyword: 'domain',
    title: 'Domain Management',
    commands: [
      'attach-device', 'attach-disk', 'attach-interface', 'autostart', 'blkdeviotune', 'blkiotune',
      'blockcommit', 'blockcopy', 'blockjob', 'blockpull', 'blockresize', 'change-media', 'console',
      'cpu-stats', 'create', 'define', 'desc', 'destroy', 'detach-device', 'detach-device-alias',
      'detach-disk', 'detach-interface', 'domdisplay', 'domfsfreeze', 'domfsthaw', 'domfsinfo', 'domfstrim',
      'domhostname', 'domid', 'domif-setlink', 'domiftune', 'domjobabort', 'domjobinfo', 'domlaunchsecinfo',
      'domsetlaunchsecstate', 'domname', 'domrename', 'dompmsuspend', 'dompmwakeup', 'domuuid',
      'domxml-from-native', 'domxml-to-native', 'dump', 'dumpxml', 'edit', 'get-user-sshkeys', 'inject-nmi',
      'iothreadinfo', 'iothreadpin', 'iothreadadd', 'iothreadset', 'iothreaddel', 'send-key',
      'send-process-signal', 'lxc-enter-namespace', 'managedsave', 'managedsave-remove', 'managedsave-edit',
      'managedsave-dumpxml', 'managedsave-define', 'memtune', 'perf', 'metadata', 'migrate',
      'migrate-setmaxdowntime', 'migrate-getmaxdowntime', 'migrate-compcache', 'migrate-setspeed',
      'migrate-getspeed', 'migrate-postcopy', 'numatune', 'qemu-attach', 'qemu-monitor-command',
      'qemu-monitor-event', 'qemu-agent-command', 'guest-agent-timeout', 'reboot', 'reset', 'restore',
      'resume', 'save', 'save-image-define', 'save-image-dumpxml', 'save-image-edit', 'schedinfo',
      'screenshot', 'set-lifecycle-action', 'set-user-sshkeys', 'set-user-password', 'setmaxmem', 'setmem',
      'setvcpus', 'shutdown', 'start', 'suspend', 'ttyconsole', 'undefine', 'update-device',
      'update-memory-device', 'vcpucount', 'vcpuinfo', 'vcpupin', 'emulatorpin', 'vncdisplay', 'guestvcpus',
      'setvcpu', 'domblkthreshold', 'guestinfo', 'domdirtyrate-calc', 'dom-fd-associate',
    ],
  },
  {
    keyword: 'monitor',
    title: 'Domain Monitoring',
    commands: [
      'domblkerror', 'domblkinfo', 'domblklist', 'domblkstat', 'domcontrol', 'domif-getlink', 'domifaddr',
      'domiflist', 'domifstat', 'dominfo', 'dommemstat', 'domstate', 'domstats', 'domtime', 'list',
    ],
  },
  {
    keyword: 'events',
    title: 'Domain Events',
    commands: [
      'event',
    ],
  },
  {
    keyword: 'host',
    title: 'Host and Hypervisor',
    commands: [
      'allocpages', 'capabilities', 'cpu-baseline', 'cpu-compare', 'cpu-models', 'domcapabilities',
      'freecell', 'freepages', 'hostname', 'hypervisor-cpu-baseline', 'hypervisor-cpu-compare', 'maxvcpus',
      'node-memory-tune', 'nodecpumap', 'nodecpustats', 'nodeinfo', 'nodememstats', 'nodesevinfo',
      'nodesuspend', 'sysinfo', 'uri', 'version',
    ],
  },
  {
    keyword: 'checkpoint',
    title: 'Checkpoint',
    commands: [
      'checkpoint-create', 'checkpoint-create-as', 'checkpoint-delete', 'checkpoint-dumpxml',
      'checkpoint-edit', 'checkpoint-info', 'checkpoint-list', 'checkpoint-parent',
    ],
  },
  {
    keyword: 'interface',
    title: 'Interface',
    commands: [
      'iface-begin', 'iface-bridge', 'iface-commit', 'iface-define', 'iface-destroy', 'iface-dumpxml',
      'iface-edit', 'iface-list', 'iface-mac', 'iface-name', 'iface-rollback', 'iface-start',
      'iface-unbridge', 'iface-undefine',
    ],
  },
  {
    keyword: 'filter',
    title: 'Network Filter',
    commands: [
      'nwfilter-define', 'nwfilter-dumpxml', 'nwfilter-edit', 'nwfilter-list', 'nwfilter-undefine',
      'nwfilter-binding-create', 'nwfilter-binding-delete', 'nwfilter-binding-dumpxml',
      'nwfilter-binding-list',
    ],
  },
  {
    keyword: 'network',
    title: 'Networking',
    commands: [
      'net-autostart', 'net-create', 'net-define', 'net-destroy', 'net-dhcp-leases', 'net-dumpxml',
      'net-edit', 'net-event', 'net-info', 'net-list', 'net-name', 'net-start', 'net-undefine', 'net-update',
      'net-uuid', 'net-port-list', 'net-port-create', 'net-port-dumpxml', 'net-port-delete',
    ],
  },
  {
    keyword: 'nodedev',
    title: 'Node Device',
    commands: [
      'nodedev-create', 'nodedev-destroy', 'nodedev-detach', 'nodedev-dumpxml', 'nodedev-list',
      'nodedev-reattach', 'nodedev-reset', 'nodedev-event', 'nodedev-define', 'nodedev-undefine',
      'nodedev-start', 'nodedev-autostart', 'nodedev-info',
    ],
  },
  {
    keyword: 'secret',
    title: 'Secret',
    commands: [
      'secret-define', 'secret-dumpxml', 'secret-event', 'secret-get-value', 'secret-list',
      'secret-set-value', 'secret-undefine',
    ],
  },
  {
    keyword: 'snapshot',
    title: 'Snapshot',
    commands: [
      'snapshot-create', 'snapshot-create-as', 'snapshot-current', 'snapshot-delete', 'snapshot-dumpxml',
      'snapshot-edit', 'snapshot-info', 'snapshot-list', 'snapshot-parent', 'snapshot-revert',
    ],
  },
  {
    keyword: 'backup',
    title: 'Backup',
    commands: [
      'backup-begin', 'backup-dumpxml',
    ],
  },
  {
    keyword: 'pool',
    title: 'Storage Pool',
    commands: [
      'find-storage-pool-sources-as', 'find-storage-pool-sources', 'pool-autostart', 'pool-build',
      'pool-create-as', 'pool-create', 'pool-define-as', 'pool-define', 'pool-delete', 'pool-destroy',
      'pool-dumpxml', 'pool-edit', 'pool-info', 'pool-list', 'pool-name', 'pool-refresh', 'pool-start',
      'pool-undefine', 'pool-uuid', 'pool-event', 'pool-capabilities',
    ],
  },
  {
    keyword: 'volume',
    title: 'Storage Volume',
    commands: [
      'vol-clone', 'vol-create-as', 'vol-create', 'vol-create-from', 'vol-delete', 'vol-download',
      'vol-dumpxml', 'vol-info', 'vol-key', 'vol-list', 'vol-name', 'vol-path', 'vol-pool', 'vol-resize',
      'vol-upload', 'vol-wipe',
    ],
  },
  {
    keyword: 'virsh',
    title: 'Virsh itself',
    commands: [
      'cd', 'echo', 'exit', 'help', 'pwd', 'quit', 'connect',
    ],
  },
] as const;

/** A help group's keyword (`help domain`). */
export type GroupName = (typeof VIRSH9_GROUPS)[number]['keyword'];

const position = new Map<string, number>(VIRSH9_GROUPS.flatMap((g) => g.commands).map((name, i) => [name, i]));
const groupOf = new Map<string, GroupName>(VIRSH9_GROUPS.flatMap((g) => g.commands.map((name) => [name, g.keyword] as const)));

/** Where virsh 9's `help` lists a command (undefined: not a virsh 9 command). */
export const virsh9Position = (name: string): number | undefined => position.get(name);

/** The group virsh 9 lists a command in. */
export const virsh9Group = (name: string): GroupName | undefined => groupOf.get(name);

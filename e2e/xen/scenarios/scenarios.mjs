// The scenarios run in one boot of the libvirt image, first with libvirt 9's virsh on
// xen:///system (libvirtd and its libxl driver), then, with libvirtd stopped, with ours on
// xen:/// (or the URI a scenario names). Each scenario is one test; each of its virsh steps
// must print the same stdout and stderr and exit with the same status on both sides (after
// mask.mjs), unless the step says what is expected instead.
//
// A step is one of:
//   { virsh: 'ARGS' }             virsh with these arguments (split on spaces), compared
//   { virsh: 'ARGS', readOnly }   the same with -r
//   { sh: 'COMMAND' }             a shell command in dom0 run on both sides, not compared (waits)
//   { sh: 'COMMAND', expect }     ... whose stdout must be `expect` (state checks against xl)
//   { virsh, side: 'ours', expect: { stdout, stderr, rc } }  run by ours only, checked against
//                                 `expect`: for a step where libvirt 9 fails and xl succeeds
//   { ..., side: 'libvirt' }      run by libvirt 9 only, not compared (its known failure)
// Scenarios run in order and share the dom0: a scenario leaves the guest as the next expects.

/** The image's PV guest (files/guest.cfg); its XML (GUEST_XML) comes from libvirt 9's domxml-from-native. */
export const GUEST = 'tinyguest';
export const GUEST_XML = '/tmp/guest.xml';
export const GUEST_CFG = '/root/guest/guest.cfg';
const SAVE_FILE = '/var/tmp/tinyguest.save';

/** Shell: until the guest is gone (shutdown or destroy finished), at most 180 s. */
const waitGone = `for i in $(seq 720); do xl list ${GUEST} >/dev/null 2>&1 || break; sleep 0.25; done`;
/** Shell: until xl lists the guest running or blocked again (a reboot recreates it), at most 180 s (slow under load). */
const waitUp = `for i in $(seq 720); do xl list ${GUEST} 2>/dev/null | awk 'NR==2{print $5}' | grep -q '^-*[rb]' && break; sleep 0.25; done`;
/**
 * Shell: until the guest's kernel is up (it announces its shutdown features in xenstore), at most
 * 180 s. A save before that fails in xl ("Bad mfn 0 for p2m frame list list"): under load the
 * guest can take a minute to boot.
 */
const waitBooted = `for i in $(seq 720); do id=$(xl domid ${GUEST} 2>/dev/null) && [ -n "$(xenstore-read /local/domain/$id/control/feature-poweroff 2>/dev/null)" ] && break; sleep 0.25; done`;
/** Shell: until the guest's current memory (xl list, MiB) is `mib`, at most 15 s (the balloon driver works in the guest). */
const waitMemory = (mib) => `for i in $(seq 60); do [ "$(xl list ${GUEST} | awk 'NR==2{print $3}')" = ${mib} ] && break; sleep 0.25; done`;
/** Shell: prints present or absent, as xl sees the guest. */
const xlHas = `xl list ${GUEST} >/dev/null 2>&1 && echo present || echo absent`;

/** @type {{ name: string, oursUri?: string, steps: object[] }[]} */
export const scenarios = [
  // The host and Domain-0: no guest.
  { name: 'list --all', steps: [{ virsh: 'list --all' }] },
  { name: 'list', steps: [{ virsh: 'list' }] },
  { name: 'list --all on xen:///system', oursUri: 'xen:///system', steps: [{ virsh: 'list --all' }] },
  { name: 'uri', oursUri: 'xen:///system', steps: [{ virsh: 'uri' }] },
  { name: 'dominfo 0', steps: [{ virsh: 'dominfo 0' }] },
  { name: 'dominfo Domain-0', steps: [{ virsh: 'dominfo Domain-0' }] },
  { name: 'domstate --reason 0', steps: [{ virsh: 'domstate --reason 0' }] },
  { name: 'domid Domain-0', steps: [{ virsh: 'domid Domain-0' }] },
  { name: 'domname 0', steps: [{ virsh: 'domname 0' }] },
  { name: 'domuuid 0', steps: [{ virsh: 'domuuid 0' }] },
  { name: 'nodeinfo', steps: [{ virsh: 'nodeinfo' }] },
  { name: 'version', steps: [{ virsh: 'version' }] },
  { name: 'hostname', steps: [{ virsh: 'hostname' }] },
  { name: 'dumpxml 0', steps: [{ virsh: 'dumpxml 0' }] },
  { name: 'capabilities', steps: [{ virsh: 'capabilities' }] },
  { name: 'read-only: list --all, dominfo 0, nodeinfo', steps: [{ virsh: 'list --all', readOnly: true }, { virsh: 'dominfo 0', readOnly: true }, { virsh: 'nodeinfo', readOnly: true }] },

  // The xl config converter.
  { name: 'domxml-from-native xen-xl', steps: [{ virsh: `domxml-from-native xen-xl ${GUEST_CFG}` }] },
  { name: 'domxml-to-native xen-xl', steps: [{ virsh: `domxml-to-native xen-xl ${GUEST_XML}` }] },

  // A running guest.
  { name: 'create', steps: [{ virsh: `create ${GUEST_XML}` }, { sh: xlHas, expect: 'present\n' }, { virsh: 'list --all' }] },
  { name: 'domstate --reason (created)', steps: [{ virsh: `domstate --reason ${GUEST}` }] },
  { name: 'dominfo (guest)', steps: [{ virsh: `dominfo ${GUEST}` }] },
  { name: 'domid/domuuid (guest)', steps: [{ virsh: `domid ${GUEST}` }, { virsh: `domuuid ${GUEST}` }] },
  { name: 'dumpxml (guest)', steps: [{ virsh: `dumpxml ${GUEST}` }] },
  {
    name: 'read-only refusals',
    steps: [
      { virsh: `dominfo ${GUEST}`, readOnly: true },
      { virsh: `suspend ${GUEST}`, readOnly: true },
      { virsh: `destroy ${GUEST}`, readOnly: true },
      { virsh: `shutdown ${GUEST}`, readOnly: true },
      { virsh: `setmem ${GUEST} 65536`, readOnly: true },
      { virsh: `create ${GUEST_XML}`, readOnly: true },
      { virsh: `define ${GUEST_XML}`, readOnly: true },
      { sh: xlHas, expect: 'present\n' },
    ],
  },
  {
    name: 'suspend/resume',
    steps: [
      { virsh: `suspend ${GUEST}` },
      { virsh: `domstate --reason ${GUEST}` },
      { sh: `xl list ${GUEST} | awk 'NR==2{print $5}' | grep -o p`, expect: 'p\n' },
      { virsh: `resume ${GUEST}` },
      { virsh: `domstate --reason ${GUEST}` },
    ],
  },
  { name: 'setmem', steps: [{ virsh: `setmem ${GUEST} 102400` }, { sh: waitMemory(100) }, { virsh: `dominfo ${GUEST}` }] },
  { name: 'setmaxmem', steps: [{ virsh: `setmaxmem ${GUEST} 262144` }, { virsh: `dominfo ${GUEST}` }] },
  { name: 'setvcpus', steps: [{ virsh: `setvcpus ${GUEST} 1` }, { virsh: `setvcpus ${GUEST} 2` }, { virsh: `dominfo ${GUEST}` }] },
  { name: 'reboot', steps: [{ virsh: `reboot ${GUEST}` }, { sh: 'sleep 2' }, { sh: waitUp }, { virsh: `domstate --reason ${GUEST}` }] },
  { name: 'shutdown', steps: [{ virsh: `shutdown ${GUEST}` }, { sh: waitGone }, { sh: xlHas, expect: 'absent\n' }, { virsh: 'list --all' }] },
  {
    name: 'destroy',
    steps: [{ virsh: `create ${GUEST_XML}` }, { virsh: `destroy ${GUEST}` }, { sh: xlHas, expect: 'absent\n' }, { virsh: 'list --all' }],
  },

  // A persistent definition.
  {
    name: 'define/start/undefine',
    steps: [
      { virsh: `define ${GUEST_XML}` },
      { virsh: 'list --all' },
      { virsh: `dominfo ${GUEST}` },
      { virsh: `domstate --reason ${GUEST}` },
      { virsh: `start ${GUEST}` },
      { sh: xlHas, expect: 'present\n' },
      { virsh: 'list --all' },
      { virsh: `start ${GUEST}` },
      { virsh: `destroy ${GUEST}` },
      { virsh: `domstate --reason ${GUEST}` },
      { virsh: `undefine ${GUEST}` },
      { virsh: 'list --all' },
    ],
  },

  // save/restore: both sides save once the guest's kernel is up (libvirt 9's "Failed to save
  // domain with libxenlight" was a save during boot, which xl fails too), checked against xl.
  {
    name: 'save/restore',
    steps: [
      { virsh: `create ${GUEST_XML}` },
      { sh: waitBooted },
      { virsh: `save ${GUEST} ${SAVE_FILE}` },
      { sh: xlHas, expect: 'absent\n' },
      { virsh: `restore ${SAVE_FILE}` },
      { sh: xlHas, expect: 'present\n' },
      { virsh: 'list --all' },
      { virsh: `destroy ${GUEST}` },
      { sh: `rm -f ${SAVE_FILE}` },
    ],
  },

  // Errors.
  { name: 'error: dominfo of an unknown name', steps: [{ virsh: 'dominfo no-such-guest' }] },
  { name: 'error: dominfo of an unknown id', steps: [{ virsh: 'dominfo 4242' }] },
  { name: 'error: domstate of a domain gone', steps: [{ virsh: `domstate ${GUEST}` }] },
  { name: 'error: suspend of an unknown name', steps: [{ virsh: 'suspend no-such-guest' }] },
  { name: 'error: start and undefine of an unknown name', steps: [{ virsh: 'start no-such-guest' }, { virsh: 'undefine no-such-guest' }] },
  { name: 'error: create from a missing file', steps: [{ virsh: 'create /nonexistent/guest.xml' }] },
  { name: 'error: suspend Domain-0', steps: [{ virsh: 'suspend 0' }] },
  { name: 'error: domxml-from-native of an unknown format', steps: [{ virsh: `domxml-from-native xen-nonsense ${GUEST_CFG}` }] },
];

/** Commands timed side by side (median of several runs on the same boot), for the report. */
export const timed = ['list --all', 'dominfo 0'];

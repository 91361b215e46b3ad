import type { ConformanceCase } from './conformance-cases.js';
import { testDefaultScript as script, TEST_DEFAULT_ARGS as T } from './conformance-harness.js';

/**
 * Conformance cases for the snapshot commands. `libvirt-virsh-snapshot-*` are libvirt's own
 * tests/virsh-snapshot of libvirt/libvirt (commit 0dbfc3965c3abebdc388af2ddcc9bd46a73a63b2): its two
 * virsh runs, the script as written there; the expected output is virsh 9's live run, not the
 * script's (which is master's). Creation times and time-made names are masked by the harness.
 */

const LIBVIRT_SNAPSHOT_SCRIPT = `
  # Create a series of snapshots, with names that intentionally sort
  # differently by topology than by name. Use revert to create fanout.
  snapshot-create-as test s1
  snapshot-create-as test s1
  snapshot-create-as test s3
  snapshot-create-as test s2
  snapshot-revert test s3
  snapshot-create-as test s6
  snapshot-create-as test s5
  snapshot-revert test s6
  snapshot-create-as test s4
  snapshot-revert test s1
  snapshot-create-as test s7
  snapshot-create-as test s8
  # Checking tree view (siblings sorted alphabetically)
  snapshot-list test --tree
  # Current was last one created, but we can change that
  snapshot-current test --name
  snapshot-current test s1
  snapshot-current test --name
  # Deleting current root leads to multiple roots, demonstrate list filtering
  snapshot-delete test --current
  echo --err marker
  snapshot-current test --name
  echo --err marker
  snapshot-list test --roots
  snapshot-list test --leaves
  snapshot-list test --parent --no-leaves
  snapshot-list test --from s3
  snapshot-list test --from s3 --descendants --name
  # More fun with delete flags, current node moves up to remaining parent
  snapshot-current test s4
  snapshot-delete test --children-only s6
  snapshot-current test --name
  snapshot-delete test --children s7
  snapshot-current test --name
  snapshot-delete test s6
  snapshot-current test --name
  # Now the tree is linear, so we have an unambiguous topological order
  snapshot-list test --name
  snapshot-list test --name --topological
  # Capture some XML for later redefine
  echo "<!--MarkerA-->"
  snapshot-dumpxml test s3
  echo "<!--MarkerB-->"
  snapshot-dumpxml test s2
  echo "<!--MarkerC-->"
  # All done
`;

/** The second run of tests/virsh-snapshot, on standard input. */
const LIBVIRT_REDEFINE_INPUT = `  # Redefine must be in topological order; this will fail
  snapshot-create test --redefine s2.xml --validate
  echo --err marker
  # This is the right order
  snapshot-create test --redefine s3.xml --validate
  snapshot-create test --redefine s2.xml --current --validate
  snapshot-info test --current
`;

/** test:///default's domain as a snapshot records it (what snapshot-dumpxml prints inside). */
const TEST_DOMAIN = `  <domain type='test'>
    <name>test</name>
    <uuid>6695eb01-f6a4-8304-79aa-97f2502e193f</uuid>
    <memory unit='KiB'>8388608</memory>
    <currentMemory unit='KiB'>2097152</currentMemory>
    <vcpu placement='static'>2</vcpu>
    <os>
      <type arch='i686'>hvm</type>
      <boot dev='hd'/>
    </os>
    <clock offset='utc'/>
    <on_poweroff>destroy</on_poweroff>
    <on_reboot>restart</on_reboot>
    <on_crash>destroy</on_crash>
    <devices>
      <disk type='file' device='disk'>
        <source file='/guest/diskimage1'/>
        <target dev='vda' bus='virtio'/>
        <address type='pci' domain='0x0000' bus='0x01' slot='0x00' function='0x0'/>
      </disk>
      <interface type='network'>
        <mac address='aa:bb:cc:dd:ee:ff'/>
        <source network='default'/>
        <target dev='testnet0'/>
        <address type='pci' domain='0x0000' bus='0x00' slot='0x01' function='0x0'/>
      </interface>
      <memballoon model='virtio'>
        <address type='pci' domain='0x0000' bus='0x00' slot='0x02' function='0x0'/>
      </memballoon>
    </devices>
  </domain>
`;

/** A snapshot document as snapshot-dumpxml writes one (the files tests/virsh-snapshot cuts from its output). */
const snapshotXml = (name: string, state: string, time: number, parent?: string): string =>
  `<domainsnapshot>
  <name>${name}</name>
  <state>${state}</state>
${parent === undefined ? '' : `  <parent>\n    <name>${parent}</name>\n  </parent>\n`}  <creationTime>${time}</creationTime>
  <memory snapshot='${state === 'shutoff' ? 'no' : 'internal'}'/>
  <disks>
    <disk name='vda' snapshot='internal'/>
  </disks>
${TEST_DOMAIN}</domainsnapshot>
`;

const REDEFINE_FILES = {
  's3.xml': () => snapshotXml('s3', 'running', 1_700_000_003),
  's2.xml': () => snapshotXml('s2', 'running', 1_700_000_002, 's3'),
};
const UTC = { TZ: 'UTC' };

export const SNAPSHOT_CASES: ConformanceCase[] = [
  { name: 'libvirt-virsh-snapshot-script', args: ['--connect', 'test:///default', LIBVIRT_SNAPSHOT_SCRIPT] },
  { name: 'libvirt-virsh-snapshot-redefine', args: T, input: LIBVIRT_REDEFINE_INPUT, files: REDEFINE_FILES, env: { XDG_CACHE_HOME: '@TMP/cache' } },
  // redefined snapshots keep their times: listed in UTC and in another zone
  {
    name: 'snapshot-redefine-list-times',
    args: script('snapshot-create test --redefine s3.xml; snapshot-create test --redefine s2.xml --current; snapshot-list test; snapshot-list test --parent; snapshot-list test --tree; snapshot-info test s3; snapshot-dumpxml test s2'),
    files: REDEFINE_FILES,
    env: UTC,
  },
  {
    name: 'snapshot-list-timezone',
    args: script('snapshot-create test --redefine s3.xml; snapshot-list test'),
    files: REDEFINE_FILES,
    env: { TZ: 'America/St_Johns' },
  },
  // creation
  // one snapshot named by its creation time per run: two in the same second would clash
  { name: 'snapshot-create-default-name', args: script('snapshot-create-as test; snapshot-list test; snapshot-current test --name') },
  { name: 'snapshot-create-no-file', args: script('snapshot-create test; snapshot-list test --name; snapshot-info test --current') },
  { name: 'snapshot-create-as-description', args: script("snapshot-create-as test s1 --description 'a <b> & \"c\"'; snapshot-dumpxml test s1; snapshot-current test") },
  {
    name: 'snapshot-create-as-print-xml',
    args: script(
      "snapshot-create-as test --print-xml --name 'a<b' --description 'x&y' --memspec file=/m,snapshot=external --diskspec vda,snapshot=external,driver=qcow2,file=/x --diskspec vdb; snapshot-create-as test --print-xml --memspec /abs; snapshot-create-as test --print-xml --diskspec vda,stype=block,file=/dev/x; snapshot-create-as test --print-xml --diskspec 'a,,b,snapshot=no'",
    ),
  },
  {
    name: 'snapshot-create-as-spec-errors',
    args: script("snapshot-create-as test --print-xml --memspec bad; snapshot-create-as test --print-xml --diskspec 'a,b'; snapshot-create-as test --print-xml --no-metadata; snapshot-create-as test --memspec x --memspec y"),
  },
  {
    name: 'snapshot-create-flag-errors',
    args: script('snapshot-create-as test --disk-only; snapshot-create-as test --no-metadata; snapshot-create-as test --reuse-external; snapshot-create test --no-metadata; snapshot-list test'),
  },
  { name: 'snapshot-create-names', args: script("snapshot-create-as test a/b; snapshot-create-as test 'a\nb'; snapshot-create-as test ' '; snapshot-list test; snapshot-list test --name; snapshot-list test --tree") },
  { name: 'snapshot-create-halt', args: script('snapshot-create-as test x1 --halt; list --all; snapshot-info test x1; snapshot-create-as test x2 --halt; snapshot-list test --parent; domstate test --reason') },
  { name: 'snapshot-create-paused-and-off', args: script('suspend test; snapshot-create-as test p; destroy test; snapshot-create-as test off; snapshot-list test --parent; snapshot-info test off; snapshot-dumpxml test off') },
  { name: 'snapshot-create-nosuch-domain', args: script('snapshot-create-as nosuch; snapshot-create nosuch; snapshot-list nosuch; snapshot-info nosuch s') },
  { name: 'snapshot-readonly', args: ['-r', ...script('snapshot-create-as test s; snapshot-list test; snapshot-revert test s; snapshot-delete test s')] },
  // snapshot-create from files: bad documents and descriptions
  {
    name: 'snapshot-create-xml-errors',
    args: script('snapshot-create test root.xml; snapshot-create test broken.xml; snapshot-create test memory.xml; snapshot-create test manual.xml; snapshot-create test nodisk.xml; snapshot-create test twice.xml; snapshot-create test relative.xml; snapshot-create test nosuch.xml; snapshot-list test'),
    files: {
      'root.xml': () => '<foo/>\n',
      'broken.xml': () => '<domainsnapshot><name>x</name>\n',
      'memory.xml': () => "<domainsnapshot><name>x</name><memory snapshot='bogus'/></domainsnapshot>\n",
      'manual.xml': () => "<domainsnapshot><name>x</name><memory snapshot='manual'/></domainsnapshot>\n",
      'nodisk.xml': () => "<domainsnapshot><name>x</name><disks><disk name='vdz'/></disks></domainsnapshot>\n",
      'twice.xml': () => "<domainsnapshot><name>x</name><disks><disk name='vda'/><disk name='/guest/diskimage1'/></disks></domainsnapshot>\n",
      'relative.xml': () => "<domainsnapshot><name>x</name><memory file='m'/></domainsnapshot>\n",
    },
  },
  {
    name: 'snapshot-create-xml-accepted',
    args: script('snapshot-create test plain.xml; snapshot-create test ignored.xml; snapshot-dumpxml test ignored; snapshot-create test disk.xml; snapshot-dumpxml test d'),
    files: {
      'plain.xml': () => '<domainsnapshot/>\n',
      'ignored.xml': () => '<domainsnapshot><name>ignored</name><state>bogus</state><creationTime>x</creationTime><parent><name>none</name></parent><bogus/></domainsnapshot>\n',
      'disk.xml': () => "<domainsnapshot><name>d</name><disks><disk name='/guest/diskimage1' snapshot='internal'/></disks></domainsnapshot>\n",
    },
  },
  {
    name: 'snapshot-redefine-errors',
    args: script(
      'snapshot-create test --redefine noname.xml; snapshot-create test --redefine notime.xml; snapshot-create test --redefine nostate.xml; snapshot-create test --redefine badstate.xml; snapshot-create test --redefine self.xml; snapshot-create test --redefine orphan.xml; snapshot-create test --redefine uuid.xml; snapshot-create test --redefine s3.xml; snapshot-create test --redefine offline.xml; snapshot-list test',
    ),
    files: {
      ...REDEFINE_FILES,
      'noname.xml': () => '<domainsnapshot><state>running</state></domainsnapshot>\n',
      'notime.xml': () => '<domainsnapshot><name>n</name><state>running</state></domainsnapshot>\n',
      'nostate.xml': () => '<domainsnapshot><name>n</name><creationTime>1</creationTime></domainsnapshot>\n',
      'badstate.xml': () => '<domainsnapshot><name>n</name><creationTime>1</creationTime><state>nostate</state></domainsnapshot>\n',
      'self.xml': () => snapshotXml('s', 'running', 1_700_000_000, 's'),
      'orphan.xml': () => snapshotXml('o', 'running', 1_700_000_000, 'nosuch'),
      'uuid.xml': () => snapshotXml('u', 'running', 1_700_000_000).replace('6695eb01-f6a4-8304-79aa-97f2502e193f', '00000000-0000-0000-0000-000000000001'),
      'offline.xml': () => snapshotXml('s3', 'shutoff', 1_700_000_000).replace("<memory snapshot='no'/>", ''),
    },
    env: UTC,
  },
  // listing
  {
    name: 'snapshot-list-option-errors',
    args: script(
      'snapshot-list test --tree --name; snapshot-list test --parent --roots; snapshot-list test --parent --tree; snapshot-list test --roots --tree; snapshot-list test --roots --from s; snapshot-list test --roots --current; snapshot-list test --tree --leaves; snapshot-list test --tree --external; snapshot-list test --descendants; snapshot-list test --from nosuch; snapshot-list test --current',
    ),
  },
  {
    name: 'snapshot-list-filters',
    args: script(
      'snapshot-create-as test a; snapshot-create-as test b; snapshot-revert test a; snapshot-create-as test c; suspend test; snapshot-create-as test d; destroy test; snapshot-create-as test e; snapshot-list test --roots --name; snapshot-list test --leaves --name; snapshot-list test --no-leaves --name; snapshot-list test --leaves --no-leaves --name; snapshot-list test --metadata --name; snapshot-list test --no-metadata --name; snapshot-list test --metadata --no-metadata --name; snapshot-list test --inactive --name; snapshot-list test --active --name; snapshot-list test --disk-only --name; snapshot-list test --internal --name; snapshot-list test --external --name; snapshot-list test --from a --name; snapshot-list test --from a --descendants --name; snapshot-list test --current --name; snapshot-list test --current --descendants --name; snapshot-list test --from a --tree; snapshot-list test --tree; snapshot-list test --topological --name; snapshot-list test --from c --topological --descendants --name',
    ),
  },
  { name: 'snapshot-list-empty', args: script('snapshot-list test; snapshot-list test --tree; snapshot-list test --name; snapshot-list test --parent') },
  { name: 'snapshot-list-quiet', args: ['-q', ...script('snapshot-create-as test s1; snapshot-create-as test s2; snapshot-list test; snapshot-list test --tree; snapshot-info test s1; snapshot-revert test s1; snapshot-delete test s2; snapshot-current test s1')] },
  { name: 'snapshot-list-domain-filter', args: script('list --with-snapshot; list --without-snapshot; snapshot-create-as test s; list --with-snapshot --name; list --without-snapshot --name; list --with-snapshot --without-snapshot --name') },
  // info, current, parent, dumpxml
  {
    name: 'snapshot-info-current-parent',
    args: script(
      'snapshot-info test; snapshot-info test --current; snapshot-current test; snapshot-current test --name; snapshot-create-as test s1; snapshot-create-as test s2; snapshot-info test s1; snapshot-info test --current; snapshot-info test --current s1; snapshot-info test nosuch; snapshot-parent test s2; snapshot-parent test --current; snapshot-parent test s1; snapshot-parent test; snapshot-parent test nosuch; snapshot-current test --name --snapshotname s1; snapshot-current test nosuch; snapshot-current test s1; snapshot-current test --name; snapshot-current test --security-info --name',
    ),
  },
  { name: 'snapshot-dumpxml', args: script('snapshot-create-as test s1; snapshot-dumpxml test s1 --security-info; snapshot-dumpxml test nosuch; snapshot-dumpxml nosuch s1; snapshot-dumpxml test; snapshot-dumpxml --snapshotname s1 --domain test') },
  // revert and delete
  {
    name: 'snapshot-revert-transitions',
    args: script(
      'snapshot-create-as test s1; snapshot-create-as test s3; snapshot-revert test s1; domstate test --reason; suspend test; snapshot-create-as test p1; resume test; snapshot-revert test p1; domstate test --reason; snapshot-revert test s1; domstate test --reason; snapshot-revert test p1 --running; domstate test --reason; snapshot-revert test s1 --paused; domstate test --reason; destroy test; snapshot-create-as test off1; snapshot-revert test s1; domstate test --reason; snapshot-revert test off1; domstate test --reason; snapshot-revert test off1 --running; domstate test --reason; snapshot-revert test p1; domstate test --reason; snapshot-revert test off1 --running; snapshot-revert test off1 --running --force; domstate test --reason; snapshot-list test --parent; snapshot-current test --name',
    ),
  },
  { name: 'snapshot-revert-errors', args: script('snapshot-revert test; snapshot-revert test nosuch; snapshot-create-as test s1; snapshot-revert test s1 --reset-nvram; snapshot-revert test --current s1; snapshot-revert test --current') },
  {
    name: 'snapshot-delete-flags',
    args: script(
      'snapshot-create-as test a; snapshot-create-as test b; snapshot-create-as test c; snapshot-revert test a; snapshot-create-as test d; snapshot-delete test a --metadata; snapshot-delete test nosuch; snapshot-delete test; snapshot-delete test b; snapshot-list test --parent; snapshot-current test --name; snapshot-delete test a --children-only; snapshot-list test --name; snapshot-current test --name; snapshot-delete test --current --children; snapshot-list test; snapshot-current test --name',
    ),
  },
  { name: 'snapshot-undefine-with-snapshots', args: script('destroy test; snapshot-create-as test s; undefine test; list --all; snapshot-delete test s; undefine test; list --all') },
  // snapshot-edit with $EDITOR a non-interactive command: virsh 9 asks nothing off a terminal
  {
    name: 'snapshot-edit-unchanged-and-errors',
    env: { EDITOR: 'true' },
    args: script(
      'snapshot-create-as test s1; snapshot-create-as test s2; snapshot-edit test s1; snapshot-edit test --current; snapshot-edit test; snapshot-edit test nosuch; snapshot-edit nosuch s1; snapshot-edit test s1 --rename --clone; snapshot-edit test s1 --current; snapshot-current test --name',
    ),
  },
  {
    name: 'snapshot-edit-description',
    env: { EDITOR: "sed -i 's|<name>s1</name>|<name>s1</name><description>edited</description>|'" },
    args: script('snapshot-create-as test s1; snapshot-create-as test s2; snapshot-edit test s1; snapshot-dumpxml test s1; snapshot-current test --name; snapshot-edit test --current'),
    dropLines: /<creationTime/,
  },
  {
    // the test driver refuses a metadata-only delete, so a rename fails to clean up, as on virsh 9
    name: 'snapshot-edit-rename-and-clone',
    env: { EDITOR: "sed -i 's/<name>s1/<name>s9/'" },
    args: script('snapshot-create-as test s1; snapshot-edit test s1; snapshot-edit test s1 --rename; snapshot-edit test s1 --clone; snapshot-list test --name; snapshot-edit test s1 --clone --current'),
  },
  { name: 'snapshot-edit-quiet', env: { EDITOR: 'true' }, args: ['-q', ...script('snapshot-create-as test s1; snapshot-edit test s1')] },
  // help
  {
    name: 'help-snapshot',
    args: script(
      'help snapshot; help snapshot-create; help snapshot-create-as; help snapshot-current; help snapshot-delete; help snapshot-dumpxml; help snapshot-edit; help snapshot-info; help snapshot-list; help snapshot-parent; help snapshot-revert',
    ),
  },
];

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { allCommands } from '../src/commands/table.js';
import { ScriptTokens } from '../src/parse/tokens.js';
import type { ConformanceCase } from './conformance-cases.js';
import { inputsDir } from './conformance-harness.js';

/**
 * libvirt's own virsh tests, transcribed: every test of tests/virshtest.c (with the
 * tests/virshtestdata/*.in scripts it runs) and of the tests/virsh-* scripts, run through
 * Debian's virsh 9 and ours by the conformance suite. Each case names where it comes from;
 * fixtures/libvirt/SOURCE.md lists the commit each file was read at. libvirt's expected
 * outputs (.out) are not used: virsh 9's live run is the reference.
 *
 * A script whose lines do not depend on each other is one case per command line (comment
 * `echo` lines go with the command after them); a script that changes state runs whole.
 * `@LIBVIRT` is test/fixtures/libvirt/ (libvirt's examples/xml/test node files and the
 * virshtestdata files the tests name).
 */
export interface TranscribedCase extends ConformanceCase {
  origin: { file: string; test: string };
}

/** What libvirt's tests use that our virsh lacks: a command, or `command --option`. */
export const PENDING: readonly string[] = [
];

/**
 * Cases that still differ from virsh 9 on commands we have, with what differs: left out of
 * the conformance run until fixed (the count in libvirt-virsh-pending.test.ts reports them).
 */
export const DIFFERING: Readonly<Record<string, string>> = {};

const DEFAULT = ['--connect', 'test:///default'];
const CUSTOM = ['--connect', 'test://@LIBVIRT/testnode.xml'];
const VIRSHTEST = 'tests/virshtest.c';
const data = (name: string) => `tests/virshtestdata/${name}`;

const argvCase = (file: string, test: string, args: string[], extra: Partial<ConformanceCase> = {}): TranscribedCase => ({
  name: `libvirt-${test}`,
  args,
  origin: { file, test },
  ...extra,
});

/** virshtest.c's DO_TEST: numbered within a counter prefix, on test:///default. */
const numbered = (prefix: string, argvs: string[][]): TranscribedCase[] =>
  argvs.map((argv, i) => argvCase(VIRSHTEST, `${prefix}${i + 1}`, [...DEFAULT, ...argv]));

/** A DO_TEST_SCRIPT run whole: the .in file is virsh's one script argument. */
const wholeScript = (name: string, args: string[], text: string, extra: Partial<ConformanceCase> = {}): TranscribedCase =>
  argvCase(`${VIRSHTEST} + ${data(`${name}.in`)}`, name, [...args, text], extra);

/**
 * A DO_TEST_SCRIPT one command line at a time, named by the line's number in the .in file.
 * With `proseEchoes`, `echo` lines are comments and run with the command after them.
 */
function scriptLines(name: string, args: string[], text: string, proseEchoes = false, inFile = `${name}.in`): TranscribedCase[] {
  const cases: TranscribedCase[] = [];
  let held: string[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    if (proseEchoes && line.startsWith('echo ')) {
      held.push(line);
      return;
    }
    cases.push(argvCase(`${VIRSHTEST} + ${data(inFile)}`, `${name}-line${i + 1}`, [...args, [...held, line].join('\n')]));
    held = [];
  });
  return cases;
}

const ECHO_SPECIALS = ['a', 'A', '0', '+', '*', ';', '.', "'", '"', '/', '?', '=', ' ', '\n', '<', '>', '&'];

// The .in scripts, as in tests/virshtestdata/.
const INFO_DEFAULT_IN = 'list\nnodeinfo\n';
const DOMAIN_ID_IN =
  'dominfo ef861801-45b9-11cb-88e3-afbfe5370493\ndominfo fc4\ndominfo fc5\n\ndomid fc4\ndomid ef861801-45b9-11cb-88e3-afbfe5370493\n\ndomuuid 2\ndomuuid fc4\n\ndomname 2\ndomname ef861801-45b9-11cb-88e3-afbfe5370493\n\ndomstate 2\ndomstate ef861801-45b9-11cb-88e3-afbfe5370493\ndomstate fc4\n\ndomcontrol fc4\n';
const BLKIOTUNE_IN =
  'blkiotune fv0\nblkiotune fv0 --weight 500 --device-weights /dev/hda,1000 --device-read-iops-sec /dev/hda,1000 --device-write-iops-sec /dev/hda,1000 --device-read-bytes-sec /dev/hda,1000 --device-write-bytes-sec /dev/hda,1000\nblkiotune fv0\n';
const IOTHREADS_IN =
  'iothreadinfo --domain fc4\niothreadadd --domain fc4 --id 6\niothreadinfo --domain fc4\niothreaddel --domain fc4 --id 2\niothreadinfo --domain fc4\n\ndomstats --domain fc4\niothreadset --domain fc4 --id 6 --poll-max-ns 100 --poll-shrink 10 --poll-grow 10\ndomstats --domain fc4\niothreadset --domain fc4 --id 6 --poll-weight 3\ndomstats --domain fc4\n\niothreadadd --domain fc5 --id 2\niothreadinfo --domain fc5\niothreadpin --domain fc5 --iothread 2 --cpulist 0\niothreadinfo --domain fc5\n';
const ECHO_ESCAPING_IN =
  'echo         a A 0 + * . \\\' / ? =  < > &\necho --xml   a A 0 + * . \\\' / ? =  < > &\necho --shell a A 0 + * . \\\' / ? =  < > &\necho ""\necho --shell\necho --xml\necho --shell\necho \'\'\necho --shell ""\necho --xml \'\'\necho --shell ""\'\'\n';
const ECHO_ALIAS_IN = 'echo --string hello\necho --str hello\necho --hi;\n';
const HELP_OPTION_IN = 'help echo\necho --help\necho --help=data\necho --help data\n';
const ECHO_SPLIT_IN =
  'echo --split a,b,,c,,,d,,,,e,,,,,f,,,,,,e\necho --split ,a,b,,c,,,d,,,,e,,,,,f,,,,,,e,\necho --split ,,a,b,,c,,,d,,,,e,,,,,f,,,,,,e,,\necho --split ,,,a,b,,c,,,d,,,,e,,,,,f,,,,,,e,,,\necho --split ,,,,a,b,,c,,,d,,,,e,,,,,f,,,,,,e,,,,\n';
const ARGUMENT_ASSIGNMENT_IN = [
  'test 2',
  '--domain test 2',
  '--domain=test 2',
  'test --count 2',
  'test --count=2',
  '--domain test --count 2',
  '--domain=test --count 2',
  '--domain test --count=2',
  '--domain=test --count=2',
  '--count 2 --domain test',
  '--count 2 --domain=test',
  '--count=2 --domain test',
  '--count=2 --domain=test',
  '--count 2 test',
  '--count=2 test',
]
  .map((a) => `setvcpus ${a}\n`)
  .join('');
const SNAPSHOT_CREATE_ARGS_IN = [
  'test name desc vda vdb',
  'test name desc --diskspec vda vdb',
  'test name desc --diskspec vda --diskspec vdb',
  'test name desc vda vdb',
  'test --diskspec vda name --diskspec vdb desc',
  '--description desc --name name --domain test vda vdb',
  '--description desc --diskspec vda --name name --domain test vdb',
  'test name vda vdb',
  'test --diskspec vda,file=a&b,,c,snapshot=external --description 1<2 --diskspec vdb --memspec file=d,,e',
]
  .map((a) => `snapshot-create-as --print-xml ${a}\n`)
  .join('');
const NUMERIC_PARSING_IN = `echo Test a regular numeric option

echo Non-numeric value
cpu-stats test --start abc

echo Numeric value with invalid suffix
cpu-stats test --start 42WB

echo Numeric value with valid suffix. Suffixes are not supported for
echo regular numeric options, so this value is rejected
cpu-stats test --start 42MB

echo Numeric value bigger than INT_MAX
cpu-stats test --start 2147483648

echo Negative numeric value. The value is not valid for the command
echo we are testing, but it has been parsed correctly
cpu-stats test --start -1

echo Test a scaled numeric option

echo Non-numeric value
setmaxmem test abc

echo Numeric value with invalid suffix
setmaxmem test 42WB

echo Numeric value with valid suffix
setmaxmem test 42MB --config

echo Numeric value bigger than INT_MAX. No failure here because
echo scaled numeric values are unsigned long long
setmaxmem test 2147483648 --config

echo Negative numeric value
setmaxmem test -1

echo Zero. The value is not valid for the command were testing, but
echo it has been parsed correctly
setmaxmem test 0

echo Numeric value
setmaxmem test 42 --config
`;
const NUMERIC_PARSING_EVENT_IN = `echo Test the <timeout> option (numeric option converted to ms)

echo Non-numeric value
event --all --timeout abc

echo Numeric value that is too big to be converted to ms and still
echo fit inside an int
event --all --timeout 2147484

echo Numeric value with invalid suffix
event --all --timeout 42WB

echo Numeric value with valid suffix. Suffixes are not supported for
echo the <timeout> option, so this value is rejected
event --all --timeout 42MB

echo Negative value
event --all --timeout -1

echo Zero. This is not a valid timeout, but the value is parsed
echo correctly
event --all --timeout 0

echo Numeric value. No events will be received and the command will
echo fail after a second, but the value has been parsed correctly
event --all --timeout 1
`;
/** tests/virshtestdata/vcpupin.in (the vcpu conformance cases also run it whole). */
export const VCPUPIN_IN = `echo Invalid syntax.
vcpupin test a 0,1

echo An out-of-range vCPU number deserves a diagnostic, too.
vcpupin test 100 0,1

echo Negative number
vcpupin test -100 0,1

echo missing argument
vcpupin test --cpulist 0,1

echo An out-of-range vCPU number when get information with live flag
vcpupin test 100 --live

echo An out-of-range vCPU number when get information without flag
vcpupin test 100

echo An out-of-range vCPU number when get information with config flag
vcpupin test 100 --config

echo An out-of-range vCPU number when get information with current flag
vcpupin test 100 --current
`;
const LIFECYCLE_IN = `list --all

echo test failure when starting already running guest
start fv0

echo undefine a running domain - by domain name
dominfo fc4
undefine fc4
dominfo fc4
shutdown fc4
dominfo fc4

echo undefine a running domain - by domain id
dominfo 3
undefine 3
dominfo 3
shutdown 3
dominfo fc5

echo shutdown then undefine
shutdown fv0
undefine fv0
dominfo fv0
`;
const SNAPSHOT_IN = `echo Create a series of snapshots, with names that intentionally sort
echo differently by topology than by name. Use revert to create fanout.
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

echo checkpoints cannot be created while snapshots exist
checkpoint-create-as test c1

echo Checking tree view (siblings sorted alphabetically)
snapshot-list test --tree

echo Current was last one created, but we can change that
snapshot-current test --name
snapshot-current test s1
snapshot-current test --name

echo Deleting current root leads to multiple roots, demonstrate list filtering
snapshot-delete test --current
snapshot-current test --name

echo list roots
snapshot-list test --roots --name
echo list leaves
snapshot-list test --leaves --name
echo list no-leaves
snapshot-list test --parent --no-leaves --name
echo list from
snapshot-list test --from s3 --name
snapshot-list test --from s3 --descendants --name

echo More fun with delete flags, current node moves up to remaining parent
snapshot-current test s4
snapshot-delete test --children-only s6
snapshot-current test --name
snapshot-delete test --children s7
snapshot-current test --name
snapshot-delete test s6
snapshot-current test --name

echo Now the tree is linear, so we have an unambiguous topological order
snapshot-list test --name
snapshot-list test --name --topological
snapshot-dumpxml test s3
snapshot-dumpxml test s2
`;
const CHECKPOINT_IN = `echo Create a series of checkpoints, with names that intentionally sort
echo differently by topology than by name. For now, it is not possible
echo to create fanout without hacking through redefines.
checkpoint-create-as test c1
checkpoint-create-as test c1
checkpoint-create-as test c3
checkpoint-create-as test c2

echo snapshots cannot be created while checkpoints exist
snapshot-create-as test s1

echo Checking tree view (siblings sorted alphabetically)
checkpoint-list test --tree

echo Demonstrate list filtering
checkpoint-list test --roots --name
checkpoint-list test --leaves --name
checkpoint-list test --parent --no-leaves --name
checkpoint-list test --from c3 --name
checkpoint-list test --from c1 --descendants --name

echo Now the tree is linear, so we have an unambiguous topological order
checkpoint-list test --name
checkpoint-list test --name --topological

echo validate XML
checkpoint-delete test c1
checkpoint-dumpxml test c3
checkpoint-dumpxml test c2

echo Deleting current checkpoint moves current up to remaining parent
checkpoint-delete test --children-only c3
checkpoint-list test --leaves --name
checkpoint-delete test --children c3
checkpoint-list test --leaves --name
`;
const SCRIPT_FRIENDLY_OPTIONS_IN =
  'echo "Following script-friendly outputs of commands must not change"\nlist --uuid;\nlist --uuid --all;\nlist --name;\nlist --name --all;\nlist --uuid --name --all;\ndomstate fv0\ndomstate fv0 --reason\ndomname ef861801-45b9-11cb-88e3-afbfe5370493\ndomid fv0\ndomstats fv0\n';
const COMPLETION_IN = `complete -- ech
complete -- echo
complete -- echo ''
complete -- echo --xm --s
complete -- echo --nonexistant-arg --xml
complete -- echo --nonexistant-arg --xml ''
complete -- echo --nonexistant-arg --prefix
complete -- echo --nonexistant-arg --prefix ''
complete -- domstats --domain
complete -- domstats --domain ''
complete -- domstats --domain f
complete -- domstats --domain fc --domain fv
complete -- domstats --domain fv --domain fc ''
complete -- domstats --domain fc fv
complete -- domstate ''
complete -- domstate fv
`;

/** The attach-disk.in lines (the words after `attach-disk`); tests/virsh-output-commands had them first. */
export const ATTACH_DISK_LINES = [
  '--print-xml --domain testdom --source /nonexistent/file --target hda',
  '--print-xml --domain testdom --source /nonexistent/file --target hda --sourcetype file',
  '--print-xml --domain testdom --source /nonexistent/file --target hda --sourcetype block',
  '--print-xml --domain testdom --source /nonexistent/file --target hda --sourcetype nothing',
  '--print-xml --domain testdom --source /nonexistent/file --target hda --sourcetype file --type disk',
  '--print-xml --domain testdom --source /nonexistent/file --target hda --sourcetype block --type disk',
  '--print-xml --domain testdom --source /nonexistent/file --target hda --sourcetype file --type cdrom',
  '--print-xml --domain testdom --source /nonexistent/file --target hda --sourcetype block --type cdrom',
  '--print-xml --domain testdom --source /nonexistent/file --target hda --sourcetype file --type blah',
  '--print-xml --domain testdom --source /nonexistent/file --target hda --sourcetype block --type blah',
  '--print-xml --domain testdom --source /nonexistent/file --target hda --sourcetype file --type disk --driver testdriver',
  '--print-xml --domain testdom --source /nonexistent/file --target hda --sourcetype file --type disk --subdriver qcow2',
  '--print-xml --domain testdom --source /nonexistent/file --target hda --sourcetype file --type disk --subdriver raw',
  '--print-xml --domain testdom --source /nonexistent/file --target hda --sourcetype file --type disk --cache none',
  '--print-xml --domain testdom --source /nonexistent/file --target hda --sourcetype file --type disk --subdriver qcow2 --cache none',
  '--print-xml --domain testdom --source /nonexistent/file --target hda --sourcetype file --type disk --subdriver qcow2 --serial TEST_SERIAL',
  '--print-xml --domain testdom --source /nonexistent/file --target hda --sourcetype file --type disk --mode readonly',
  '--print-xml --domain testdom --source /nonexistent/file --target hda --sourcetype file --type disk --mode shareable',
  '--print-xml --domain testdom --source /nonexistent/file --target hda --sourcetype file --type disk --mode whatever',
  '--print-xml --domain testdom --source /nonexistent/file --target hda --sourcetype file --type disk --subdriver qcow2 --alias testalias',
  '--print-xml --domain testdom --source /nonexistent/file --target hda --sourcetype file --type disk --rawio',
  '--print-xml --domain testdom --source /nonexistent/file --target hda --sourcetype file --type disk --multifunction',
  '--print-xml --domain testdom --source /nonexistent/file --target hda --sourcetype file --type disk --subdriver qcow2 --alias testalias --iothread 3 --mode readonly --cache none --driver qemu',
  '--print-xml --domain testdom --source /nonexistent/file --target hda --sourcetype file --type disk --address ide:1.2.3',
  '--print-xml --domain testdom --source /nonexistent/file --target hda --sourcetype file --type disk --address ide:1.2.4',
  '--print-xml --domain testdom --source /nonexistent/file --target hda --sourcetype file --type disk --address ide:1:2:5',
  '--print-xml --domain testdom --source /nonexistent/file --target sda --sourcetype file --type disk --address ide:1.2.3',
  '--print-xml --domain testdom --source /nonexistent/file --target vda --sourcetype file --type disk --address ide:1.2.3',
  '--print-xml --domain testdom --source /nonexistent/file --target sda --sourcetype file --type disk --address usb:12.34',
  '--print-xml --domain testdom --source /nonexistent/file --target sda --sourcetype file --type disk --address usb:12.3',
  '--print-xml --domain testdom --source /nonexistent/file --target sda --sourcetype file --type disk --address usb:12:34',
  '--print-xml --domain testdom --source /nonexistent/file --target vda --sourcetype file --type disk --address usb:12.34',
  '--print-xml --domain testdom --source /nonexistent/file --target hda --sourcetype file --type disk --address usb:12.34',
  '--print-xml --domain testdom --source /nonexistent/file --target sda --sourcetype file --type disk --address scsi:1.2.3',
  '--print-xml --domain testdom --source /nonexistent/file --target sda --sourcetype file --type disk --address scsi:1.2.4',
  '--print-xml --domain testdom --source /nonexistent/file --target sda --sourcetype file --type disk --address scsi:1:2:5',
  '--print-xml --domain testdom --source /nonexistent/file --target hda --sourcetype file --type disk --address scsi:1.2.3',
  '--print-xml --domain testdom --source /nonexistent/file --target vda --sourcetype file --type disk --address scsi:1.2.3',
  '--print-xml --domain testdom --source /nonexistent/file --target sda --sourcetype file --type disk --address sata:1.2.3',
  '--print-xml --domain testdom --source /nonexistent/file --target sda --sourcetype file --type disk --address sata:1.2.4',
  '--print-xml --domain testdom --source /nonexistent/file --target sda --sourcetype file --type disk --address sata:1:2:5',
  '--print-xml --domain testdom --source /nonexistent/file --target hda --sourcetype file --type disk --address sata:1.2.3',
  '--print-xml --domain testdom --source /nonexistent/file --target vda --sourcetype file --type disk --address sata:1.2.3',
  '--print-xml --domain testdom --source /nonexistent/file --target vda --sourcetype file --type disk --address pci:12.34.56.78',
  '--print-xml --domain testdom --source /nonexistent/file --target vda --sourcetype file --type disk --address pci:12:34:56:78',
  '--print-xml --domain testdom --source /nonexistent/file --target vda --sourcetype file --type disk --address pci:12.34.56.aa',
  '--print-xml --domain testdom --source /nonexistent/file --target hda --sourcetype file --type disk --address pci:12.34.56.aa',
  '--print-xml --domain testdom --source /nonexistent/file --target sda --sourcetype file --type disk --address pci:12.34.56.aa',
  '--print-xml --domain testdom --source /nonexistent/file --target vda --sourcetype file --type disk --address pci:12.34.56.78 --multifunction',
  '--print-xml --domain testdom --source /nonexistent/file --target vda --sourcetype file --type disk --address pci:12:34:56:78 --multifunction',
  '--print-xml --domain testdom --source /nonexistent/file --target vda --sourcetype file --type disk --address pci:12.34.56.aa --multifunction',
  '--print-xml --domain testdom --source /nonexistent/file --target vda --sourcetype file --type disk --address ccw:12.34.56',
  '--print-xml --domain testdom --source /nonexistent/file --target vda --sourcetype file --type disk --address ccw:12:34:56',
  '--print-xml --domain testdom --source /nonexistent/file --target vda --sourcetype file --type disk --address ccw:12.34.56',
  '--print-xml --domain testdom --source /nonexistent/file --target hda --sourcetype file --type disk --address ccw:12.34.56',
  '--print-xml --domain testdom --source /nonexistent/file --target sda --sourcetype file --type disk --address ccw:12.34.56',
  '--print-xml --domain testdom --source /nonexistent/file --target vda --sourcetype file --type disk --address test:12.34.56',
  '--print-xml --domain testdom --source /nonexistent/file --target vda --sourcetype file --type disk --address test:12:34:56',
  '--print-xml --domain testdom --source /nonexistent/file --target vda --sourcetype file --type disk --address test:12.34.56',
  '--print-xml --domain testdom --source /nonexistent/file --target hda --source-protocol AAA --sourcetype file',
  '--print-xml --domain testdom --source /nonexistent/file --target hda --sourcetype network',
  '--print-xml --domain testdom --source /nonexistent/file --target hda --sourcetype network --source-protocol TEST --source-host-name hostname',
  '--print-xml --domain testdom --source /nonexistent/file --target hda --sourcetype network --source-protocol TEST --source-host-name hostname:port',
  '--print-xml --domain testdom --source /nonexistent/file --target hda --sourcetype network --source-protocol TEST --source-host-name hostname:',
  '--print-xml --domain testdom --source /nonexistent/file --target hda --sourcetype network --source-protocol TEST --source-host-name :port',
  '--print-xml --domain testdom --source /nonexistent/file --target hda --sourcetype network --source-protocol TEST --source-host-name :',
  '--print-xml --domain testdom --source /nonexistent/file --target hda --sourcetype network --source-protocol TEST --source-host-name hostname:port --source-host-transport trnsp',
  '--print-xml --domain testdom --source /nonexistent/file --target hda --sourcetype network --source-protocol TEST --source-host-transport trnsp',
  '--print-xml --domain testdom --source /nonexistent/file --target hda --sourcetype network --source-protocol TEST --source-host-transport trnsp --source-host-socket /nonexistent/socket',
  '--print-xml --domain testdom --source /nonexistent/file --target hda --sourcetype network --source-protocol TEST --source-host-socket /nonexistent/socket',
];

/** test:///default's `dumpxml 1`, the input the virsh-cpuset and virsh-read-bufsiz scripts edit. */
const defaultDumpxml = () => readFileSync(join(inputsDir, 'dumpxml-test-default.xml'), 'utf8');

/** The domain testVirshPipe (virshtest.c) writes into a pipe after 140 KiB of blanks. */
const PIPE_DOMAIN =
  "<domain type='test' id='2'>\n  <name>t2</name>\n  <uuid>004b96e1-2d78-c30f-5aa5-000000000000</uuid>\n  <memory>8388608</memory>\n  <vcpu>2</vcpu>\n  <os>\n    <type>xen</type>\n  </os>\n</domain>\n";
/** virsh-read-non-seekable's domain. */
const NON_SEEKABLE_DOMAIN =
  "<domain type='test' id='2'>\n  <name>t2</name>\n  <uuid>004b96e1-2d78-c30f-5aa5-000000000000</uuid>\n  <memory>8388608</memory>\n  <vcpu>2</vcpu>\n  <os>\n    <type>xen</type>\n  </os>\n  <on_reboot>restart</on_reboot>\n  <on_poweroff>destroy</on_poweroff>\n  <on_crash>restart</on_crash>\n</domain>\n";
/** virsh-define-dev-segfault's domain (from Cole Robinson). */
const DEV_SEGFAULT_DOMAIN = `<domain type='test'>
  <name>D</name>
  <uuid>aaa3ae22-fed2-bfbd-ac02-3bea3bcfad82</uuid>
  <memory unit='KiB'>262144</memory>
  <currentMemory unit='KiB'>262144</currentMemory>
  <vcpu placement='static'>1</vcpu>
  <os>
    <type arch='i686' machine='pc'>hvm</type>
    <boot dev='cdrom'/>
  </os>
  <features>
    <acpi/>
  </features>
  <clock offset='utc'/>
  <on_poweroff>destroy</on_poweroff>
  <on_reboot>restart</on_reboot>
  <on_crash>destroy</on_crash>
  <devices>
    <emulator>/usr/bin/qemu-system-i386</emulator>
    <controller type='usb' index='0'/>
    <serial type='pty'>
      <target port='0'/>
    </serial>
    <serial type='pty'>
      <target port='1'/>
    </serial>
    <serial type='pty'>
      <target port='2'/>
    </serial>
    <parallel type='pty'>
      <target port='0'/>
    </parallel>
    <parallel type='pty'>
      <target port='1'/>
    </parallel>
    <parallel type='pty'>
      <target port='2'/>
    </parallel>
    <console type='pty'>
      <target type='serial' port='0'/>
    </console>
    <sound model='pcspk'/>
    <sound model='es1370'/>
    <memballoon model='virtio'/>
  </devices>
</domain>
`;

const URI_TEST = 'uri; connect; uri';
const XDG = (which: string) => `@LIBVIRT/uriprecedence-xdg/${which}/`;

/** The tests of tests/virshtest.c, in its order. */
const VIRSHTEST_CASES: TranscribedCase[] = [
  ...scriptLines('info-default', DEFAULT, INFO_DEFAULT_IN),
  ...scriptLines('info-custom', CUSTOM, INFO_DEFAULT_IN, false, 'info-custom.in (a link to info-default.in)'),
  ...scriptLines('domain-id', CUSTOM, DOMAIN_ID_IN).map((c) => ({ ...c, dropLines: /^CPU time:/ })),
  wholeScript('blkiotune', CUSTOM, BLKIOTUNE_IN),
  wholeScript('iothreads', CUSTOM, IOTHREADS_IN),
  ...numbered('echo-quote-removal-', [
    ['echo a \t b'],
    ['echo "a \t b"'],
    ["echo 'a \t b'"],
    ['echo a\\ \\\t\\ b'],
    ['echo', "'", '"', '\\;echo\ta'],
    ['echo \\\' \\" \\;echo\ta'],
    ['echo \\\' \\" \\\\;echo\ta'],
    ['echo  "\'"  \'"\'  \'\\\'"\\\\"'],
  ]),
  ...scriptLines('echo-escaping', DEFAULT, ECHO_ESCAPING_IN),
  ...numbered('echo-escaping-', [
    ['echo', ...ECHO_SPECIALS],
    ['echo', '--shell', ...ECHO_SPECIALS],
    ['echo', '--xml', ...ECHO_SPECIALS],
  ]),
  ...numbered('dash-dash-argument-', [
    ['--', 'echo', '--shell', 'a'],
    ['--', 'echo', 'a', '--shell'],
    ['--', 'echo', '--', 'a', '--shell'],
    ['echo', '--', '--', '--shell', 'a'],
    ["echo --s\\h'e'\"l\"l -- a"],
    ["echo \t '-'\"-\" \t --shell \t a"],
  ]),
  ...scriptLines('echo-alias', DEFAULT, ECHO_ALIAS_IN),
  argvCase(VIRSHTEST, 'echo-alias-argv', [...DEFAULT, 'echo', '--str', 'hello']),
  ...numbered('multiple-commands-', [
    [' echo a; echo b;'],
    ['\necho a\n echo b\n'],
    ['ec\\\nho a\n echo \\\n b;'],
    ['"ec\\\nho" a\n echo "\\\n b";'],
    ["ec\\\nho a\n echo '\\\n b';"],
    ['echo a # b'],
    ['echo a #b\necho c'],
    ['echo a # b\\\necho c'],
    ["echo a '#' b"],
    ['echo a \\# b'],
    ['#unbalanced; \'quotes"\necho a # b'],
    ["\\# ignored;echo a\n'#also' ignored"],
  ]),
  ...scriptLines('help-option', [...DEFAULT, '-q'], HELP_OPTION_IN),
  ...scriptLines('echo-split', [...DEFAULT, '-q'], ECHO_SPLIT_IN),
  ...scriptLines('argument-assignment', [...DEFAULT, '-k0', '-d0'], ARGUMENT_ASSIGNMENT_IN),
  ...scriptLines('snapshot-create-args', [...DEFAULT, '-q'], SNAPSHOT_CREATE_ARGS_IN),
  ...scriptLines('numeric-parsing', DEFAULT, NUMERIC_PARSING_IN, true),
  ...scriptLines('numeric-parsing-event', DEFAULT, NUMERIC_PARSING_EVENT_IN, true),
  ...ATTACH_DISK_LINES.map((line, i) =>
    argvCase(`${VIRSHTEST} + ${data('attach-disk.in')}`, `attach-disk-line${i + 1}`, [...DEFAULT, `attach-disk ${line}`]),
  ),
  ...scriptLines('vcpupin', DEFAULT, VCPUPIN_IN, true),
  wholeScript('lifecycle', CUSTOM, LIFECYCLE_IN, { dropLines: /^CPU time:/ }),
  argvCase(VIRSHTEST, 'domain-id-overflow', [...CUSTOM, '-q', 'domname', '4294967298']),
  argvCase(VIRSHTEST, 'schedinfo-invalid-argument', [...DEFAULT, 'schedinfo', '1', '--set', 'j=k']),
  argvCase(VIRSHTEST, 'pool-define-as', [...DEFAULT, '-q', 'pool-define-as', '--print-xml', 'P', 'dir', 'src-host', '/src/path', '/src/dev', 'S', '/target-path']),
  wholeScript('snapshot', DEFAULT, SNAPSHOT_IN, { dropLines: /<creationTime/ }),
  argvCase(VIRSHTEST, 'snapshot-redefine', [
    ...DEFAULT,
    "cd @LIBVIRT ;echo 'Redefine must be in topological order; this will fail' ;snapshot-create test --redefine snapshot-s2.xml --validate ;echo 'correct order' ;snapshot-create test --redefine snapshot-s3.xml --validate ;snapshot-create test --redefine snapshot-s2.xml --current --validate ;snapshot-info test --current",
  ]),
  wholeScript('checkpoint', DEFAULT, CHECKPOINT_IN, { dropLines: /<creationTime/ }),
  argvCase(VIRSHTEST, 'checkpoint-redefine', [
    ...DEFAULT,
    "cd @LIBVIRT ;echo 'Redefine must be in topological order; this will fail' ;checkpoint-create test --redefine checkpoint-c2.xml ;echo 'correct order' ;checkpoint-create test --redefine checkpoint-c3.xml ;checkpoint-create test --redefine checkpoint-c2.xml ;checkpoint-info test c2",
  ]),
  ...scriptLines('script-friendly-options', CUSTOM, SCRIPT_FRIENDLY_OPTIONS_IN),
  ...(
    [
      ['completion-command', CUSTOM, ['ech']],
      ['completion-command-complete', CUSTOM, ['echo']],
      ['completion-args', CUSTOM, ['echo', '']],
      ['completion-arg-partial', CUSTOM, ['echo', '--xm', '--s']],
      ['completion-arg-full-bool', CUSTOM, ['echo', '--nonexistant-arg', '--xml']],
      ['completion-arg-full-bool-next', CUSTOM, ['echo', '--nonexistant-arg', '--xml', '']],
      ['completion-arg-full-string', CUSTOM, ['echo', '--nonexistant-arg', '--prefix']],
      ['completion-arg-full-string-next', CUSTOM, ['echo', '--nonexistant-arg', '--prefix', '']],
      ['completion-arg-full-argv', CUSTOM, ['domstats', '--domain']],
      ['completion-arg-full-argv-next', DEFAULT, ['domstats', '--domain', '']],
      ['completion-argv-multiple', CUSTOM, ['domstats', '--domain', 'fc', '--domain', 'fv']],
      ['completion-argv-multiple-next', CUSTOM, ['domstats', '--domain', 'fv', '--domain', 'fc', '']],
      ['completion-argv-multiple-positional', CUSTOM, ['domstats', '--domain', 'fc', 'fv']],
      ['completion-argv-multiple-positional-next', CUSTOM, ['domstats', '--domain', 'fc', 'fv', '']],
      ['completion-arg-positional-empty', CUSTOM, ['domstate', '']],
      ['completion-arg-positional-partial', CUSTOM, ['domstate', 'fv']],
      ['completion-arg-positional-partial-next', CUSTOM, ['domstate', 'fv', '']],
    ] as const
  ).map(([test, conn, words]) => argvCase(VIRSHTEST, test, [...conn, 'complete', '--', ...words])),
  ...scriptLines('completion', DEFAULT, COMPLETION_IN),
  argvCase(VIRSHTEST, 'read-big-pipe', [...DEFAULT, 'define @TMP/pipe ; list --all'], {
    fifos: { pipe: () => ' '.repeat(140 * 1024) + PIPE_DOMAIN },
  }),
  argvCase(VIRSHTEST, 'uriprecedence-xdg-config', [URI_TEST], {
    env: { XDG_CONFIG_HOME: XDG('good') },
    knownDifference: {
      lines: /^error: (Failed to connect socket to '\/var\/run\/libvirt\/libvirt-sock'|no connection URI given and no Xen host found here)/,
      reason:
        "root's virsh reads /etc/libvirt/libvirt.conf, not $XDG_CONFIG_HOME (libvirt's test is forbid_root); with no uri_default there virsh 9 tries libvirtd's socket and ours a local Xen host, and neither is here",
    },
  }),
  argvCase(VIRSHTEST, 'uriprecedence-LIBVIRT_DEFAULT_URI', [URI_TEST], {
    env: { XDG_CONFIG_HOME: XDG('bad'), LIBVIRT_DEFAULT_URI: 'test:///default?good_uri' },
  }),
  argvCase(VIRSHTEST, 'uriprecedence-VIRSH_DEFAULT_CONNECT_URI', [URI_TEST], {
    env: { XDG_CONFIG_HOME: XDG('bad'), LIBVIRT_DEFAULT_URI: 'test:///default?bad_uri', VIRSH_DEFAULT_CONNECT_URI: 'test:///default?good_uri' },
  }),
  argvCase(VIRSHTEST, 'uriprecedence-param', ['--connect', 'test:///default?good_uri', URI_TEST], {
    env: { XDG_CONFIG_HOME: XDG('bad'), LIBVIRT_DEFAULT_URI: 'test:///default?bad_uri', VIRSH_DEFAULT_CONNECT_URI: 'test:///default?bad_uri' },
  }),
];

/**
 * The tests of the tests/virsh-* scripts that virshtest.c's tests do not already hold
 * (virsh-snapshot, virsh-checkpoint, virsh-vcpupin and virsh-schedinfo became .in scripts
 * and DO_TESTs; virsh-optparse's setvcpus and snapshot-create-as loops became
 * argument-assignment.in and snapshot-create-args.in; virsh-uriprecedence became the
 * uriprecedence-* tests; virsh-output-commands' attach_disk lines became attach-disk.in).
 */
const SCRIPT_CASES: TranscribedCase[] = [
  argvCase('tests/virsh-auth', 'virsh-auth', ['-c', 'test://@LIBVIRT/virsh-auth.xml', 'uri'], { input: 'astrochicken' }),
  argvCase('tests/virsh-cpuset', 'virsh-cpuset', [...DEFAULT, 'define', 'xml-invalid'], {
    files: { 'xml-invalid': () => defaultDumpxml().replace("vcpu placement='static'>", "vcpu cpuset='aaa'>") },
  }),
  argvCase('tests/virsh-define-dev-segfault', 'virsh-define-dev-segfault', [...DEFAULT, 'define D.xml; dumpxml D'], {
    files: { 'D.xml': () => DEV_SEGFAULT_DOMAIN },
  }),
  argvCase('tests/virsh-int-overflow', 'virsh-int-overflow', ['--quiet', ...CUSTOM, 'domname 4294967298; quit']),
  ...(['before', 'after'] as const).map((where) =>
    argvCase('tests/virsh-read-bufsiz', `virsh-read-bufsiz-${where}`, [...DEFAULT, 'define', `in-${where}`], {
      files: {
        [`in-${where}`]: () => {
          const xml = defaultDumpxml()
            .replace('<name>test</name>', '<name>newtest</name>')
            .replace(/^.*<uuid>.*<\/uuid>\n/m, '');
          const blanks = ' '.repeat(132000);
          return where === 'before' ? blanks + xml : xml + blanks;
        },
      },
    }),
  ),
  argvCase('tests/virsh-read-non-seekable', 'virsh-read-non-seekable-file', [...DEFAULT, 'define', 'dom'], {
    files: { dom: () => NON_SEEKABLE_DOMAIN },
  }),
  argvCase('tests/virsh-read-non-seekable', 'virsh-read-non-seekable-fifo', [...DEFAULT, 'define', 'fifo'], {
    fifos: { fifo: () => NON_SEEKABLE_DOMAIN },
  }),
  argvCase('tests/virsh-optparse', 'virsh-optparse-required-argv', [...DEFAULT, '-q', 'qemu-monitor-command', 'test', 'a']),
  argvCase('tests/virsh-self-test', 'virsh-self-test', [...DEFAULT, 'self-test']),
  // virsh-synopsis checks each listed command's SYNOPSIS; here each `help <command>` of ours is compared whole.
  argvCase('tests/virsh-synopsis', 'virsh-synopsis', [
    ...DEFAULT,
    allCommands()
      .filter((c) => !c.hidden)
      .map((c) => `help ${c.name}`)
      .join('; '),
  ]),
  ...(
    [
      ['dominfo test; undefine test; dominfo test', 'by-name'],
      ['dominfo 1; undefine 1; dominfo 1', 'by-id'],
      ['shutdown test; undefine test; dominfo test', 'shutdown-first'],
    ] as const
  ).map(([script, test]) => argvCase('tests/virsh-undefine', `virsh-undefine-${test}`, ['-c', 'test:///default', script])),
  // virsh-output-commands' lines other than attach_disk's, with LIBVIRT_DEFAULT_URI as virsh-output sets it.
  ...(
    [
      ['attach-disk', 9],
      ['attach-disk --print-xml --domain testdom --source ""', 10],
      ['attach-disk --print-xml --domain testdom --source "" --sourcetype file', 11],
      ['attach-disk --print-xml --domain testdom --source "" --sourcetype blah', 12],
      ['attach-disk --print-xml --domain testdom --source "" --source-protocol AAA', 81],
      ['attach-disk --print-xml --domain testdom --source "" --source-protocol AAA', 82],
    ] as const
  ).map(([line, at]) =>
    argvCase('tests/virsh-output-commands', `virsh-output-line${at}`, line.split(' ').map((w) => (w === '""' ? '' : w)), {
      env: { LIBVIRT_DEFAULT_URI: 'test:///default' },
    }),
  ),
];

export const LIBVIRT_CASES: readonly TranscribedCase[] = [...VIRSHTEST_CASES, ...SCRIPT_CASES];

/** A script's commands as word lists, split as virsh splits them (comments and quotes too). */
function scriptCommands(script: string): string[][] {
  const tokens = new ScriptTokens(script);
  const commands: string[][] = [[]];
  try {
    for (let t = tokens.next(); t.kind !== 'end'; t = tokens.next()) {
      if (t.kind === 'word') (commands.at(-1) as string[]).push(t.text);
      else commands.push([]);
    }
  } catch {
    // A script virsh refuses to parse runs nothing after the error.
  }
  return commands.filter((words) => words.length > 0);
}

/**
 * The commands a case runs and the `command --option`s it gives, after virsh's global
 * options; `complete -- X` uses X too.
 */
export function usedCommands(c: ConformanceCase): string[] {
  const args = [...c.args];
  while (args.length > 0) {
    const word = args[0] as string;
    if (word === '--') {
      args.shift();
      break;
    }
    if (!word.startsWith('-')) break;
    args.splice(0, ['-c', '--connect'].includes(word) ? 2 : 1);
  }
  const commands = args.length === 1 ? scriptCommands(args[0] as string) : [args];
  // A first word starting with '#' (escaped or quoted) makes the command a comment.
  return commands.flatMap(([command, ...rest]) => {
    if (command === undefined || command.startsWith('#')) return [];
    // `complete -- X ...` completes for the command X once X is followed by another word.
    const completed = command === 'complete' && rest[0] === '--' && rest.length > 2 ? [rest[1] as string] : [];
    const options = rest.filter((w) => w.startsWith('--') && w !== '--').map((w) => `${command} ${w.split('=')[0]}`);
    return [command, ...completed, ...options];
  });
}

/** The entries of PENDING a case waits for (none: it runs). */
export const pendingFor = (c: ConformanceCase): string[] => {
  const used = new Set(usedCommands(c));
  return PENDING.filter((p) => used.has(p));
};

import type { ConformanceCase } from './conformance-cases.js';
import { testDefaultScript as script, TEST_DEFAULT_ARGS as T } from './conformance-harness.js';
import { VCPUPIN_IN } from './libvirt-virsh-cases.js';

/**
 * Conformance cases for the CPU and IOThread commands (vcpucount, vcpuinfo, vcpupin, emulatorpin,
 * cpu-stats, schedinfo, domcontrol, iothreadinfo/add/del/set/pin) on the test driver.
 * `libvirt-vcpupin` is libvirt's own: tests/virshtestdata/vcpupin.in of libvirt/libvirt (commit
 * d8e2220c9a4d1379b0a52f6a98a282c61829ba5a), run as virshtest runs it (the file as one argument);
 * its expected output is virsh 9's live run, which equals libvirt's vcpupin.out.
 */

/** A domain with 2 of 4 vcpus online and a `<vcpu cpuset>`. */
const VCPUS_DOMAIN = `<domain type='test'>
  <name>d</name>
  <memory>1024</memory>
  <vcpu current='2' cpuset='1-3'>4</vcpu>
  <os><type>hvm</type></os>
</domain>
`;

/** IOThreads given by count and by id (ids 1 and 2 filled in), and every kind of pin. */
const IOTHREADS_DOMAIN = `<domain type='test'>
  <name>io</name>
  <memory>1024</memory>
  <vcpu>2</vcpu>
  <iothreads>3</iothreads>
  <iothreadids><iothread id='5'/></iothreadids>
  <cputune><vcpupin vcpu='1' cpuset='2'/><emulatorpin cpuset='1'/><iothreadpin iothread='5' cpuset='3'/></cputune>
  <os><type>hvm</type></os>
</domain>
`;

/** `<domain>` named `name` with `inner` after its `<vcpu>`, for the XML reader's checks. */
const tuned = (name: string, inner: string): string =>
  `<domain type='test'><name>${name}</name><memory>1024</memory><vcpu>2</vcpu>${inner}<os><type>hvm</type></os></domain>\n`;

/** libvirt 9's errors for `<iothreads>`/`<iothreadids>`/`<cputune>` (and what it fills in or drops). */
const TUNING_DOCUMENTS: Record<string, string> = {
  'count-only': "<iothreads>2</iothreads>",
  'more-ids-than-count': "<iothreads>1</iothreads><iothreadids><iothread id='3'/><iothread id='4'/></iothreadids>",
  'id-zero': "<iothreadids><iothread id='0'/></iothreadids>",
  'id-twice': "<iothreadids><iothread id='2'/><iothread id='2'/></iothreadids>",
  'id-missing': '<iothreadids><iothread/></iothreadids>',
  'id-not-a-number': "<iothreadids><iothread id='x'/></iothreadids>",
  'count-zero': '<iothreads>0</iothreads>',
  'vcpupin-twice': "<cputune><vcpupin vcpu='1' cpuset='1'/><vcpupin vcpu='1' cpuset='2'/></cputune>",
  'vcpupin-no-vcpu': "<cputune><vcpupin cpuset='1'/></cputune>",
  'vcpupin-no-cpuset': "<cputune><vcpupin vcpu='0'/></cputune>",
  'vcpupin-empty-set': "<cputune><vcpupin vcpu='0' cpuset='^0'/></cputune>",
  'vcpupin-bad-set': "<cputune><vcpupin vcpu='0' cpuset='a'/></cputune>",
  'emulatorpin-twice': "<cputune><emulatorpin cpuset='1'/><emulatorpin cpuset='2'/></cputune>",
  'iothreadpin-unknown': "<cputune><iothreadpin iothread='1' cpuset='1'/></cputune>",
  'iothreadpin-sets': "<iothreads>2</iothreads><cputune><iothreadpin iothread='2' cpuset='0-3,^2'/><emulatorpin cpuset='5,4'/></cputune>",
  'cputune-empty': '<cputune/>',
};

const tuningCases: ConformanceCase[] = Object.entries(TUNING_DOCUMENTS).map(([name, inner]) => ({
  name: `cputune-xml-${name}`,
  args: [...T, 'define @TMP/d.xml; dumpxml x'],
  files: { 'd.xml': () => tuned('x', inner) },
}));

export const VCPU_CASES: ConformanceCase[] = [
  { name: 'libvirt-vcpupin', args: script(VCPUPIN_IN) },
  // vcpucount: every option alone and in the pairs virsh 9 accepts or refuses
  {
    name: 'vcpucount-options',
    args: script(
      [
        '',
        '--maximum',
        '--active',
        '--live',
        '--config',
        '--current',
        '--guest',
        '--maximum --live',
        '--maximum --config',
        '--active --config',
        '--current --maximum',
        '--current --live',
        '--current --config',
        '--active --maximum',
        '--guest --config',
        '--guest --live',
        '--maximum --current --live',
        '--active --current',
      ]
        .map((options) => `vcpucount test ${options}`)
        .join('; '),
    ),
  },
  {
    name: 'vcpucount-inactive-and-transient',
    args: [...T, 'define @TMP/d.xml; vcpucount d; vcpucount d --live; vcpucount d --config --maximum; start d; setvcpus d 3; vcpucount d; create @TMP/t.xml; vcpucount t; vcpucount t --config; vcpucount nosuch'],
    files: { 'd.xml': () => VCPUS_DOMAIN, 't.xml': () => VCPUS_DOMAIN.replace('<name>d</name>', '<name>t</name>') },
  },
  // vcpuinfo, vcpupin, emulatorpin through a domain's life: inactive (pinning from the config), started, more vcpus, pinned
  {
    name: 'vcpuinfo-vcpupin-lifecycle',
    args: [
      ...T,
      'define @TMP/d.xml; vcpucount d; vcpuinfo d; vcpupin d; emulatorpin d; start d; vcpucount d; vcpuinfo d; vcpuinfo d --pretty; vcpupin d; vcpupin d --config; emulatorpin d; setvcpus d 3; vcpucount d; vcpuinfo d --pretty; vcpupin d 2 5-6; vcpupin d; vcpuinfo d; dumpxml d; dumpxml d --inactive; destroy d; vcpupin d; dumpxml d',
    ],
    files: { 'd.xml': () => VCPUS_DOMAIN },
  },
  { name: 'vcpuinfo-test', args: script('vcpuinfo test; vcpuinfo test --pretty; vcpuinfo --domain 1; vcpuinfo nosuch') },
  {
    name: 'vcpupin-pin-and-errors',
    args: script("vcpupin test 0 ''; vcpupin test 0 r; vcpupin test; vcpupin test 1 1 --live; vcpupin test 1 1 --config; vcpupin test 1 1 --current; vcpupin test; vcpupin test 1; vcpupin test 0 7; vcpupin test 0 8; vcpupin test 0 1024; vcpupin test 0 ^0; vcpupin test 0 0-3,^1; vcpupin test 0 1 --current --live; vcpupin test 2 1; dumpxml test; vcpuinfo test; vcpuinfo test --pretty"),
  },
  {
    name: 'emulatorpin',
    args: [
      ...T,
      "define @TMP/d.xml; emulatorpin d 2; emulatorpin d 2 --config; emulatorpin d; emulatorpin test 1-2; emulatorpin test; emulatorpin test --config; emulatorpin test 0 --live --config; emulatorpin test r; emulatorpin test; emulatorpin test 8; emulatorpin test ^1; emulatorpin test abc; emulatorpin test ''; emulatorpin test --current --config; dumpxml test --inactive; dumpxml test; emulatorpin nosuch",
    ],
    files: { 'd.xml': () => VCPUS_DOMAIN },
  },
  // cpu-stats: the per-CPU range options, the totals, and an inactive domain
  {
    name: 'cpu-stats-options',
    args: script('cpu-stats test; cpu-stats test --total; cpu-stats test --start 1; cpu-stats test --count 1; cpu-stats test --start 1 --count 5; cpu-stats test --start 2; cpu-stats test --start -1; cpu-stats test --count -1; cpu-stats test --total --start 1; cpu-stats test --count 0; cpu-stats test --start 0 --total; cpu-stats test --start abc; cpu-stats test 1; cpu-stats nosuch'),
  },
  { name: 'cpu-stats-inactive', args: [...T, 'define @TMP/d.xml; cpu-stats d; cpu-stats d --total'], files: { 'd.xml': () => VCPUS_DOMAIN } },
  // schedinfo: reading, --set, --weight/--cap and the scope flags the test driver refuses
  {
    name: 'schedinfo-options',
    args: script(
      "schedinfo test; schedinfo test --weight 5; schedinfo test --cap 5; schedinfo test --set weight=7; schedinfo test --set foo=1; schedinfo test --set weight=abc; schedinfo test weight=1; schedinfo test --live; schedinfo test --config; schedinfo test --current; schedinfo test --set weight; schedinfo test --set =3; schedinfo test --set weight=-1; schedinfo test --set weight=4294967296; schedinfo test --set weight=1 --set weight=2; schedinfo test --live --config; schedinfo test --weight abc; schedinfo test --weight 3 --cap 4; schedinfo test --set weight=+5; schedinfo test --set 'weight= 5'; schedinfo test --set weight=-4294967296; schedinfo nosuch",
    ),
  },
  { name: 'libvirt-schedinfo-invalid-argument', args: script('schedinfo test --set j=k') },
  { name: 'domcontrol', args: [...T, 'domcontrol test; domcontrol 1; define @TMP/d.xml; domcontrol d; domcontrol nosuch'], files: { 'd.xml': () => VCPUS_DOMAIN } },
  // IOThreads: filled-in ids, pins, add/del/set/pin on the live and the next-boot definition
  {
    name: 'iothreads-lifecycle',
    args: [
      ...T,
      'define @TMP/io.xml; dumpxml io; iothreadinfo io; iothreadadd io 7; iothreadadd io 1; iothreadset io 7 --poll-max-ns 5; iothreadset io 7 --thread-pool-min 2; dumpxml io; start io; iothreadinfo io; iothreadadd io 9; iothreadset io 9 --poll-grow 3; iothreadpin io 9 4; iothreaddel io 1; dumpxml io; iothreadinfo io; iothreadinfo io --config; destroy io; dumpxml io',
    ],
    files: { 'io.xml': () => IOTHREADS_DOMAIN },
  },
  {
    name: 'iothreads-errors',
    args: script(
      'iothreadadd test 0; iothreadadd test 4294967295; iothreadadd test -1; iothreaddel test 3; iothreadpin test 3 1; iothreadset test 3 --poll-max-ns 4; iothreadadd test 3 --live --config; iothreadadd test 3 --config; iothreadinfo test --config; iothreadpin test 3 1 --live; iothreadpin test 3 0 --config; iothreadpin test 3 9; iothreadpin test 3 ^3; iothreadset test 3; iothreadset test 3 --poll-grow 4294967296; iothreadset test 3 --poll-max-ns -1; iothreadset test 3 --poll-max-ns 18446744073709551615; iothreaddel test 3 --config; iothreadinfo test --config; iothreaddel test 0; iothreadinfo test --live --config; dumpxml test --inactive; iothreadinfo nosuch; iothreadadd nosuch 1; iothreadpin nosuch 0 1; iothreadpin test 0 1',
    ),
  },
  {
    name: 'iothreadset-params',
    args: script('iothreadset test 99 --thread-pool-min 2; iothreadadd test 2; iothreadset test 2 --thread-pool-max 2; iothreadset test 2 --poll-max-ns 1 --poll-grow 2 --poll-shrink 3; iothreadset test 2 5; iothreadinfo test; iothreadadd test 2; iothreaddel test 2; iothreadinfo test'),
  },
  ...tuningCases,
  { name: 'vcpu-commands-readonly', args: ['-r', ...script('vcpupin test 0 1; vcpupin test; iothreadadd test 2; iothreaddel test 2; iothreadset test 2 --poll-grow 1; iothreadpin test 2 1; emulatorpin test 1; emulatorpin test; schedinfo test --set weight=2; schedinfo test; cpu-stats test --total; domcontrol test; vcpuinfo test; iothreadinfo test; vcpucount test')] },
  { name: 'vcpu-commands-quiet', args: ['-q', ...script('vcpupin test; emulatorpin test; iothreadinfo test; iothreadadd test 4; iothreadinfo test; vcpucount test; vcpuinfo test; schedinfo test; cpu-stats test')] },
  { name: 'vcpu-commands-node-file', args: ['-c', 'test://@NODES/node1.xml', 'list --all; vcpuinfo 1; vcpucount 1; vcpupin 1; emulatorpin 1; cpu-stats 1; iothreadinfo 1; vcpuinfo fc4 --pretty'] },
  { name: 'help-vcpu-commands', args: script('help vcpupin; help vcpuinfo; help vcpucount; help cpu-stats; help schedinfo; help domcontrol; help emulatorpin; help iothreadinfo; help iothreadadd; help iothreaddel; help iothreadset; help iothreadpin') },
  { name: 'help-domain-group', args: script('help domain; help monitor'), compare: 'subset' },
];

import type { ConformanceCase } from './conformance-cases.js';
import { NO_DAEMON, testDefaultScript as script, TEST_DEFAULT_ARGS as T } from './conformance-harness.js';

/** Cases that once differed from virsh 9 (issue 17's list), each kept beside virsh 9 from now on. */

const withCpuset = (cpuset: string) =>
  `<domain type='test'><name>c</name><uuid>00009354-a7a7-4c82-82dd-c22b94063174</uuid><memory>1024</memory><vcpu cpuset='${cpuset}'>2</vcpu><os><type>hvm</type></os></domain>\n`;
/** Defines a domain with `cpuset` and prints what was kept: virBitmapParse's errors, virBitmapFormat's spelling. */
const cpusetCase = (name: string, cpuset: string): ConformanceCase => ({
  name: `cpuset-${name}`,
  args: script('define @TMP/c.xml; dumpxml c'),
  files: { 'c.xml': () => withCpuset(cpuset) },
});

/** dominfo of a node file's one domain `d`, whose definition holds `body`: the test driver's taint messages. */
const taintCase = (name: string, body: string): ConformanceCase => ({
  name: `dominfo-taint-${name}`,
  args: ['-c', 'test:///@TMP/node.xml', 'dominfo', 'd'],
  files: { 'node.xml': () => `<node>\n<domain type='test'><name>d</name><memory>1024</memory>${body}</domain>\n</node>\n` },
});
const HVM = '<os><type>hvm</type></os>';

const badUri = (name: string, uri: string): ConformanceCase => ({ name: `uri-unparsable-${name}`, args: ['-c', uri, 'uri'] });

export const DIFFERENCE_CASES: ConformanceCase[] = [
  // -k0 turns keepalive off: virsh does not try it, so it has nothing to report at debug level.
  { name: 'keepalive-off-debug', args: ['-k0', '-d0', ...T, 'list'] },
  { name: 'keepalive-off-debug-reconnect', args: ['-k0', '-d0', ...T, 'connect test:///default; list'] },
  { name: 'keepalive-default-debug', args: ['-d0', ...T, 'list'] },
  // -k or -K given asks for keepalive: a driver without it (all but libvirtd's) drops the connection.
  { name: 'keepalive-interval-forced', args: ['-k', '2', ...T, 'list'] },
  { name: 'keepalive-count-forced', args: ['-K', '3', ...T, 'list'] },
  { name: 'keepalive-count-forced-interval-off', args: ['-k', '0', '-K', '3', ...T, 'list'] },
  { name: 'keepalive-forced-reconnect', args: ['-K', '3', '-c', 'test:///default', 'connect test:///default; list'] },
  // A first word starting with '#' comments out its command, however the '#' was written.
  { name: 'comment-escaped-hash', args: script('echo a \\#b; \\#foo bar; echo c; "#x" y; echo d') },
  { name: 'comment-argv-word', args: [...T, '#foo', 'bar'] },
  { name: 'comment-interactive', args: T, input: '\\#list\nlist\n', env: { XDG_CACHE_HOME: '@TMP/cache' } },
  // Memory sizes from LLONG_MAX bytes up overflow in the API, with every digit as written.
  { name: 'setmem-numerical-overflow', args: script('setmem test 9007199254740993; setmem test 9007199254740991k; setmem test 8796093022208m; setmem test 9007199254740990') },
  { name: 'setmaxmem-numerical-overflow', args: script('setmaxmem test 9007199254740993 --config; setmaxmem test 9007199254740991') },
  { name: 'setmem-overflow-readonly-first', args: ['-r', ...T, 'setmem test 9007199254740993'] },
  cpusetCase('letters', 'aaa'),
  cpusetCase('removal-canonical', '0-3,^2'),
  cpusetCase('blanks', ' 1 , 2 - 3 '),
  cpusetCase('empty-item', '1,,2'),
  cpusetCase('descending-range', '3-1'),
  cpusetCase('open-range', '1-'),
  cpusetCase('empty', ''),
  cpusetCase('hex', '0x1'),
  cpusetCase('removed-range', '1-3,^1-2'),
  cpusetCase('nothing-left', '^1'),
  cpusetCase('last-cpu', '16383'),
  cpusetCase('past-the-mask', '16384'),
  cpusetCase('removal-past-the-mask', '^99999,1'),
  {
    name: 'nodeinfo-cpu-count-wraps',
    args: ['-c', 'test:///@TMP/node.xml', 'nodeinfo'],
    files: { 'node.xml': () => '<node><cpu><nodes>100000</nodes><sockets>100000</sockets><cores>100000</cores><threads>100000</threads></cpu></node>\n' },
  },
  // The taint messages of node-file domains (testDomainObjCheckTaint), each cause alone; fc5 of
  // libvirt's testnode.xml has them all (libvirt-domain-id-line3).
  taintCase('cdrom-block', `${HVM}<devices><disk type='block' device='cdrom'><source dev='/dev/sr0'/><target dev='hdc'/></disk></devices>`),
  taintCase('cdrom-block-no-source', `${HVM}<devices><disk type='block' device='cdrom'><target dev='hdc'/></disk></devices>`),
  taintCase('cdrom-file', `${HVM}<devices><disk type='file' device='cdrom'><source file='/a.iso'/><target dev='hdc'/></disk></devices>`),
  taintCase('cpu-deprecated-no-mode', `<cpu><model>Deprecated-Test</model></cpu>${HVM}`),
  taintCase('cpu-deprecated-host-model', `<cpu mode='host-model'><model>Deprecated-Test</model></cpu>${HVM}`),
  taintCase('cpu-other-model', `<cpu mode='custom'><model>Westmere</model></cpu>${HVM}`),
  taintCase('dtb', "<os><type>hvm</type><dtb>/a.dtb</dtb></os>"),
  taintCase('dtb-empty', '<os><type>hvm</type><dtb></dtb></os>'),
  taintCase('dtb-blank', '<os><type>hvm</type><dtb> </dtb></os>'),
  taintCase('rawio-lun', `${HVM}<devices><disk type='block' device='lun' rawio='yes'><source dev='/dev/sdb'/><target dev='sda' bus='scsi'/></disk></devices>`),
  taintCase('rawio-no', `${HVM}<devices><disk type='block' device='lun' rawio='no'><source dev='/dev/sdb'/><target dev='sda' bus='scsi'/></disk></devices>`),
  taintCase('two-scripts', `${HVM}<devices><interface type='ethernet'><script path='a'/></interface><interface type='bridge'><source bridge='b'/><script path='b'/></interface></devices>`),
  { name: 'dominfo-taint-defined-not-tainted', args: script("define @TMP/d.xml; start d; dominfo d"), files: { 'd.xml': () => `<domain type='test'><name>d</name><memory>1024</memory><os><type>hvm</type><dtb>/a.dtb</dtb></os></domain>\n` } },
  // libvirt.conf's uri_default when no URI is named; an empty one is a name without a driver.
  ...(
    [
      ['empty', 'uri_default = ""'],
      ['no-scheme', 'uri_default = "foo"'],
      ['test', 'uri_default = "test:///default?x"'],
      ['xen-alone', 'uri_default = "xen"'],
    ] as const
  ).map(([name, line]): ConformanceCase => ({
    name: `uri-default-conf-${name}`,
    args: ['uri'],
    env: { XDG_CONFIG_HOME: '@TMP/config' },
    files: { 'config/libvirt/libvirt.conf': () => `${line}\n` },
    unprivileged: true,
  })),
  { name: 'uri-default-env-no-scheme', args: ['uri'], env: { LIBVIRT_DEFAULT_URI: 'foo' } },
  badUri('bad-escape', 'test:///default?a=%zz'),
  badUri('short-escape', 'test:///default?a=%4'),
  badUri('space', 'test:///def ault'),
  badUri('brace', 'test:///default{'),
  badUri('quote', 'test:///default"'),
  badUri('non-ascii', 'test:///défault'),
  badUri('unclosed-bracket', 'test://[::1/default'),
  // virsh uri gives the name back as virURIFormat writes what virURIParse read.
  {
    name: 'uri-canonical-form',
    args: script(
      'connect test:///%64efault; uri; connect test:/default; uri; connect test:///defa%75lt?%61=1#x:y%2Fz; uri; connect test:///default?; uri; connect test:///default#; uri; connect test:///default#a%20b; uri',
    ),
  },
  {
    name: 'uri-dot-segment-kept',
    args: ['-c', 'test:///./default', 'uri'],
    knownDifference: { lines: /^I\/O warning : failed to load external entity/, reason: "libxml2's own stderr report of the missing file, printed by the C library" },
  },
  { name: 'uri-scheme-case-kept', args: ['-c', 'TEST:///default', 'uri'], knownDifference: NO_DAEMON },
  { name: 'uri-fragment-and-escape-accepted', args: script('connect test:///default#frag; uri; connect test:///default?x=%41; uri') },
];

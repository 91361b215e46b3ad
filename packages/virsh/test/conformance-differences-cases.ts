import type { ConformanceCase } from './conformance-cases.js';

/** Cases that once differed from virsh 9 (issue 17's list), each kept beside virsh 9 from now on. */
const T = ['-c', 'test:///default'];
const script = (text: string): string[] => [...T, text];

const withCpuset = (cpuset: string) =>
  `<domain type='test'><name>c</name><uuid>00009354-a7a7-4c82-82dd-c22b94063174</uuid><memory>1024</memory><vcpu cpuset='${cpuset}'>2</vcpu><os><type>hvm</type></os></domain>\n`;
/** Defines a domain with `cpuset` and prints what was kept: virBitmapParse's errors, virBitmapFormat's spelling. */
const cpusetCase = (name: string, cpuset: string): ConformanceCase => ({
  name: `cpuset-${name}`,
  args: script('define @TMP/c.xml; dumpxml c'),
  files: { 'c.xml': () => withCpuset(cpuset) },
});

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
  badUri('bad-escape', 'test:///default?a=%zz'),
  badUri('short-escape', 'test:///default?a=%4'),
  badUri('space', 'test:///def ault'),
  badUri('brace', 'test:///default{'),
  badUri('quote', 'test:///default"'),
  badUri('non-ascii', 'test:///défault'),
  badUri('unclosed-bracket', 'test://[::1/default'),
  { name: 'uri-fragment-and-escape-accepted', args: script('connect test:///default#frag; uri; connect test:///default?x=%41; uri') },
];

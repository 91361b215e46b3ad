import type { ConformanceCase } from './conformance-cases.js';
import { testDefaultScript as script, TEST_DEFAULT_ARGS as T } from './conformance-harness.js';

/** Conformance cases for attach-interface and detach-interface on the test driver. */

/** A domain with two network interfaces and a bridge one, every MAC given (the driver would draw random ones). */
const INTERFACES_DOMAIN = `<domain type='test'>
  <name>d</name>
  <memory>1024</memory>
  <os><type>hvm</type></os>
  <devices>
    <interface type='network'><mac address='52:54:00:0a:0b:0c'/><source network='default'/></interface>
    <interface type='network'><mac address='52:54:00:0a:0b:0d'/><source network='default'/></interface>
    <interface type='bridge'><mac address='52:54:00:0a:0b:0e'/><source bridge='br0'/></interface>
  </devices>
</domain>
`;
const files = { 'd.xml': () => INTERFACES_DOMAIN };

/** detach-interface's lookups on domain d, with the scope options `scope`: each definition is searched on its own. */
const detachLookups = (scope: string) =>
  [
    `detach-interface d network ${scope} --print-xml`,
    `detach-interface d bridge --mac 00:11:22:33:44:55 ${scope} --print-xml`,
    `detach-interface d virbr ${scope}`,
    `detach-interface d network ${scope} --mac 52:54:0:A:B:C --print-xml`,
    `detach-interface d network --mac 52:54:00:0a:0b:0c ${scope}`,
  ].join('; ');

export const INTERFACE_CASES: ConformanceCase[] = [
  // attach-interface builds the <interface> in virsh (values unescaped), before it looks the domain up
  {
    name: 'attach-interface-print-xml',
    args: script(
      "attach-interface test network default --print-xml --target vnet0 --mac 52:54:00:00:00:01 --script /s --model virtio --alias ua-x --inbound 100,200,300,50 --outbound 10,20,30 --managed; attach-interface test bridge br0 --print-xml; attach-interface test direct eth0 --print-xml; attach-interface test hostdev 0000:01:02.3 --print-xml; attach-interface test vhostuser /sock --source-mode server --print-xml; attach-interface test network d --inbound ,,,5 --print-xml; attach-interface test network d --inbound ' 5' --print-xml; attach-interface test network \"a'<&\" --print-xml",
    ),
  },
  {
    name: 'attach-interface-refusals',
    args: script(
      "attach-interface test hostdev 01:02.3 --print-xml; attach-interface test vhostuser /sock --print-xml; attach-interface test vhostuser /sock --source-mode x --print-xml; attach-interface test user x --print-xml; attach-interface test vds x --inbound x --print-xml; attach-interface test bogus x --inbound x --print-xml; attach-interface nope bogus d; attach-interface test network a --print-xml --mac ''",
    ),
  },
  {
    name: 'attach-interface-rates',
    args: script(
      'attach-interface test network d --inbound 0,1 --print-xml; attach-interface test network d --inbound 1,2,3,4,5 --print-xml; attach-interface test network d --inbound 1,x --print-xml; attach-interface test network d --outbound 1,2,3,4 --print-xml; attach-interface test network d --outbound 0 --print-xml; attach-interface test network d --outbound -1 --print-xml',
    ),
  },
  // libvirt 9's test driver has no device hot(un)plug: the API calls are NO_SUPPORT
  {
    name: 'attach-interface-not-supported',
    args: script('attach-interface test network d; attach-interface test network d --persistent; attach-interface test network d --config; attach-interface test network d --current --live; attach-interface nope network d'),
  },
  { name: 'attach-interface-quiet', args: ['-q', ...script('attach-interface test bridge br0 --print-xml --model e1000')] },
  { name: 'attach-interface-readonly', args: ['-r', ...script('attach-interface test network d; attach-interface test network d --print-xml')] },
  // detach-interface: the interface as libxml2 dumps it, looked for in the persistent then the live definition
  ...['', '--config', '--live', '--current', '--config --live', '--persistent'].map(
    (scope): ConformanceCase => ({
      name: `detach-interface-scope${scope.replaceAll(' ', '').replaceAll('--', '-')}`,
      args: [...T, `create @TMP/d.xml; ${detachLookups(scope)}; detach-interface test network ${scope} --print-xml; detach-interface test network ${scope}`],
      files,
    }),
  ),
  {
    name: 'detach-interface-inactive',
    args: [
      ...T,
      'define @TMP/d.xml; detach-interface d network --persistent --mac 52:54:00:0a:0b:0d --print-xml; detach-interface d network --config --live --mac 52:54:00:0a:0b:0d --print-xml; detach-interface d network --config --live --print-xml; detach-interface d network --config --live; detach-interface d bridge --print-xml',
    ],
    files,
  },
  { name: 'detach-interface-errors', args: script('detach-interface nope network; detach-interface test network --current --config; detach-interface test network --mac zz --print-xml') },
  { name: 'help-interface-commands', args: script('help attach-interface; help detach-interface') },
];

import type { ConformanceCase } from './conformance-cases.js';
import { testDefaultScript as script, TEST_DEFAULT_ARGS as T } from './conformance-harness.js';

/** libvirt's testnode.xml, whose fv0 has a `<blkiotune>` (libvirt's own blkiotune test runs in libvirt-virsh-cases.ts). */
const NODE = ['-c', 'test://@LIBVIRT/testnode.xml'];

/** A domain whose `<blkiotune>` is `inner`, to define. */
const withBlkiotune = (name: string, inner: string) =>
  `<domain type='test'><name>${name}</name><memory>1024</memory><blkiotune>${inner}</blkiotune><os><type>hvm</type></os></domain>\n`;

export const BLKIOTUNE_CASES: ConformanceCase[] = [
  { name: 'blkiotune-show-scopes', args: [...NODE, 'blkiotune fv0 --config; blkiotune fv0 --live; blkiotune fv0 --current; blkiotune fc4; blkiotune fc5 --live'] },
  {
    name: 'blkiotune-option-errors',
    args: [
      ...NODE,
      "blkiotune fv0 --weight 0; blkiotune fv0 --weight -5; blkiotune fv0 --weight abc; blkiotune fv0 --weight 99999999999; blkiotune nosuch --weight 0; blkiotune fv0 --device-weights ''; blkiotune fv0 --live --config; blkiotune fv0 --current --config; blkiotune fv0 --current --live",
    ],
  },
  {
    name: 'blkiotune-device-string-errors',
    args: [
      ...NODE,
      "blkiotune fv0 --device-weights /dev/a; blkiotune fv0 --device-weights /dev/a,x; blkiotune fv0 --device-read-iops-sec /dev/a,1,/dev/b,-2; blkiotune fv0 --device-write-iops-sec /dev/a,4294967296; blkiotune fv0 --device-weights /dev/a,1,/dev/b --device-read-iops-sec /dev/c,3; blkiotune fv0",
    ],
  },
  {
    // a known device takes 0 (and drops out of the lists and the XML once all its limits are 0); an unknown one at 0 is not added
    name: 'blkiotune-merge-devices',
    args: [
      ...NODE,
      "blkiotune fv0 --device-weights /dev/hda,0,/dev/hdb,0 --device-read-iops-sec /dev/hda,0,/dev/x,4 --device-write-iops-sec /dev/hda,0 --device-read-bytes-sec /dev/hda,0 --device-write-bytes-sec /dev/hda,18446744073709551615; blkiotune fv0; dumpxml fv0; blkiotune fv0 --device-write-bytes-sec /dev/hda,0 --device-weights ' /dev/y, +5'; blkiotune fv0; dumpxml fv0",
    ],
  },
  { name: 'blkiotune-config-of-running', args: script('blkiotune test --config --weight 10; blkiotune test; blkiotune test --config; dumpxml test --inactive; destroy test; blkiotune test; blkiotune test --live') },
  {
    name: 'blkiotune-transient',
    args: [...T, 'create @IN/fc4-test.xml; blkiotune fc4 --config; blkiotune fc4 --weight 3 --config; blkiotune fc4 --live --weight 4; blkiotune fc4'],
  },
  {
    name: 'blkiotune-define-errors',
    args: [...T, 'define @TMP/no-path.xml; define @TMP/bad-weight.xml; define @TMP/duplicate.xml; define @TMP/big-iops.xml; define @TMP/odd.xml; dumpxml odd; blkiotune odd'],
    files: {
      'no-path.xml': () => withBlkiotune('b1', '<device><weight>5</weight></device>'),
      'bad-weight.xml': () => withBlkiotune('b2', '<device><path>/a</path><weight>x</weight></device>'),
      'duplicate.xml': () => withBlkiotune('b3', '<device><path>/a</path><weight>1</weight></device><device><path>/a</path><weight>2</weight></device>'),
      'big-iops.xml': () => withBlkiotune('b4', '<device><path>/a</path><read_iops_sec>4294967296</read_iops_sec></device>'),
      'odd.xml': () =>
        withBlkiotune('odd', '<weight>zz</weight><device><path>/a</path><read_bytes_sec>-1</read_bytes_sec><write_iops_sec> 7</write_iops_sec><weight></weight></device><device><path>/b</path></device>'),
    },
  },
  { name: 'help-blkiotune', args: script('help blkiotune') },
];

import type { ConformanceCase } from './conformance-cases.js';
import { testDefaultScript as script, TEST_DEFAULT_ARGS as T } from './conformance-harness.js';

/**
 * Conformance cases for the device commands (attach-disk, detach-disk, domblklist), beyond
 * libvirt's own attach-disk.in lines (those are in libvirt-virsh-cases.ts).
 */

/** A domain with file, block and empty cdrom disks, for domblklist and detach-disk. */
const DISKS_DOMAIN = `<domain type='test'>
  <name>d</name>
  <memory>1024</memory>
  <os><type>hvm</type></os>
  <devices>
    <disk type='file' device='disk'>
      <source file='/images/a&amp;b.img'/>
      <target dev='vda' bus='virtio'/>
    </disk>
    <disk type='block' device='disk'>
      <source dev='/dev/sdb'/>
      <target dev='sda' bus='scsi'/>
      <readonly/>
    </disk>
    <disk type='file' device='cdrom'>
      <target dev='hdc' bus='ide'/>
      <readonly/>
    </disk>
  </devices>
</domain>
`;

export const DEVICE_CASES: ConformanceCase[] = [
  // attach-disk beyond libvirt's lines: escaping, quiet mode, the API call and its errors
  { name: 'attach-disk-escaping', args: [...T, 'attach-disk', 'test', "a'b<&>\"c\u0001\td", "v'd", '--print-xml', '--serial', 'x<y', '--driver', 'q&', '--mode', 'shareable'] },
  { name: 'attach-disk-empty-source', args: script("attach-disk test '' vdb --print-xml --sourcetype block") },
  { name: 'attach-disk-empty-target', args: script("attach-disk test /a '' --print-xml") },
  { name: 'attach-disk-empty-driver', args: script("attach-disk test /a vdb --print-xml --driver ''") },
  { name: 'attach-disk-quiet', args: ['-q', ...script('attach-disk test /a/b vdb --print-xml --targetbus virtio --wwn 0x5000c50015ea71ac --io native --iothread 2 --cache writeback')] },
  { name: 'attach-disk-wwn-malformed', args: script('attach-disk test /a vdb --print-xml --wwn zz; attach-disk test /a vdb --print-xml --wwn 5000c50015ea71a') },
  { name: 'attach-disk-block-device-guess', args: script('attach-disk test /dev/null vdb --print-xml; attach-disk test /dev/loop0 vdb --print-xml; attach-disk test /dev/loop0 vdb --print-xml --driver file') },
  { name: 'attach-disk-address-edge', args: script('attach-disk test /a vdb --print-xml --address pci:0x12.-1.3.4; attach-disk test /a vdb --print-xml --address pci:12.1.3; attach-disk test /a vdb --print-xml --address pci:fffffffff.1.3.4; attach-disk test /a vdb --print-xml --address pci:0x1f.+2.0X3.4; attach-disk test /a hdb --print-xml --address ide:1.2.18446744073709551615; attach-disk test /a xvdb --print-xml --address usb:1.2') },
  // --shareable is virsh's alias of --mode shareable: a second --mode is "already seen".
  { name: 'attach-disk-shareable-alias', args: script('attach-disk test /a vdb --print-xml --shareable; attach-disk test /a vdb --print-xml --shareable --mode readonly') },
  { name: 'attach-disk-scope-exclusive', args: script('attach-disk test /a vdb --persistent --current; attach-disk test /a vdb --live --current; attach-disk test /a vdb --config --current') },
  { name: 'attach-disk-host-options', args: script('attach-disk test /a vdb --print-xml --source-host-name h; attach-disk test /a vdb --print-xml --sourcetype network --source-protocol nbd --source-host-name h --source-host-transport unix --source-host-socket /s') },
  { name: 'attach-disk-not-supported', args: script('attach-disk test /a vdb; attach-disk test /a vdb --config; attach-disk test /a vdb --persistent; attach-disk test /a vdb --current; attach-disk nosuch /a vdb') },
  { name: 'attach-disk-readonly', args: ['-r', ...script('attach-disk test /a vdb')] },
  { name: 'help-attach-disk', args: script('help attach-disk; help detach-disk; help domblklist') },
  // detach-disk: the disk's XML as libxml2 dumps it, then the API call
  { name: 'detach-disk-print-xml', args: script('detach-disk test vda --print-xml; detach-disk test /guest/diskimage1 --print-xml; detach-disk test vda --print-xml --config') },
  { name: 'detach-disk-errors', args: script('detach-disk test vdz; detach-disk test vda; detach-disk test vda --config; detach-disk test vda --persistent; detach-disk nosuch vda; detach-disk test vda --current --live') },
  // domblklist
  { name: 'domblklist', args: script('domblklist test; domblklist test --details; domblklist test --inactive; domblklist --details --domain test') },
  { name: 'domblklist-quiet', args: ['-q', ...script('domblklist test; domblklist test --details')] },
  { name: 'domblklist-nosuch', args: script('domblklist nosuch') },
  { name: 'domblklist-defined-disks', args: [...T, 'define @TMP/d.xml; domblklist d --details; detach-disk d hdc --print-xml; detach-disk d sda --print-xml; detach-disk d /images/a&b.img --print-xml'], files: { 'd.xml': () => DISKS_DOMAIN } },
];

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatXenCapabilities, libvirtArch, xenGuests } from '../../src/drivers/xen/xen-capabilities.js';

const SCHEMA = '/usr/share/libvirt/schemas/capability.rng';
const xmllint = spawnSync('xmllint', ['--version']).status === 0;
const noValidator = !xmllint ? 'xmllint is not installed (Debian: libxml2-utils)' : !existsSync(SCHEMA) ? `${SCHEMA} is missing (Debian: libvirt0)` : undefined;
if (noValidator) console.warn(`skipping the capabilities schema check: ${noValidator}`);

describe('Xen capabilities', () => {
  it('makes one guest per OS type and architecture, merging PAE variants', () => {
    const guests = xenGuests('xen-3.0-x86_64 xen-3.0-x86_32p hvm-3.0-x86_32 hvm-3.0-x86_32p hvm-3.0-x86_64 bogus-1');
    expect(guests.map((g) => [g.osType, g.arch, g.wordsize, g.pae, g.nonpae])).toEqual([
      ['xen', 'x86_64', 64, false, false],
      ['xen', 'i686', 32, true, false],
      ['hvm', 'i686', 32, true, true],
      ['hvm', 'x86_64', 64, false, false],
    ]);
  });

  it("lays a PV and an HVM guest out as libvirt's formatter", () => {
    expect(formatXenCapabilities('x86_64', 'xen-3.0-x86_64 hvm-3.0-x86_32p')).toBe(`<capabilities>

  <host>
    <cpu>
      <arch>x86_64</arch>
    </cpu>
  </host>

  <guest>
    <os_type>xen</os_type>
    <arch name='x86_64'>
      <wordsize>64</wordsize>
      <emulator>/usr/lib64/xen/bin/qemu-dm</emulator>
      <machine>xenpv</machine>
      <domain type='xen'/>
    </arch>
  </guest>

  <guest>
    <os_type>hvm</os_type>
    <arch name='i686'>
      <wordsize>32</wordsize>
      <emulator>/usr/lib64/xen/bin/qemu-dm</emulator>
      <loader>/usr/lib/xen/boot/hvmloader</loader>
      <machine>xenfv</machine>
      <domain type='xen'/>
    </arch>
    <features>
      <pae/>
      <acpi default='on' toggle='yes'/>
      <apic default='on' toggle='yes'/>
    </features>
  </guest>

</capabilities>
`);
  });

  it('maps Node architectures to libvirt names', () => {
    expect([libvirtArch('x64'), libvirtArch('ia32'), libvirtArch('arm64'), libvirtArch('riscv64')]).toEqual(['x86_64', 'i686', 'aarch64', 'riscv64']);
  });

  it.skipIf(noValidator !== undefined)("validates against libvirt's capability.rng", () => {
    const dir = mkdtempSync(join(tmpdir(), 'libvirt-ts-caps-'));
    try {
      for (const [arch, caps] of [
        ['x86_64', 'xen-3.0-x86_64 xen-3.0-x86_32p hvm-3.0-x86_32 hvm-3.0-x86_32p hvm-3.0-x86_64'],
        ['i686', 'xen-3.0-x86_32'],
        ['ia64', 'xen-3.0-ia64 xen-3.0-ia64be hvm-3.0-ia64'],
      ] as const) {
        const file = join(dir, `${arch}.xml`);
        writeFileSync(file, formatXenCapabilities(arch, caps));
        const check = spawnSync('xmllint', ['--noout', '--relaxng', SCHEMA, file], { encoding: 'utf8' });
        expect(check.status, check.stderr).toBe(0);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

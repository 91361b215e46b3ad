/**
 * The capabilities document of a Xen host, from the hypervisor's capability string
 * (XENVER_capabilities, also xend's `xen_caps`: e.g. "xen-3.0-x86_64 hvm-3.0-x86_32 hvm-3.0-x86_32p"),
 * as later libvirt's Xen driver built it: one guest per OS type and architecture, PV guests on
 * `xenpv`, HVM guests on `xenfv` with hvmloader and qemu-dm, PAE variants merged into one guest.
 * Laid out as libvirt 9's formatter writes capabilities. Pure: no I/O.
 */

/** Xen's architecture names -> libvirt's, with the word size. */
const XEN_ARCHES: Record<string, { arch: string; wordsize: number }> = {
  x86_32: { arch: 'i686', wordsize: 32 },
  x86_64: { arch: 'x86_64', wordsize: 64 },
  ia64: { arch: 'ia64', wordsize: 64 },
  powerpc64: { arch: 'ppc64', wordsize: 64 },
  aarch64: { arch: 'aarch64', wordsize: 64 },
  armv7l: { arch: 'armv7l', wordsize: 32 },
};

const CAPABILITY = /^(xen|hvm)-\d+\.\d+-(x86_32|x86_64|ia64|powerpc64|aarch64|armv7l)(p|be)?$/;
const HVMLOADER = '/usr/lib/xen/boot/hvmloader';

interface XenGuest {
  osType: 'xen' | 'hvm';
  arch: string;
  wordsize: number;
  pae: boolean;
  nonpae: boolean;
  ia64BigEndian: boolean;
}

/** The guests a capability string offers; unknown words are skipped, as libvirt's regex did. */
export function xenGuests(capabilities: string): XenGuest[] {
  const guests = new Map<string, XenGuest>();
  for (const word of capabilities.trim().split(/\s+/)) {
    const match = CAPABILITY.exec(word);
    const known = match && XEN_ARCHES[match[2]!];
    if (!match || !known) continue;
    const osType = match[1] as 'xen' | 'hvm';
    const key = `${osType} ${known.arch}`;
    const guest = guests.get(key) ?? { osType, ...known, pae: false, nonpae: false, ia64BigEndian: false };
    if (match[3] === 'p') guest.pae = true;
    else if (match[3] === 'be') guest.ia64BigEndian = true;
    else if (match[2] === 'x86_32') guest.nonpae = true;
    guests.set(key, guest);
  }
  return [...guests.values()];
}

/** Node's `process.arch` -> libvirt's architecture names. */
export function libvirtArch(nodeArch: string): string {
  return { x64: 'x86_64', ia32: 'i686', arm64: 'aarch64', arm: 'armv7l', ppc64: 'ppc64' }[nodeArch] ?? nodeArch;
}

export function formatXenCapabilities(hostArch: string, capabilities: string): string {
  const emulator = hostArch === 'x86_64' ? '/usr/lib64/xen/bin/qemu-dm' : '/usr/lib/xen/bin/qemu-dm';
  const lines = ['<capabilities>', '', '  <host>', '    <cpu>', `      <arch>${hostArch}</arch>`, '    </cpu>', '  </host>', ''];
  for (const guest of xenGuests(capabilities)) {
    const hvm = guest.osType === 'hvm';
    lines.push('  <guest>', `    <os_type>${guest.osType}</os_type>`, `    <arch name='${guest.arch}'>`, `      <wordsize>${guest.wordsize}</wordsize>`);
    lines.push(`      <emulator>${emulator}</emulator>`);
    if (hvm) lines.push(`      <loader>${HVMLOADER}</loader>`);
    lines.push(`      <machine>${hvm ? 'xenfv' : 'xenpv'}</machine>`, "      <domain type='xen'/>", '    </arch>');
    const features = [
      ...(guest.pae ? ['<pae/>'] : []),
      ...(guest.nonpae ? ['<nonpae/>'] : []),
      ...(guest.ia64BigEndian ? ['<ia64_be/>'] : []),
      ...(hvm ? ["<acpi default='on' toggle='yes'/>", "<apic default='on' toggle='yes'/>"] : []),
    ];
    if (features.length > 0) lines.push('    <features>', ...features.map((f) => `      ${f}`), '    </features>');
    lines.push('  </guest>', '');
  }
  lines.push('</capabilities>');
  return `${lines.join('\n')}\n`;
}

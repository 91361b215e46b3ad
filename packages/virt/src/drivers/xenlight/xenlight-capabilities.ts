import type { NumaNode, Physinfo } from '@libvirt-ts/hypercall';
import type { HostCpuModel } from './host-cpu-model.js';

/** cpuid leaf 1 EDX bit 6, the first word of physinfo's hw_cap. */
const CPUID_1_EDX_PAE = 1 << 6;

/**
 * virConnectGetCapabilities as libvirt 9's libxl driver lays it out on an x86_64 host: host CPU
 * (architecture, PAE, topology), migration, the NUMA topology physinfo describes, and one guest
 * per entry of XENVER_capabilities ("xen-3.0-x86_64 hvm-3.0-x86_32 ...").
 * The host CPU's model and extra features are libvirt's decoding of hw_cap (host-cpu-model.ts),
 * when there is one. The NUMA cell is sysctl numainfo's node (the memory it spans, its distances);
 * without numainfo there is no topology, as libvirt leaves it out when libxl_get_numainfo fails.
 */
export function formatXenlightCapabilities(xenCapabilities: string, physinfo: Physinfo, numa: NumaNode[] | undefined, cpu?: HostCpuModel): string {
  const hwCap0 = new DataView(physinfo.hwCap.buffer, physinfo.hwCap.byteOffset, physinfo.hwCap.byteLength).getUint32(0, true);
  const sockets = Math.max(1, Math.floor(physinfo.nrCpus / Math.max(1, physinfo.coresPerSocket * physinfo.threadsPerCore) / Math.max(1, physinfo.nrNodes)));
  const lines = [
    '<capabilities>',
    '',
    '  <host>',
    '    <cpu>',
    '      <arch>x86_64</arch>',
    ...((hwCap0 & CPUID_1_EDX_PAE) !== 0 ? ['      <features>', '        <pae/>', '      </features>'] : []),
    ...(cpu ? [`      <model>${cpu.model}</model>`] : []),
    `      <topology sockets='${sockets}' dies='1' cores='${physinfo.coresPerSocket}' threads='${physinfo.threadsPerCore}'/>`,
    ...(cpu?.features ?? []).map((name) => `      <feature name='${name}'/>`),
    '    </cpu>',
    '    <power_management/>',
    "    <iommu support='no'/>",
    '    <migration_features>',
    '      <live/>',
    '    </migration_features>',
    '    <netprefix>vif</netprefix>',
    ...topology(physinfo, numa),
    '  </host>',
    '',
    ...xenCapabilities.split(/\s+/).filter(Boolean).flatMap(guest),
    '</capabilities>',
    '',
  ];
  return lines.join('\n');
}

/** One cell with every CPU when the host has one node; each CPU its own core (physinfo tells no more). */
function topology(p: Physinfo, numa: NumaNode[] | undefined): string[] {
  const node = numa?.[0];
  if (p.nrNodes !== 1 || numa?.length !== 1 || node?.memoryKiB === undefined) return [];
  const cpus = Array.from({ length: p.nrCpus }, (_, id) => {
    const core = Math.floor(id / p.threadsPerCore) % p.coresPerSocket;
    const socket = Math.floor(id / (p.threadsPerCore * p.coresPerSocket));
    const first = id - (id % p.threadsPerCore);
    const siblings = p.threadsPerCore === 1 ? String(id) : `${first}-${first + p.threadsPerCore - 1}`;
    return `            <cpu id='${id}' socket_id='${socket}' die_id='0' core_id='${core}' siblings='${siblings}'/>`;
  });
  return [
    '    <topology>',
    "      <cells num='1'>",
    "        <cell id='0'>",
    `          <memory unit='KiB'>${node.memoryKiB}</memory>`,
    ...(node.distances[0] === undefined ? [] : ['          <distances>', `            <sibling id='0' value='${node.distances[0]}'/>`, '          </distances>']),
    `          <cpus num='${p.nrCpus}'>`,
    ...cpus,
    '          </cpus>',
    '        </cell>',
    '      </cells>',
    '    </topology>',
  ];
}

/** "xen-3.0-x86_64" -> a PV guest on x86_64; "hvm-3.0-x86_32" -> an HVM guest on i686. */
function guest(entry: string): string[] {
  const match = /^(xen|hvm)-[\d.]+-(x86_64|x86_32p?)$/.exec(entry);
  if (!match) return [];
  const arch = match[2] === 'x86_64' ? 'x86_64' : 'i686';
  const hvm = match[1] === 'hvm';
  return [
    '  <guest>',
    `    <os_type>${hvm ? 'hvm' : 'xen'}</os_type>`,
    `    <arch name='${arch}'>`,
    `      <wordsize>${arch === 'x86_64' ? 64 : 32}</wordsize>`,
    '      <emulator>/usr/lib/xen/bin/qemu-system-i386</emulator>',
    ...(hvm ? ['      <loader>/usr/lib/xen/boot/hvmloader</loader>', '      <machine>xenfv</machine>'] : ['      <machine>xenpv</machine>']),
    "      <domain type='xen'/>",
    '    </arch>',
    ...(hvm ? ['    <features>', '      <pae/>', '      <nonpae/>', "      <acpi default='on' toggle='yes'/>", "      <apic default='on' toggle='no'/>", "      <hap default='on' toggle='yes'/>", '    </features>'] : []),
    '  </guest>',
    '',
  ];
}

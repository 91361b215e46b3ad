/** One NUMA cell of a test node, as libvirt 9's test driver describes it. */
export interface TestCell {
  /** KiB */
  memory: number;
  /** The size (KiB) of the cell's small pages, and how many there are. */
  smallPageSize: number;
  smallPages: number;
  /** How many CPUs the cell has; they are numbered on from the previous cell's. */
  cpus: number;
}

/** Page sizes the test host offers (KiB), in libvirt's order. */
const HOST_PAGE_SIZES = [4, 8, 2048, 1048576];
/** Guest OS types the test driver offers. */
const GUEST_OS_TYPES = ['hvm', 'xen'];

/**
 * The capabilities document of a test node, laid out as libvirt 9's formatter writes it (blank lines
 * between the host and guest sections included). Each cell's CPUs are one socket of single-thread
 * cores; huge pages are listed empty.
 */
export function formatTestCapabilities(cells: readonly TestCell[]): string {
  const lines = ['<capabilities>', '', '  <host>', '    <cpu>', '      <arch>i686</arch>', ...features('      ')];
  for (const size of HOST_PAGE_SIZES) lines.push(`      <pages unit='KiB' size='${size}'/>`);
  lines.push('    </cpu>', '    <power_management/>', "    <iommu support='no'/>", '    <topology>', `      <cells num='${cells.length}'>`);
  let firstCpu = 0;
  cells.forEach((cell, cellId) => {
    lines.push(`        <cell id='${cellId}'>`, `          <memory unit='KiB'>${cell.memory}</memory>`);
    lines.push(`          <pages unit='KiB' size='${cell.smallPageSize}'>${cell.smallPages}</pages>`);
    for (const size of HOST_PAGE_SIZES.slice(2)) lines.push(`          <pages unit='KiB' size='${size}'>0</pages>`);
    lines.push(`          <cpus num='${cell.cpus}'>`);
    for (let core = 0; core < cell.cpus; core++) {
      const id = firstCpu + core;
      lines.push(`            <cpu id='${id}' socket_id='${cellId}' die_id='0' core_id='${core}' siblings='${id}'/>`);
    }
    lines.push('          </cpus>', '        </cell>');
    firstCpu += cell.cpus;
  });
  lines.push('      </cells>', '    </topology>', '    <secmodel>', '      <model>testSecurity</model>', '      <doi></doi>', '    </secmodel>', '  </host>', '');
  for (const osType of GUEST_OS_TYPES) {
    lines.push('  <guest>', `    <os_type>${osType}</os_type>`, "    <arch name='i686'>", '      <wordsize>32</wordsize>');
    lines.push('      <emulator>/usr/bin/test-hv</emulator>', "      <domain type='test'/>", '    </arch>', ...features('    '), '  </guest>', '');
  }
  lines.push('</capabilities>');
  return `${lines.join('\n')}\n`;
}

function features(indent: string): string[] {
  return [`${indent}<features>`, `${indent}  <pae/>`, `${indent}  <nonpae/>`, `${indent}</features>`];
}

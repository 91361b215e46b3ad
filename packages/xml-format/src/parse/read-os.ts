// <os>: guest type, firmware/kernel, boot order.
import type { BootDevice, DomainType, OsAcpiTable, OsConfig, OsLoader } from '../model/domain.js';
import { ACPI_TABLE_TYPES, LOADER_TYPES, OS_TYPES } from '../model/domain.js';
import type { ElementReader } from './element-reader.js';

// 0.1.x wrote device names where later libvirt writes device kinds.
const LEGACY_BOOT_DEVICES: Readonly<Record<string, BootDevice>> = {
  fd: 'fd',
  fda: 'fd',
  '/dev/fd0': 'fd',
  hd: 'hd',
  hda: 'hd',
  hdb: 'hd',
  hdc: 'hd',
  hdd: 'hd',
  cdrom: 'cdrom',
  '/dev/cdrom': 'cdrom',
  network: 'network',
};

/**
 * Reads `<os>`. A `<bootloader>` (pygrub) stands in for a missing `<os>` or
 * kernel, as in libvirt 0.1.x; without one, `<os>` is required (NO_OS) and a
 * paravirtualised Xen guest needs `<kernel>` (NO_KERNEL).
 */
export function readOs(domain: ElementReader, domainType: DomainType, hasBootloader: boolean): OsConfig {
  const os = domain.child('os');
  if (os === undefined) {
    if (hasBootloader) return { type: 'linux', bootDevices: [] };
    return domain.missingElement('NO_OS', 'missing <os> element (and no <bootloader>)');
  }
  const type = os.child('type');
  const config: OsConfig = { type: type === undefined ? 'linux' : readOsType(type), bootDevices: readBootDevices(os) };
  if (type !== undefined) {
    const arch = type.attribute('arch');
    if (arch !== undefined) config.arch = arch;
    const machine = type.attribute('machine');
    if (machine !== undefined) config.machine = machine;
  }
  const loader = os.child('loader');
  if (loader !== undefined) config.loader = readLoader(loader);
  for (const field of ['kernel', 'initrd', 'root', 'cmdline'] as const) {
    const text = os.childText(field);
    if (text !== undefined) config[field] = text;
  }
  const acpi = os.child('acpi');
  if (acpi !== undefined) config.acpiTables = acpi.children('table').map(readAcpiTable);
  // Xen needs something to boot a paravirtualised guest from; other drivers
  // (libvirt 9's test driver) accept a PV definition without a kernel.
  if (domainType === 'xen' && config.type !== 'hvm' && config.kernel === undefined && !hasBootloader) {
    os.missingElement('NO_KERNEL', 'a paravirtualised Xen guest needs <kernel> or a <bootloader>');
  }
  return config;
}

function readOsType(type: ElementReader): OsConfig['type'] {
  const text = type.text().trim();
  if (text === '') type.failText('OS_TYPE', 'empty <os><type>');
  if (!(OS_TYPES as readonly string[]).includes(text)) {
    type.failText('OS_TYPE', `unknown OS type (expected ${OS_TYPES.join(', ')})`);
  }
  return text as OsConfig['type'];
}

function readLoader(loader: ElementReader): OsLoader {
  const config: OsLoader = { path: loader.text() };
  const type = loader.enumAttribute('type', LOADER_TYPES);
  if (type !== undefined) config.type = type;
  const readonly = loader.booleanAttribute('readonly');
  if (readonly !== undefined) config.readonly = readonly;
  return config;
}

function readBootDevices(os: ElementReader): BootDevice[] {
  return os.children('boot').map((boot) => {
    const dev = boot.requireAttribute('dev');
    const device = Object.hasOwn(LEGACY_BOOT_DEVICES, dev) ? LEGACY_BOOT_DEVICES[dev] : undefined;
    if (device === undefined) return boot.failAttribute('dev', 'INVALID_ARG', 'unknown boot device (expected fd, hd, cdrom, network)', dev);
    return device;
  });
}

function readAcpiTable(table: ElementReader): OsAcpiTable {
  const type = table.enumAttribute('type', ACPI_TABLE_TYPES);
  if (type === undefined) table.missingAttribute('type');
  return { type, path: table.text() };
}

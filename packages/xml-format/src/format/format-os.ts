// <os>: type, loader, kernel..., boot order.
import type { OsConfig } from '../model/domain.js';
import { yesNo } from './values.js';
import type { XmlWriter } from './xml-writer.js';
import { ACPI_TABLE_TYPES, BOOT_DEVICES, LOADER_TYPES, OS_TYPES } from '../model/domain.js';

export function formatOs(out: XmlWriter, os: OsConfig): void {
  out.element('os', [], () => {
    out.text('type', out.oneOf('type', os.type, OS_TYPES), [
      ['arch', os.arch],
      ['machine', os.machine],
    ]);
    if (os.loader !== undefined) {
      out.text('loader', os.loader.path, [
        ['readonly', yesNo(os.loader.readonly)],
        ['type', out.oneOf('loader.type', os.loader.type, LOADER_TYPES)],
      ]);
    }
    out.text('kernel', os.kernel);
    out.text('initrd', os.initrd);
    out.text('cmdline', os.cmdline);
    out.text('root', os.root);
    if (os.acpiTables !== undefined) {
      out.element('acpi', [], () => {
        for (const table of os.acpiTables ?? []) out.text('table', table.path, [['type', out.oneOf('acpiTables.type', table.type, ACPI_TABLE_TYPES)]]);
      });
    }
    for (const dev of os.bootDevices) out.empty('boot', [['dev', out.oneOf('bootDevices', dev, BOOT_DEVICES)]]);
  });
}

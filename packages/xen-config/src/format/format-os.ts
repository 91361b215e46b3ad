// Boot and input settings xm and xl write alike.
import type { DomainConfig } from '@libvirt-ts/xml-format';
import type { ConfBuilder } from '../conf/conf-builder.js';

/** PV boot: bootloader, bootargs, kernel, ramdisk and the command line (`extra` in xm, `cmdline` in xl). */
export function formatPvBoot(out: ConfBuilder, config: DomainConfig, cmdlineSetting: 'extra' | 'cmdline'): void {
  if (config.bootloader !== undefined) out.setString('bootloader', config.bootloader);
  if (config.bootloaderArgs !== undefined) out.setString('bootargs', config.bootloaderArgs);
  if (config.os.kernel !== undefined) out.setString('kernel', config.os.kernel);
  if (config.os.initrd !== undefined) out.setString('ramdisk', config.os.initrd);
  if (config.os.cmdline !== undefined) out.setString(cmdlineSetting, config.os.cmdline);
}

/** HVM USB inputs: sets `usb = 1` when there is one and returns their names. */
export function formatUsbInputs(out: ConfBuilder, config: DomainConfig): string[] {
  const names: string[] = [];
  for (const input of config.devices.inputs) {
    if (input.bus !== 'usb') continue;
    out.setInt('usb', 1);
    if (input.type === 'mouse' || input.type === 'tablet' || input.type === 'keyboard') names.push(input.type);
  }
  return names;
}

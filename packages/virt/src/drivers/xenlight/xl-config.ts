import type { DiskConfig, DomainConfig, InterfaceConfig } from '@libvirt-ts/xml-format';
import { xenDriverError } from '../xen/to-virt-error.js';

/**
 * A domain config as an `xl` config file: what `xl create` needs to build it. The one place the
 * driver converts to xl's format, to be replaced by `@libvirt-ts/xen-config` when it lands.
 * Covers PV and HVM guests with kernel or bootloader, memory, vcpus, lifecycle actions, file and
 * block disks and bridged or routed interfaces; anything xl's format cannot carry is
 * CONFIG_UNSUPPORTED naming it.
 */
export function toXlConfig(config: DomainConfig): string {
  const lines: string[] = [];
  const set = (key: string, value: string | number | string[]) => lines.push(`${key} = ${render(key, value)}`);
  set('name', config.name);
  if (config.uuid) set('uuid', config.uuid);
  const hvm = config.os.type === 'hvm';
  set('type', hvm ? 'hvm' : 'pv');
  if (config.bootloader) set('bootloader', config.bootloader);
  if (config.bootloaderArgs) set('bootloader_args', config.bootloaderArgs.split(/\s+/).filter(Boolean));
  if (config.os.kernel) set('kernel', config.os.kernel);
  if (config.os.initrd) set('ramdisk', config.os.initrd);
  if (config.os.root) set('root', config.os.root);
  if (config.os.cmdline) set('extra', config.os.cmdline);
  set('memory', mebibytes(config.currentMemory));
  if (config.memory !== config.currentMemory) set('maxmem', mebibytes(config.memory));
  set('vcpus', config.vcpu.current ?? config.vcpu.count);
  if (config.vcpu.current !== undefined && config.vcpu.current !== config.vcpu.count) set('maxvcpus', config.vcpu.count);
  if (config.vcpu.cpuset) set('cpus', config.vcpu.cpuset);
  set('on_poweroff', config.onPoweroff);
  set('on_reboot', config.onReboot);
  set('on_crash', config.onCrash);
  const disks = config.devices.disks.map(diskSpec);
  if (disks.length > 0) set('disk', disks);
  const vifs = config.devices.interfaces.map(vifSpec);
  if (vifs.length > 0) set('vif', vifs);
  return `${lines.join('\n')}\n`;
}

/** xl sizes are whole MiB: a KiB size is rounded up so the guest never gets less than asked. */
function mebibytes(kib: number): number {
  return Math.ceil(kib / 1024);
}

function diskSpec(disk: DiskConfig): string {
  const target = disk.source?.file ?? disk.source?.dev;
  const parts = [
    `format=${disk.driver?.type ?? 'raw'}`,
    `vdev=${disk.target.dev}`,
    `access=${disk.readonly ? 'ro' : 'rw'}`,
    ...(disk.device === 'cdrom' ? ['devtype=cdrom'] : []),
    ...(target === undefined ? [] : [`target=${target}`]),
  ];
  return parts.join(', ');
}

function vifSpec(vif: InterfaceConfig): string {
  const parts = [
    ...(vif.mac ? [`mac=${vif.mac}`] : []),
    ...(vif.source?.bridge ? [`bridge=${vif.source.bridge}`] : []),
    ...(vif.script ? [`script=${vif.script}`] : []),
    ...(vif.model ? [`model=${vif.model}`] : []),
    ...(vif.target ? [`vifname=${vif.target}`] : []),
    ...vif.ips.slice(0, 1).map((ip) => `ip=${ip.address}`),
  ];
  return parts.join(', ');
}

function render(key: string, value: string | number | string[]): string {
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return `[ ${value.map((item) => quoted(key, item)).join(', ')} ]`;
  return quoted(key, value);
}

/** xl's strings are double-quoted with no escapes: a value holding a quote or a line break cannot be written. */
function quoted(key: string, value: string): string {
  if (/["\n\r\\]/.test(value)) {
    throw xenDriverError('LIBXL', 'CONFIG_UNSUPPORTED', `xl config '${key}' cannot hold the value '${value}'`);
  }
  return `"${value}"`;
}

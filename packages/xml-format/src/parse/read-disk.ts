// <disk>: an image or block device seen by the guest.
import type { DiskConfig, DiskDriver, DiskSource } from '../model/devices.js';
import { DISK_BUSES, DISK_DEVICES, DISK_TYPES } from '../model/devices.js';
import { withDefined } from '../values/defined.js';
import type { ElementReader } from './element-reader.js';
import { readAddress } from './read-address.js';

export function readDisk(disk: ElementReader): DiskConfig {
  const type = disk.enumAttribute('type', DISK_TYPES) ?? 'file';
  const target = disk.child('target');
  const { dev: targetDev, cdrom } = undecorate(target?.attribute('dev'));
  const device = disk.enumAttribute('device', DISK_DEVICES) ?? (cdrom ? 'cdrom' : 'disk');
  const source = readSource(disk.child('source'));
  // Removable media may be empty; anything else needs something to show the guest.
  if (source === undefined && device !== 'cdrom' && device !== 'floppy') {
    disk.missingElement('NO_SOURCE', `missing <source> for disk${targetDev === undefined ? '' : ` ${targetDev}`}`);
  }
  if (target === undefined) return disk.missingElement('NO_TARGET', 'missing <target> for disk', sourceName(source));
  if (targetDev === undefined || targetDev === '') {
    return target.fail('NO_TARGET', 'MISSING_ATTRIBUTE', 'missing <target dev> for disk', sourceName(source));
  }
  const driver = disk.child('driver');
  const backingStore = disk.child('backingStore');
  return withDefined<DiskConfig>(
    { type, device, target: withDefined<DiskConfig['target']>({ dev: targetDev }, { bus: target.enumAttribute('bus', DISK_BUSES) }) },
    {
      driver:
        driver === undefined
          ? undefined
          : withDefined<DiskDriver>({}, { name: driver.attribute('name'), type: driver.attribute('type'), cache: driver.attribute('cache') }),
      source,
      backingStore: backingStore !== undefined && backingStore.element.children.length === 0 ? 'none' : undefined,
      readonly: disk.child('readonly') === undefined ? undefined : true,
      shareable: disk.child('shareable') === undefined ? undefined : true,
      address: readAddress(disk),
    },
  );
}

function readSource(source: ElementReader | undefined): DiskSource | undefined {
  if (source === undefined) return undefined;
  const hosts = source.children('host').map((host) => {
    const name = host.requireAttribute('name');
    return withDefined<{ name: string; port?: number }>({ name }, { port: host.unsignedAttribute('port', { max: 65535 }) });
  });
  return withDefined<DiskSource>(
    {},
    {
      file: source.attribute('file'),
      dev: source.attribute('dev'),
      dir: source.attribute('dir'),
      protocol: source.attribute('protocol'),
      name: source.attribute('name'),
      hosts: hosts.length > 0 ? hosts : undefined,
    },
  );
}

function sourceName(source: DiskSource | undefined): string | undefined {
  return source?.file ?? source?.dev ?? source?.dir ?? source?.name;
}

// xend wrote `ioemu:hda` for HVM disks and `xvda:disk` / `hdc:cdrom`; 0.1.x-0.2.x XML carried them over.
function undecorate(dev: string | undefined): { dev: string | undefined; cdrom: boolean } {
  if (dev === undefined) return { dev, cdrom: false };
  const bare = dev.startsWith('ioemu:') ? dev.slice('ioemu:'.length) : dev;
  if (bare.endsWith(':cdrom')) return { dev: bare.slice(0, -':cdrom'.length), cdrom: true };
  return { dev: bare.endsWith(':disk') ? bare.slice(0, -':disk'.length) : bare, cdrom: false };
}

import type { DiskBus, DiskConfig } from '@libvirt-ts/xml-format';
import { diskTargetName } from './format-devices.js';

// libvirt keeps a domain's disks sorted per bus by disk index (hda before hdc, whatever the
// document order: virDomainDiskInsert), and xend gets them in that order. A DomainConfig keeps
// document order, so the converter sorts the same way before writing.

const NAME_PREFIXES = ['xvd', 'hd', 'sd', 'vd', 'fd', 'ubd'];

/** The bus a disk is on: its `bus=`, else what its name implies (libvirt's default). */
export function diskBus(disk: DiskConfig): DiskBus | undefined {
  if (disk.target.bus !== undefined) return disk.target.bus;
  const name = diskTargetName(disk);
  if (name.startsWith('xvd')) return 'xen';
  if (name.startsWith('hd')) return 'ide';
  if (name.startsWith('sd')) return 'scsi';
  if (name.startsWith('vd')) return 'virtio';
  if (name.startsWith('fd')) return 'fdc';
  return undefined;
}

/** `hda` -> 0, `hdc` -> 2, `sdaa` -> 26 (libvirt's virDiskNameToIndex); -1 when not a disk name. */
export function diskIndex(name: string): number {
  const prefix = NAME_PREFIXES.find((candidate) => name.startsWith(candidate));
  if (prefix === undefined) return -1;
  const letters = /^[a-z]+/.exec(name.slice(prefix.length))?.[0];
  if (letters === undefined) return -1;
  let index = 0;
  for (const letter of letters) index = index * 26 + (letter.charCodeAt(0) - 96);
  return index - 1;
}

/** The disks in the order libvirt holds them. */
export function sortDisksLikeLibvirt(disks: readonly DiskConfig[]): DiskConfig[] {
  const sorted: DiskConfig[] = [];
  for (const disk of disks) {
    const bus = diskBus(disk);
    const index = diskIndex(diskTargetName(disk));
    // As libvirt: before the first disk on the same bus with a higher index, else right
    // after the last disk on that bus, else at the end.
    let insertAt = -1;
    for (let position = sorted.length - 1; position >= 0; position--) {
      const other = sorted[position]!;
      if (diskBus(other) !== bus) continue;
      if (diskIndex(diskTargetName(other)) > index) insertAt = position;
      else if (insertAt === -1) insertAt = position + 1;
    }
    sorted.splice(insertAt === -1 ? sorted.length : insertAt, 0, disk);
  }
  return sorted;
}

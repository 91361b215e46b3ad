import { parseXml, type XmlElement } from '@libvirt-ts/xml-format';

/** The fields virsh 9 reads from a snapshot's XML with XPath (state, parent, creation time, location). */
export interface SnapshotFields {
  state: string | undefined;
  parent: string | undefined;
  creationTime: string | undefined;
  /** snapshot-info's Location: external memory or disks (or, without `<memory>`, a disk-only state). */
  external: boolean;
}

export function snapshotFields(xml: string): SnapshotFields {
  const root = parseXml(xml, { maxLength: Number.POSITIVE_INFINITY });
  const child = (element: XmlElement | undefined, name: string) => element?.children.find((c) => c.name === name);
  const state = child(root, 'state')?.text;
  const memory = child(root, 'memory');
  const disks = child(root, 'disks')?.children ?? [];
  const external =
    memory === undefined
      ? state === 'disk-snapshot'
      : memory.attributes.get('snapshot') === 'external' || disks.some((d) => d.attributes.get('snapshot') === 'external');
  return { state, parent: child(child(root, 'parent'), 'name')?.text, creationTime: child(root, 'creationTime')?.text, external };
}

/** strftime's `%Y-%m-%d %H:%M:%S %z` of `seconds` in local time, as snapshot-list shows it. */
export function localTimestamp(seconds: number): string {
  const date = new Date(seconds * 1000);
  const two = (n: number) => String(n).padStart(2, '0');
  const offset = -date.getTimezoneOffset();
  const zone = `${offset < 0 ? '-' : '+'}${two(Math.floor(Math.abs(offset) / 60))}${two(Math.abs(offset) % 60)}`;
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())} ${two(date.getHours())}:${two(date.getMinutes())}:${two(date.getSeconds())} ${zone}`;
}

import { parseXml, type XmlElement } from '@libvirt-ts/xml-format';
import { failed } from '../errors.js';

/** The `<disk>` elements of a domain's XML (`/domain/devices/disk`), in order. */
export function domainDisks(xml: string): XmlElement[] {
  const domain = parseXml(xml);
  return domain.children.filter((c) => c.name === 'devices').flatMap((devices) => devices.children.filter((c) => c.name === 'disk'));
}

/** The disk's source path as virsh 9 reads it: `file`, `dev`, `dir` or `name` of its first `<source>`. */
export function diskSourcePath(source: XmlElement): string | undefined {
  const attrs = source.attributes;
  return attrs.get('file') ?? attrs.get('dev') ?? attrs.get('dir') ?? attrs.get('name');
}

/**
 * virshFindDisk: the first disk one of whose `<source>` or `<target>` children names `path`
 * (a source path, or a target's `dev`).
 */
export function findDisk(xml: string, path: string): XmlElement {
  for (const disk of domainDisks(xml)) {
    for (const child of disk.children) {
      const named = child.name === 'source' ? diskSourcePath(child) : child.name === 'target' ? child.attributes.get('dev') : undefined;
      if (named === path) return disk;
    }
  }
  throw failed(`No disk found whose source path or target is ${path}`);
}

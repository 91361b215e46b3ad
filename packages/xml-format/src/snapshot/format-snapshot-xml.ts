import { formatDomain } from '../format/format-domain.js';
import { XmlWriter } from '../format/xml-writer.js';
import { SNAPSHOT_LOCATIONS, SNAPSHOT_STATES, type DomainSnapshotConfig, type SnapshotDisk } from './snapshot-model.js';

/**
 * Writes a `<domainsnapshot>` as libvirt's virDomainSnapshotDefFormat does: name, description,
 * state, parent, creation time, memory, disks, then the domain (or its `<uuid>` alone) and
 * `<active>`. Throws XmlFormatError (INVALID_ARG) for a value XML cannot carry.
 */
export function formatSnapshotXml(config: DomainSnapshotConfig): string {
  const out = new XmlWriter('domainsnapshot');
  out.element('domainsnapshot', [], () => {
    out.text('name', config.name);
    out.text('description', config.description);
    out.text('state', out.oneOf('state', config.state, SNAPSHOT_STATES));
    if (config.parent !== undefined) out.element('parent', [], () => out.text('name', config.parent));
    out.text('creationTime', config.creationTime);
    if (config.memory !== undefined) {
      out.empty('memory', [
        ['snapshot', out.oneOf('memory.snapshot', config.memory.snapshot, SNAPSHOT_LOCATIONS)],
        ['file', config.memory.file],
      ]);
    }
    if (config.disks !== undefined && config.disks.length > 0) {
      const disks = config.disks;
      out.element('disks', [], () => {
        for (const [i, disk] of disks.entries()) out.at(`domainsnapshot.disks[${i}]`, () => formatDisk(out, disk));
      });
    }
    if (config.domain !== undefined) out.at('domainsnapshot.domain', () => formatDomain(out, config.domain!));
    else if (config.domainUuid !== undefined) out.element('domain', [], () => out.text('uuid', config.domainUuid));
    if (config.active !== undefined) out.text('active', config.active ? 1 : 0);
  });
  return out.toString();
}

/** An external disk names its storage type, format and file; the others are one empty element. */
function formatDisk(out: XmlWriter, disk: SnapshotDisk): void {
  const attributes = [
    ['name', out.require('name', disk.name)],
    ['snapshot', out.oneOf('snapshot', disk.snapshot, SNAPSHOT_LOCATIONS)],
  ] as const;
  if (disk.sourceFile === undefined && disk.driverType === undefined) {
    out.empty('disk', attributes);
    return;
  }
  out.element('disk', [...attributes, ['type', disk.type ?? 'file']], () => {
    if (disk.driverType !== undefined) out.empty('driver', [['type', disk.driverType]]);
    if (disk.sourceFile !== undefined) out.empty('source', [['file', disk.sourceFile]]);
  });
}

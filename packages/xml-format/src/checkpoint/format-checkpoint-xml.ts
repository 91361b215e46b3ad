import { formatDomain } from '../format/format-domain.js';
import { XmlWriter } from '../format/xml-writer.js';
import { CHECKPOINT_TYPES, type CheckpointDisk, type DomainCheckpointConfig } from './checkpoint-model.js';

export interface FormatCheckpointOptions {
  /** Leave the `<domain>` out (VIR_DOMAIN_CHECKPOINT_XML_NO_DOMAIN). */
  noDomain?: boolean;
}

/**
 * Writes a `<domaincheckpoint>` as libvirt's virDomainCheckpointDefFormat does: name, description,
 * parent, creation time, disks, then the domain. Throws XmlFormatError (INVALID_ARG) for a value XML
 * cannot carry.
 */
export function formatCheckpointXml(config: DomainCheckpointConfig, options: FormatCheckpointOptions = {}): string {
  const out = new XmlWriter('domaincheckpoint');
  out.element('domaincheckpoint', [], () => {
    out.text('name', config.name);
    out.text('description', config.description);
    if (config.parent !== undefined) out.element('parent', [], () => out.text('name', config.parent));
    // libvirt writes no creation time of 0.
    if (config.creationTime) out.text('creationTime', config.creationTime);
    const disks = config.disks ?? [];
    if (disks.length > 0) {
      out.element('disks', [], () => {
        for (const [i, disk] of disks.entries()) out.at(`domaincheckpoint.disks[${i}]`, () => formatDisk(out, disk));
      });
    }
    if (config.domain !== undefined && options.noDomain !== true) out.at('domaincheckpoint.domain', () => formatDomain(out, config.domain!));
  });
  return out.toString();
}

/** A disk's size estimate is never written: libvirt 9 writes it only when a driver measured one, which none here does. */
function formatDisk(out: XmlWriter, disk: CheckpointDisk): void {
  out.empty('disk', [
    ['name', out.require('name', disk.name)],
    ['checkpoint', disk.checkpoint === 'default' ? undefined : out.oneOf('checkpoint', disk.checkpoint, CHECKPOINT_TYPES)],
    ['bitmap', disk.bitmap],
  ]);
}

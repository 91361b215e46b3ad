import type { DomainConfig } from '../model/domain.js';
import { ElementReader, ReadTracker } from '../parse/element-reader.js';
import { readDomain } from '../parse/read-domain.js';
import type { XmlElement } from '../parse/xml-tree.js';
import { CHECKPOINT_TYPES, type CheckpointDisk, type DomainCheckpointConfig } from './checkpoint-model.js';

export interface ReadCheckpointOptions {
  /** Report unknown elements and attributes (CONFIG_UNSUPPORTED) instead of ignoring them as libvirt does. */
  strict?: boolean;
  /** Reads the nested `<domain>` (with its text `source`): a hypervisor's own reading. By default the format's own. */
  readDomain?: (domain: XmlElement, source: string) => DomainConfig;
}

/**
 * Reads a `<domaincheckpoint>` element of a tree from parseXml (`source` is the text it came from,
 * for line:column in errors), as libvirt's virDomainCheckpointDefParse reads it: every disk of
 * `<disks>`, a disk without `checkpoint=` being a bitmap.
 */
export function readCheckpointElement(root: XmlElement, source: string, options: ReadCheckpointOptions = {}): DomainCheckpointConfig {
  const tracker = new ReadTracker(source, options.strict === true);
  const reader = new ElementReader(root, undefined, tracker);
  if (reader.name !== 'domaincheckpoint') reader.fail('XML_ERROR', 'WRONG_ROOT', `expecting root element of 'domaincheckpoint', not '${reader.name}'`);
  const config: DomainCheckpointConfig = {};
  const name = reader.childText('name');
  if (name !== undefined) config.name = name;
  const description = reader.childText('description');
  if (description !== undefined) config.description = description;
  const parent = reader.child('parent')?.childText('name');
  if (parent !== undefined) config.parent = parent;
  const creationTime = reader.child('creationTime');
  if (creationTime !== undefined) config.creationTime = creationTime.unsignedText();
  const disks = reader.child('disks');
  if (disks !== undefined) config.disks = disks.allChildren().map((disk) => readDisk(new ElementReader(disk.element, disks, tracker)));
  const domain = reader.child('domain');
  if (domain !== undefined) config.domain = options.readDomain === undefined ? readDomain(domain) : options.readDomain(domain.element, source);
  if (options.strict === true) tracker.reportUnread(reader);
  return config;
}

function readDisk(disk: ElementReader): CheckpointDisk {
  const out: CheckpointDisk = { name: disk.requireAttribute('name'), checkpoint: disk.enumAttribute('checkpoint', CHECKPOINT_TYPES) ?? 'bitmap' };
  const bitmap = disk.attribute('bitmap');
  if (bitmap !== undefined) out.bitmap = bitmap;
  return out;
}

import { ElementReader, ReadTracker } from '../parse/element-reader.js';
import { readDomain } from '../parse/read-domain.js';
import type { DomainConfig } from '../model/domain.js';
import type { XmlElement } from '../parse/xml-tree.js';
import { SNAPSHOT_LOCATIONS, SNAPSHOT_STATES, type DomainSnapshotConfig, type SnapshotDisk } from './snapshot-model.js';

export interface ReadSnapshotOptions {
  /** Report unknown elements and attributes (CONFIG_UNSUPPORTED) instead of ignoring them as libvirt does. */
  strict?: boolean;
  /**
   * Reads the nested `<domain>` (with its text `source`): a hypervisor's own reading, with its
   * defaults and checks. By default the format's own.
   */
  readDomain?: (domain: XmlElement, source: string) => DomainConfig;
}

/**
 * Reads a `<domainsnapshot>` element of a tree from parseXml (`source` is the text it came from,
 * for line:column in errors). Values are checked as libvirt's parser checks them; a nested
 * `<domain>` with a type is read as a full domain definition.
 */
export function readSnapshotElement(root: XmlElement, source: string, options: ReadSnapshotOptions = {}): DomainSnapshotConfig {
  const tracker = new ReadTracker(source, options.strict === true);
  const reader = new ElementReader(root, undefined, tracker);
  if (reader.name !== 'domainsnapshot') reader.fail('XML_ERROR', 'WRONG_ROOT', `expecting root element of 'domainsnapshot', not '${reader.name}'`);
  const config = readSnapshot(reader, options.readDomain === undefined ? readDomain : (domain) => options.readDomain!(domain.element, source));
  if (options.strict === true) tracker.reportUnread(reader);
  return config;
}

function readSnapshot(reader: ElementReader, readDomainOf: (domain: ElementReader) => DomainConfig): DomainSnapshotConfig {
  const config: DomainSnapshotConfig = {};
  const name = reader.childText('name');
  if (name !== undefined) config.name = name;
  const description = reader.childText('description');
  if (description !== undefined) config.description = description;
  const state = reader.child('state');
  if (state !== undefined) config.state = state.enumText(SNAPSHOT_STATES);
  const parent = reader.child('parent')?.childText('name');
  if (parent !== undefined) config.parent = parent;
  const creationTime = reader.child('creationTime');
  if (creationTime !== undefined) config.creationTime = creationTime.unsignedText();
  const memory = reader.child('memory');
  if (memory !== undefined) {
    const snapshot = memory.enumAttribute('snapshot', SNAPSHOT_LOCATIONS);
    const file = memory.attribute('file');
    config.memory = { ...(snapshot === undefined ? {} : { snapshot }), ...(file === undefined ? {} : { file }) };
  }
  const disks = reader.child('disks');
  if (disks !== undefined) config.disks = disks.children('disk').map(readSnapshotDisk);
  const domain = reader.child('domain');
  if (domain !== undefined) {
    if (domain.hasAttribute('type')) config.domain = readDomainOf(domain);
    else {
      const uuid = domain.childText('uuid');
      if (uuid !== undefined) config.domainUuid = uuid.trim();
    }
  }
  const active = reader.child('active');
  if (active !== undefined) config.active = active.enumText(['0', '1']) === '1';
  return config;
}

function readSnapshotDisk(disk: ElementReader): SnapshotDisk {
  const out: SnapshotDisk = { name: disk.requireAttribute('name') };
  const snapshot = disk.enumAttribute('snapshot', SNAPSHOT_LOCATIONS);
  if (snapshot !== undefined) out.snapshot = snapshot;
  const type = disk.attribute('type');
  if (type !== undefined) out.type = type;
  const driverType = disk.child('driver')?.attribute('type');
  if (driverType !== undefined) out.driverType = driverType;
  const sourceFile = disk.child('source')?.attribute('file');
  if (sourceFile !== undefined) out.sourceFile = sourceFile;
  return out;
}
